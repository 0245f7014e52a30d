import { z } from 'zod';
import { procedure } from '../define';
import { anyPassword, displayName, empty, newPassword, username } from '../fields';
import { ROLES } from '../../roles';
import { dataSourceChoice } from '../server-fields';

export const sessionUser = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const sessionStatus = z.object({
  state: z.enum(['uninitialized', 'loggedOut', 'locked', 'unlocked']),
  user: sessionUser.nullable(),
  /** The user whose session is locked (lock screen shows who may unlock). */
  lockedUsername: z.string().nullable(),
  unitName: z.string().nullable(),
  /** Today's date (ÅÅÅÅ-MM-DD, local) by the backend's clock: the renderer's only "today". */
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Seconds until the idle auto-lock (unlocked sessions only): the renderer warns during the last minute. */
  lockInSeconds: z.number().int().min(0).nullable().optional(),
  /** Where the data lives (known before login): the local encrypted file, or a shared server by its name. */
  dataSource: z
    .object({ kind: z.enum(['local', 'server']), label: z.string().nullable() })
    .nullable()
    .optional(),
});
export type SessionStatus = z.infer<typeof sessionStatus>;

/** The connection file's text (session.join); the renderer checks a chosen file with the same rules. */
export const CONNECTION_FILE_MAX_CHARS = 5_000_000;
export const CONNECTION_FILE_TOO_BIG = 'Filen är för stor för en anslutningsfil.';
export const joinInput = z.object({
  content: z.string().min(1, 'Välj anslutningsfilen.').max(CONNECTION_FILE_MAX_CHARS, CONNECTION_FILE_TOO_BIG),
});

export const sessionProcedures = {
  'session.status': procedure({ access: 'public', passive: true, input: empty, output: sessionStatus }),
  'session.setup': procedure({
    access: 'public',
    input: z.object({
      username,
      displayName,
      password: newPassword,
      unitName: z.string().trim().min(1, 'Ange enhetens namn.').max(200),
      /** Absent: the local encrypted database. A server must be empty (a second workstation joins instead). */
      dataSource: dataSourceChoice.optional(),
    }),
    output: z.object({ recoveryKey: z.string() }),
  }),
  /** A second workstation joins an installation on a shared server with the admin's connection file (its text). */
  'session.join': procedure({
    access: 'public',
    input: joinInput,
    output: sessionStatus,
  }),
  'session.login': procedure({
    access: 'public',
    input: z.object({ username, password: anyPassword }),
    output: sessionStatus,
  }),
  'session.recover': procedure({
    access: 'public',
    input: z.object({ recoveryKey: z.string().trim().min(1, 'Ange återställningsnyckeln.'), username, newPassword }),
    output: sessionStatus,
  }),
  'session.lock': procedure({ access: 'session', input: empty, output: sessionStatus }),
  'session.logout': procedure({ access: 'public', input: empty, output: sessionStatus }),
  'session.touch': procedure({ access: 'session', input: empty, output: z.object({ ok: z.literal(true) }) }),
  'session.changePassword': procedure({
    access: 'session',
    input: z.object({ currentPassword: anyPassword, newPassword }),
    output: z.object({ ok: z.literal(true) }),
  }),
} as const;
