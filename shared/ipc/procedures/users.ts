import { z } from 'zod';
import { procedure } from '../define';
import { displayName, empty, id, newPassword, roleList, username } from '../fields';
import { ROLES } from '../../roles';

export const userRow = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type UserRow = z.infer<typeof userRow>;

export const userProcedures = {
  'users.list': procedure({ access: ['admin'], input: empty, output: z.array(userRow) }),
  'users.create': procedure({
    access: ['admin'],
    input: z.object({ username, displayName, roles: roleList, password: newPassword }),
    output: userRow,
  }),
  'users.update': procedure({
    access: ['admin'],
    input: z.object({ id, displayName, roles: roleList, active: z.boolean() }),
    /**
     * Deactivation rekeys the database: the new recovery key, shown once to the admin. On a server,
     * rotateDatabasePassword: the database account's password must be changed too.
     */
    output: userRow.extend({ recoveryKey: z.string().nullable(), rotateDatabasePassword: z.boolean() }),
  }),
  'users.resetPassword': procedure({
    access: ['admin'],
    input: z.object({ id, newPassword }),
    /** A reset rekeys the database: the new recovery key, shown once to the admin. */
    output: z.object({ ok: z.literal(true), recoveryKey: z.string() }),
  }),
} as const;
