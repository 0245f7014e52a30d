import { z } from 'zod';
import { procedure } from '../define';
import { empty, isoDate } from '../fields';

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

/** A backup of the shared server's database that the app knows of (IT's script or an admin recorded it). */
export const serverBackup = z.object({
  id: z.number(),
  /** ISO instants. */
  takenAt: z.string(),
  recordedAt: z.string(),
  source: z.enum(['skript', 'app']),
  label: z.string(),
  bytes: z.number().nullable(),
  sha256: z.string().nullable(),
  /** The database account (script) or the app user's name (app). */
  recordedBy: z.string().nullable(),
  /** Its audit row exists: only audited records count as known. */
  audited: z.boolean(),
});
export type ServerBackup = z.infer<typeof serverBackup>;

/** An admin records a dump IT has confirmed, e.g. when the script cannot call the database. */
export const registerServerBackupInput = z.object({
  date: isoDate,
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Ange tiden som TT:MM.'),
  label: z
    .string()
    .trim()
    .min(1, 'Ange en etikett, t.ex. filens namn eller IT:s ärendenummer.')
    .max(200, 'Etiketten är för lång (högst 200 tecken).')
    .refine((v) => !/\p{Cc}/u.test(v), 'Etiketten får inte innehålla radbrytningar eller styrtecken.'),
  sha256: z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => v === '' || /^[0-9a-f]{64}$/.test(v), 'SHA-256 ska vara 64 hexadecimala tecken (eller tomt).'),
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
  /**
   * Server mode (`server: true`): the known pg_dump backups of the shared database, newest first.
   * On the local encrypted file `server` is false and the list empty (backup.list has the file copies).
   */
  'backup.serverStatus': procedure({
    access: ['admin'],
    input: empty,
    output: z.object({ server: z.boolean(), backups: z.array(serverBackup) }),
  }),
  /** Registrera säkerhetskopia (server mode only): recorded with its audit row. */
  'backup.registerServer': procedure({
    access: ['admin'],
    input: registerServerBackupInput,
    output: z.object({ id: z.number() }),
  }),
} as const;
