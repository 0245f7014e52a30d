import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { DomainError } from '../../shared/errors';
import type { RawDatabase } from '../db/open';
import { createKysely, openEncryptedDatabase } from '../db/open';
import { appliedMigrations } from '../db/migrate';
import { verifyAuditChainParallel } from '../audit/verify';
import { Vault } from '../vault/vault';
import { OWASP_SCRYPT } from '../vault/kdf';
import { restrictTree } from '../core/file-modes';
import type { KnownAnchor } from '../audit/verify';

export const BACKUP_PREFIX = 'kontaktregistret-backup-';
const DB_NAME = 'kontaktregistret.db';
const VAULT_NAME = 'vault.json';
const MANIFEST = 'manifest.json';

const manifestSchema = z.object({
  format: z.literal('kontaktregistret-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  schema: z.string(),
  kind: z.enum(['manuell', 'automatisk']),
  sha256: z.string(),
  /** The audit chain's head at backup time: a copy of it lives wherever the backups go (see verify). */
  auditHead: z.object({ id: z.number(), hash: z.string() }).nullable().optional(),
  /** Fingerprint of the data key the copy is encrypted with; differs from the live one after a rekey. */
  keyId: z.string().optional(),
  /** The vault's timeline (changes at every restore). */
  epoch: z.string().optional(),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/**
 * A consistent, encrypted copy while the app runs: VACUUM INTO writes a snapshot with the same
 * cipher and key (db.backup() does not work with encryption). Next to it the vault file of this
 * moment, so the passwords and recovery key valid now open it later, and a manifest without personal data.
 */
export async function createBackup(
  raw: RawDatabase,
  vaultFile: string,
  folder: string,
  kind: BackupManifest['kind'],
  now: Date,
  meta: { keyId?: string | null; epoch?: string | null } = {},
): Promise<{ path: string; manifest: BackupManifest }> {
  if (!existsSync(folder)) throw new DomainError('INVALID_INPUT', `Mappen för säkerhetskopior finns inte: ${folder}`);
  const dir = join(folder, `${BACKUP_PREFIX}${stamp(now)}`);
  const tmp = `${dir}.pågår`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { mode: 0o700 });
  try {
    const target = join(tmp, DB_NAME);
    raw.prepare('VACUUM INTO ?').run(target);
    copyFileSync(vaultFile, join(tmp, VAULT_NAME));
    const schema = (
      raw.prepare('SELECT name FROM schema_migrations ORDER BY name DESC LIMIT 1').get() as { name: string }
    ).name;
    const auditHead =
      (raw.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
        { id: number; hash: string } | undefined) ?? null;
    const manifest: BackupManifest = {
      format: 'kontaktregistret-backup',
      version: 1,
      createdAt: now.toISOString(),
      schema,
      kind,
      sha256: createHash('sha256').update(readFileSync(target)).digest('hex'),
      auditHead,
      ...(meta.keyId ? { keyId: meta.keyId } : {}),
      ...(meta.epoch ? { epoch: meta.epoch } : {}),
    };
    writeFileSync(join(tmp, MANIFEST), JSON.stringify(manifest, null, 2), { mode: 0o600 });
    restrictTree(tmp);
    // Only a complete backup gets its final name; a crash leaves a ".pågår" folder, never a half backup.
    renameSync(tmp, dir);
    return { path: dir, manifest };
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

export function readManifest(dir: string): BackupManifest {
  try {
    return manifestSchema.parse(JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')));
  } catch {
    throw new DomainError('INVALID_INPUT', 'Mappen innehåller ingen säkerhetskopia från Kontaktregistret.');
  }
}

export interface BackupPreview {
  manifest: BackupManifest;
  counts: Record<string, number>;
  integrity: string;
  auditOk: boolean;
  auditReason: string | null;
}

const COUNTED = [
  'users',
  'contact_persons',
  'clients',
  'decisions',
  'assignments',
  'payout_batches',
  'audit_log',
] as const;

/**
 * Opens a backup with the keys stored in it (recovery key or a password valid in that backup) and
 * checks it: file hash, PRAGMA integrity_check, the audit chain. Nothing in the live data changes.
 */
export async function inspectBackup(
  dir: string,
  cred: { recoveryKey?: string; username?: string; password?: string },
  now: () => Date,
): Promise<{ preview: BackupPreview; dataKey: Buffer }> {
  const manifest = readManifest(dir);
  const dbFile = join(dir, DB_NAME);
  if (createHash('sha256').update(readFileSync(dbFile)).digest('hex') !== manifest.sha256) {
    throw new DomainError('RULE_VIOLATION', 'Säkerhetskopian är skadad: databasfilen stämmer inte med kontrollsumman.');
  }
  const vault = new Vault(join(dir, VAULT_NAME), OWASP_SCRYPT, now);
  const dataKey = cred.recoveryKey
    ? vault.unlockWithRecoveryKey(cred.recoveryKey)
    : (await vault.unlockReadOnly(cred.username ?? '', cred.password ?? '')).dataKey;
  let ok = false;
  const raw = openEncryptedDatabase(dbFile, dataKey, { readonly: true });
  try {
    if (!cred.recoveryKey) {
      const entryId = (await vault.unlockReadOnly(cred.username ?? '', cred.password ?? '')).entryId;
      const u = raw.prepare('SELECT roles, active FROM users WHERE vault_entry_id = ?').get(entryId) as
        { roles: string; active: number } | undefined;
      if (!u || u.active !== 1 || !(JSON.parse(u.roles) as string[]).includes('admin'))
        throw new DomainError(
          'FORBIDDEN',
          'Bara en administratör i säkerhetskopian (eller återställningsnyckeln) kan återställa den.',
        );
    }
    const integrity = (raw.pragma('integrity_check', { simple: true }) as string) ?? 'okänt';
    const tables = new Set(
      (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map(
        (t) => t.name,
      ),
    );
    const counts = Object.fromEntries(
      COUNTED.filter((t) => tables.has(t)).map((t) => [
        t,
        (raw.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
      ]),
    );
    const vaultAnchor = vault.auditAnchor(dataKey);
    const anchors: KnownAnchor[] = [];
    if (vaultAnchor.anchor) anchors.push({ ...vaultAnchor.anchor, source: 'säkerhetskopians nyckelfil' });
    if (manifest.auditHead) anchors.push({ ...manifest.auditHead, source: 'säkerhetskopians manifest' });
    const audit = vaultAnchor.authentic
      ? await verifyAuditChainParallel(raw, anchors, { key: dataKey })
      : { ok: false, reason: 'Kontrollpunkten i säkerhetskopians nyckelfil har ändrats utanför programmet.' };
    await appliedMigrations(createKysely(raw));
    ok = true;
    return { preview: { manifest, counts, integrity, auditOk: audit.ok, auditReason: audit.reason }, dataKey };
  } finally {
    raw.close();
    if (!ok) dataKey.fill(0);
  }
}

/**
 * Replaces the live data with a checked backup. The replaced files are kept in the data folder under
 * "ersatt-<time>" so a restore can itself be undone.
 */
export function installBackup(dir: string, dataDir: string, now: Date): { replacedTo: string } {
  // Copy first (the slow part that can fail, e.g. a network share going away): the live files are untouched until the copies are complete.
  const staged = [DB_NAME, VAULT_NAME].map((f) => ({
    name: f,
    from: join(dataDir, `${f}.återställs`),
    to: join(dataDir, f),
  }));
  try {
    for (const s of staged) copyFileSync(join(dir, s.name), s.from);
  } catch {
    for (const s of staged) rmSync(s.from, { force: true });
    throw new DomainError('RULE_VIOLATION', 'Säkerhetskopian kunde inte kopieras till datamappen. Inget har ändrats.');
  }
  const replaced = join(dataDir, `ersatt-${stamp(now)}`);
  mkdirSync(replaced, { recursive: true, mode: 0o700 });
  for (const f of [DB_NAME, `${DB_NAME}-wal`, `${DB_NAME}-shm`, VAULT_NAME]) {
    if (existsSync(join(dataDir, f))) renameSync(join(dataDir, f), join(replaced, f));
  }
  // Renames within one folder: each is atomic.
  for (const s of staged) renameSync(s.from, s.to);
  return { replacedTo: replaced };
}

/** Automatic backups older than `keepDays` are removed (manual ones are kept). */
export function rotateBackups(folder: string, keepDays: number, now: Date): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(folder)) {
    if (!name.startsWith(BACKUP_PREFIX)) continue;
    const dir = join(folder, name);
    try {
      const m = readManifest(dir);
      if (m.kind === 'automatisk' && now.getTime() - Date.parse(m.createdAt) > keepDays * 86_400_000) {
        rmSync(dir, { recursive: true, force: true });
        removed.push(basename(dir));
      }
    } catch {
      // Not ours or unreadable: leave it alone.
    }
  }
  return removed;
}

export function listBackups(folder: string): Array<{ path: string; manifest: BackupManifest; bytes: number }> {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((n) => n.startsWith(BACKUP_PREFIX) && !n.endsWith('.pågår'))
    .flatMap((n) => {
      try {
        const path = join(folder, n);
        return [{ path, manifest: readManifest(path), bytes: statSync(join(path, DB_NAME)).size }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.manifest.createdAt.localeCompare(a.manifest.createdAt));
}
