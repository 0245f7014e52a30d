import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DomainError } from '../../shared/errors';
import { open, seal } from './aead';
import { deriveKek, newSalt, type ScryptParams } from './kdf';
import { formatRecoveryKey, generateRecoveryKey, parseRecoveryKey, recoveryKek } from './recovery-key';
import { readVaultFile, writeVaultFile, type VaultEntry, type VaultFileData } from './vault-file';

const WRONG = 'Fel användarnamn eller lösenord.';
const MAX_PENDING = 1000;

/** Seconds to wait after n consecutive failures: none for the first three, then doubling up to 5 minutes. */
export function lockoutSeconds(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(300, 2 ** (failures - 2));
}

/**
 * The data key lives only in memory; on disk it exists only sealed, once per user (password KDF)
 * and once under the recovery key. All writes go through writeVaultFile (atomic).
 */
export class Vault {
  public constructor(
    private readonly file: string,
    private readonly kdf: ScryptParams,
    private readonly now: () => Date,
  ) {}

  public exists(): boolean {
    return readVaultFile(this.file) !== null;
  }

  private load(): VaultFileData {
    const data = readVaultFile(this.file);
    if (!data) throw new DomainError('NOT_INITIALIZED', 'Kontaktregistret är inte installerat ännu.');
    return data;
  }

  public lookupFor(username: string, data = this.load()): string {
    return createHash('sha256').update(data.lookupSalt).update(':').update(username.toLowerCase()).digest('hex');
  }

  /** First start: a new data key, sealed for the first admin and under a new recovery key. */
  public async create(username: string, password: string): Promise<{ dataKey: Buffer; entryId: string; recoveryKey: string }> {
    if (this.exists()) throw new DomainError('ALREADY_INITIALIZED', 'Kontaktregistret är redan installerat.');
    const dataKey = randomBytes(32);
    const recovery = generateRecoveryKey();
    const recoverySalt = newSalt();
    const data: VaultFileData = {
      format: 'kontaktregistret-vault',
      version: 1,
      lookupSalt: randomBytes(16).toString('base64'),
      entries: [],
      recovery: { salt: recoverySalt.toString('base64'), key: seal(recoveryKek(recovery, recoverySalt), dataKey, 'recovery') },
      failures: {},
      pendingFailures: [],
      auditAnchor: null,
    };
    const entry = await this.makeEntry(data, username, password, dataKey);
    data.entries.push(entry);
    writeVaultFile(this.file, data);
    return { dataKey, entryId: entry.id, recoveryKey: formatRecoveryKey(recovery) };
  }

  private async makeEntry(data: VaultFileData, username: string, password: string, dataKey: Buffer, id: string = randomUUID()): Promise<VaultEntry> {
    const salt = newSalt();
    const kek = await deriveKek(password, salt, this.kdf);
    return {
      id,
      lookup: this.lookupFor(username, data),
      kdf: { alg: 'scrypt', ...this.kdf, salt: salt.toString('base64') },
      key: seal(kek, dataKey, `entry:${id}`),
    };
  }

  /**
   * Unwraps the data key with a user's password. Failures grow a per-user delay and are queued
   * for the audit log; the same message is given for an unknown user and a wrong password.
   */
  public async unlock(username: string, password: string): Promise<{ dataKey: Buffer; entryId: string }> {
    const data = this.load();
    const lookup = this.lookupFor(username, data);
    const fail = data.failures[lookup];
    if (fail) {
      const waitUntil = Date.parse(fail.lastAt) + lockoutSeconds(fail.count) * 1000;
      const remaining = Math.ceil((waitUntil - this.now().getTime()) / 1000);
      if (remaining > 0) {
        throw new DomainError('TOO_MANY_ATTEMPTS', `För många felaktiga försök. Vänta ${remaining} sekunder och försök igen.`, {
          retryAfterSeconds: remaining,
        });
      }
    }
    const entry = data.entries.find((e) => e.lookup === lookup);
    if (entry) {
      const dataKey = await this.openEntry(entry, password);
      if (dataKey) {
        delete data.failures[lookup];
        writeVaultFile(this.file, data);
        return { dataKey, entryId: entry.id };
      }
    }
    const at = this.now().toISOString();
    data.failures[lookup] = { count: (fail?.count ?? 0) + 1, lastAt: at };
    data.pendingFailures = [...data.pendingFailures, { at, lookup }].slice(-MAX_PENDING);
    writeVaultFile(this.file, data);
    throw new DomainError('WRONG_CREDENTIALS', WRONG);
  }

  /** The data key sealed in an entry, with the entry's own KDF parameters; null for a wrong password. */
  private async openEntry(entry: VaultEntry, password: string): Promise<Buffer | null> {
    const kek = await deriveKek(password, Buffer.from(entry.kdf.salt, 'base64'), entry.kdf);
    return open(kek, entry.key, `entry:${entry.id}`);
  }

  public entry(entryId: string): VaultEntry | undefined {
    return this.load().entries.find((e) => e.id === entryId);
  }

  /** True when the password opens this entry (used to confirm the current password). */
  public async checkPassword(entry: VaultEntry, password: string): Promise<boolean> {
    const key = await this.openEntry(entry, password);
    key?.fill(0);
    return key !== null;
  }

  /** Checks a password without touching the failure counters (reading a backup's own vault, which is never written). */
  public async unlockReadOnly(username: string, password: string): Promise<{ dataKey: Buffer; entryId: string }> {
    const data = this.load();
    const entry = data.entries.find((e) => e.lookup === this.lookupFor(username, data));
    if (entry) {
      const dataKey = await this.openEntry(entry, password);
      if (dataKey) return { dataKey, entryId: entry.id };
    }
    throw new DomainError('WRONG_CREDENTIALS', 'Fel användarnamn eller lösenord för säkerhetskopian.');
  }

  /** Unwraps the data key with the recovery key (shown once at setup). */
  public unlockWithRecoveryKey(text: string): Buffer {
    const data = this.load();
    const parsed = parseRecoveryKey(text);
    const dataKey = parsed ? open(recoveryKek(parsed, Buffer.from(data.recovery.salt, 'base64')), data.recovery.key, 'recovery') : null;
    if (!dataKey) throw new DomainError('WRONG_CREDENTIALS', 'Återställningsnyckeln stämmer inte.');
    return dataKey;
  }

  /** Seals the data key for a user under a new password, replacing any earlier entry of that id. Returns the entry id. */
  public async setPassword(dataKey: Buffer, username: string, password: string, entryId?: string | null): Promise<string> {
    const data = this.load();
    const entry = await this.makeEntry(data, username, password, dataKey, entryId ?? randomUUID());
    data.entries = [...data.entries.filter((e) => e.id !== entry.id && e.lookup !== entry.lookup), entry];
    delete data.failures[entry.lookup];
    writeVaultFile(this.file, data);
    return entry.id;
  }

  /** Removes a user's sealed key: that password can no longer unlock anything. */
  public removeEntry(entryId: string): void {
    const data = this.load();
    data.entries = data.entries.filter((e) => e.id !== entryId);
    writeVaultFile(this.file, data);
  }

  /** Failed logins waiting for the audit log. */
  public pendingFailures(): Array<{ at: string; lookup: string }> {
    return this.load().pendingFailures;
  }

  /** Drops the first `count` pending failures, after they have been committed to the audit log. */
  public clearPendingFailures(count: number): void {
    if (count === 0) return;
    const data = this.load();
    data.pendingFailures = data.pendingFailures.slice(count);
    writeVaultFile(this.file, data);
  }

  public auditAnchor(): { id: number; hash: string } | null {
    return this.load().auditAnchor;
  }

  public setAuditAnchor(anchor: { id: number; hash: string } | null): void {
    const data = this.load();
    data.auditAnchor = anchor;
    writeVaultFile(this.file, data);
  }
}
