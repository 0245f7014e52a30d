import { z } from 'zod';
import { procedure } from '../define';
import { empty } from '../fields';

export const backupSettings = z.object({
  /** Folder for backups, typically a network share (\\\\server\\share\\kontaktregistret). Empty = none. */
  folder: z.string().trim().max(500),
  automatic: z.boolean(),
  keepDays: z.number().int().min(1, 'Spara i minst en dag.').max(3650),
});
export type BackupSettings = z.infer<typeof backupSettings>;

const preview = z.object({
  createdAt: z.string(),
  kind: z.string(),
  schema: z.string(),
  counts: z.record(z.string(), z.number()),
  integrity: z.string(),
  auditOk: z.boolean(),
  auditReason: z.string().nullable(),
});

const credential = z
  .object({
    path: z.string().min(1, 'Välj en säkerhetskopia.'),
    recoveryKey: z.string().trim().default(''),
    password: z.string().default(''),
  })
  .refine((v) => v.recoveryKey || v.password, {
    path: ['password'],
    message: 'Ange ditt lösenord (som det var när kopian togs) eller återställningsnyckeln.',
  });

export const backupProcedures = {
  'backup.getSettings': procedure({ access: ['admin'], input: empty, output: backupSettings }),
  'backup.saveSettings': procedure({
    access: ['admin'],
    input: backupSettings,
    output: z.object({ ok: z.literal(true) }),
  }),
  'backup.create': procedure({ access: ['admin'], input: empty, output: z.object({ path: z.string() }) }),
  /** `oldKey`: the copy is encrypted with a data key from before the last rekey (a revoked user's old password may open it). */
  'backup.list': procedure({
    access: ['admin'],
    input: empty,
    output: z.array(
      z.object({ path: z.string(), createdAt: z.string(), kind: z.string(), bytes: z.number(), oldKey: z.boolean() }),
    ),
  }),
  'backup.inspect': procedure({ access: ['admin'], input: credential, output: preview }),
  /** A restore always gives the database a new data key: the new recovery key is shown once. */
  'backup.restore': procedure({
    access: ['admin'],
    input: credential,
    output: z.object({ replacedTo: z.string(), recoveryKey: z.string() }),
  }),
  /** The restored data is right: the replaced files (old keys, old users) are removed now instead of after 14 days. */
  'backup.confirmRestore': procedure({
    access: ['admin'],
    input: empty,
    output: z.object({ removed: z.array(z.string()) }),
  }),
} as const;
