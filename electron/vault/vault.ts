import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../shared/errors';
import { open, seal, type Sealed } from './aead';
import { deriveKek, newSalt, type ScryptParams } from './kdf';
import { assertPasswordPolicy } from './password-policy';
import { formatRecoveryKey, generateRecoveryKey, parseRecoveryKey, recoveryKek } from './recovery-key';
import { readVaultFile, writeVaultFile, type VaultEntry, type VaultFileData } from './vault-file';
import { newKeyPair, unwrapWith, wrapTo } from './wrap';
import { subKey } from './subkey';
import { openDataSource, resealDataSource, sealDataSource, type DataSourceRecord } from './data-source';
import type { PgConnectionConfig } from '../db/postgres';

const WRONG = 'Fel användarnamn eller lösenord.';
const MAX_PENDING = 1000;

/** Seconds to wait after n consecutive failures: none for the first three, then doubling up to 5 minutes. */
export function lockoutSeconds(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(300, 2 ** (failures - 2));
}

/** Public fingerprint of a data key: tells key generations apart without revealing anything about the key. */
export function keyIdOf(dataKey: Buffer): string {
  const k = subKey(dataKey, 'key-id');
  const id = k.subarray(0, 12).toString('hex');
  k.fill(0);
  return id;
}

/** HMAC of an audit anchor under a key derived from the data key: a file edit without the key is detected. */
export function anchorMac(dataKey: Buffer, anchor: { id: number; hash: string }): string {
  const k = subKey(dataKey, 'audit-anchor');
  const mac = createHmac('sha256', k)
    .update(JSON.stringify([anchor.id, anchor.hash]))
    .digest('hex');
  k.fill(0);
  return mac;
}

/**
 * HMAC of this workstation's id under a key derived from the data key. On a server the login-attempt
 * counter is kept per workstation id; without the MAC, an edit of vault.json could clear the counters
 * and take a fresh id, so the server would see an unknown workstation and never notice the rollback.
 */
export function workstationMac(dataKey: Buffer, id: string): string {
  const k = subKey(dataKey, 'workstation-id');
  const mac = createHmac('sha256', k).update(id).digest('hex');
  k.fill(0);
  return mac;
}

/** 'missing': no MAC yet (a joined workstation before its first login, or a vault from before the MAC). */
export type WorkstationCheck = 'ok' | 'missing' | 'wrong';

function macEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export type AnchorCheck = { anchor: { id: number; hash: string } | null; authentic: boolean };

/**
 * The data key lives only in memory; on disk it exists only sealed: once per user (encrypted to the
 * user's X25519 key, whose private half is sealed under the password's scrypt key) and once under
 * the recovery key. All writes go through writeVaultFile (atomic). Unlocks run one at a time.
 */
export class Vault {
  private queue: Promise<unknown> = Promise.resolve();

  public constructor(
    private readonly file: string,
    private readonly kdf: ScryptParams,
    private readonly now: () => Date,
  ) {}

  public get path(): string {
    return this.file;
  }

  public exists(): boolean {
    return readVaultFile(this.file) !== null;
  }

  private load(): VaultFileData {
    const data = readVaultFile(this.file);
    if (!data) throw new DomainError('NOT_INITIALIZED', 'Kontaktregistret är inte installerat ännu.');
    return data;
  }

  private write(data: VaultFileData): void {
    writeVaultFile(this.file, { ...data, version: 2 });
  }

  /** Runs `fn` after every earlier queued call has finished: one unlock (or rekey) at a time. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  public lookupFor(username: string, data = this.load()): string {
    return createHash('sha256').update(data.lookupSalt).update(':').update(username.toLowerCase()).digest('hex');
  }

  public keyId(): string | null {
    return this.load().keyId ?? null;
  }

  /** Unlock attempts counted so far (see unlock). */
  public attempts(): number {
    return this.load().attempts ?? 0;
  }

  public epoch(): string | null {
    return this.load().epoch ?? null;
  }

  /** The whole file as read (for a restore, which carries the live users' keys over). Null when unreadable. */
  public snapshot(): VaultFileData | null {
    try {
      return readVaultFile(this.file);
    } catch {
      return null;
    }
  }

  /** First start: a new data key, sealed for the first admin and under a new recovery key. */
  public async create(
    username: string,
    password: string,
    server?: { config: PgConnectionConfig; label?: string },
  ): Promise<{ dataKey: Buffer; entryId: string; recoveryKey: string }> {
    if (this.exists()) throw new DomainError('ALREADY_INITIALIZED', 'Kontaktregistret är redan installerat.');
    assertPasswordPolicy(password, username);
    const dataKey = randomBytes(32);
    const recovery = generateRecoveryKey();
    const recoverySalt = newSalt();
    const rkek = recoveryKek(recovery, recoverySalt);
    const data: VaultFileData = {
      format: 'kontaktregistret-vault',
      version: 2,
      lookupSalt: randomBytes(16).toString('base64'),
      entries: [],
      recovery: { salt: recoverySalt.toString('base64'), key: seal(rkek, dataKey, 'recovery') },
      keyId: keyIdOf(dataKey),
      epoch: randomUUID(),
      previousKey: null,
      failures: {},
      attempts: 0,
      pendingFailures: [],
      auditAnchor: null,
      ...(server
        ? (() => {
            const workstation = randomUUID();
            return {
              dataSource: sealDataSource(dataKey, server.config, server.label),
              workstation,
              workstationMac: workstationMac(dataKey, workstation),
            };
          })()
        : {}),
    };
    rkek.fill(0);
    const entry = await this.makeEntry(data, username, password, dataKey);
    data.entries.push(entry);
    this.write(data);
    const text = formatRecoveryKey(recovery);
    recovery.fill(0);
    return { dataKey, entryId: entry.id, recoveryKey: text };
  }

  private async makeEntry(
    data: VaultFileData,
    username: string,
    password: string,
    dataKey: Buffer,
    id: string = randomUUID(),
  ): Promise<VaultEntry> {
    const salt = newSalt();
    const kek = await deriveKek(password, salt, this.kdf);
    const { publicDer, privateDer } = newKeyPair();
    try {
      return {
        id,
        lookup: this.lookupFor(username, data),
        kdf: { alg: 'scrypt', ...this.kdf, salt: salt.toString('base64') },
        publicKey: publicDer.toString('base64'),
        privateKey: seal(kek, privateDer, `entry:${id}:private`),
        wrapped: wrapTo(publicDer, dataKey, `wrap:${id}`),
      };
    } finally {
      kek.fill(0);
      privateDer.fill(0);
    }
  }

  /**
   * Unwraps the data key with a user's password, one call at a time. The failure is counted (and
   * queued for the audit log) *before* the KDF runs and withdrawn only on success, so parallel or
   * interrupted guesses all count. An unknown username costs the same KDF work as a known one.
   */
  public unlock(username: string, password: string): Promise<{ dataKey: Buffer; entryId: string; attempts: number }> {
    return this.exclusive(async () => {
      const data = this.load();
      const lookup = this.lookupFor(username, data);
      const fail = data.failures[lookup];
      if (fail) {
        const last = Date.parse(fail.lastAt);
        // A timestamp that does not parse counts as "just now": tampering never shortens the wait.
        const waitUntil =
          (Number.isFinite(last) ? Math.min(last, this.now().getTime()) : this.now().getTime()) +
          lockoutSeconds(fail.count) * 1000;
        const remaining = Math.ceil((waitUntil - this.now().getTime()) / 1000);
        if (remaining > 0) {
          throw new DomainError(
            'TOO_MANY_ATTEMPTS',
            `För många felaktiga försök. Vänta ${remaining} sekunder och försök igen.`,
            {
              retryAfterSeconds: remaining,
            },
          );
        }
      }
      const at = this.now().toISOString();
      const pendingId = randomUUID();
      const attempts = (data.attempts ?? 0) + 1;
      data.attempts = attempts;
      data.failures[lookup] = { count: (fail?.count ?? 0) + 1, lastAt: at };
      data.pendingFailures = [...data.pendingFailures, { at, lookup, id: pendingId }].slice(-MAX_PENDING);
      this.write(data);

      const entry = data.entries.find((e) => e.lookup === lookup);
      const dataKey = entry ? await this.openEntry(entry, password) : await this.dummyWork(data, lookup, password);
      if (!dataKey || !entry) throw new DomainError('WRONG_CREDENTIALS', WRONG);

      // Success: withdraw the provisional failure (re-read: nothing else ran in between, but be exact).
      const after = this.load();
      delete after.failures[lookup];
      after.pendingFailures = after.pendingFailures.filter((p) => p.id !== pendingId);
      if (!entry.publicKey) {
        // A version-1 entry is upgraded to a key pair now that the password is at hand.
        const upgraded = await this.makeEntry(after, username, password, dataKey, entry.id);
        after.entries = after.entries.map((e) => (e.id === entry.id ? upgraded : e));
        if (!after.keyId) after.keyId = keyIdOf(dataKey);
        // Version-1 vaults had an unauthenticated anchor: it is signed once, at this upgrade (trust on first use).
        if (after.auditAnchor && !after.auditAnchor.mac)
          after.auditAnchor = { ...after.auditAnchor, mac: anchorMac(dataKey, after.auditAnchor) };
      }
      this.write(after);
      return { dataKey, entryId: entry.id, attempts };
    });
  }

  /** The same scrypt work as a real entry, for an unknown username (no timing difference). */
  private async dummyWork(data: VaultFileData, lookup: string, password: string): Promise<null> {
    const params = data.entries[0]?.kdf ?? { ...this.kdf };
    const salt = createHash('sha256').update('dummy').update(data.lookupSalt).update(lookup).digest().subarray(0, 16);
    const kek = await deriveKek(password, salt, { N: params.N, r: params.r, p: params.p });
    kek.fill(0);
    return null;
  }

  /** The data key of an entry, with the entry's own KDF parameters; null for a wrong password. */
  private async openEntry(entry: VaultEntry, password: string): Promise<Buffer | null> {
    const kek = await deriveKek(password, Buffer.from(entry.kdf.salt, 'base64'), entry.kdf);
    try {
      if (entry.publicKey && entry.privateKey && entry.wrapped) {
        const priv = open(kek, entry.privateKey, `entry:${entry.id}:private`);
        if (!priv) return null;
        try {
          return unwrapWith(priv, Buffer.from(entry.publicKey, 'base64'), entry.wrapped, `wrap:${entry.id}`);
        } finally {
          priv.fill(0);
        }
      }
      return entry.key ? open(kek, entry.key, `entry:${entry.id}`) : null;
    } finally {
      kek.fill(0);
    }
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
    const lookup = this.lookupFor(username, data);
    const entry = data.entries.find((e) => e.lookup === lookup);
    const dataKey = entry ? await this.openEntry(entry, password) : await this.dummyWork(data, lookup, password);
    if (entry && dataKey) return { dataKey, entryId: entry.id };
    throw new DomainError('WRONG_CREDENTIALS', 'Fel användarnamn eller lösenord för säkerhetskopian.');
  }

  /** Unwraps the data key with the recovery key (shown once at setup, and again after every rekey). */
  public unlockWithRecoveryKey(text: string): Buffer {
    const data = this.load();
    const parsed = parseRecoveryKey(text);
    const kek = parsed ? recoveryKek(parsed, Buffer.from(data.recovery.salt, 'base64')) : null;
    const dataKey = kek ? open(kek, data.recovery.key, 'recovery') : null;
    kek?.fill(0);
    parsed?.fill(0);
    if (!dataKey) throw new DomainError('WRONG_CREDENTIALS', 'Återställningsnyckeln stämmer inte.');
    return dataKey;
  }

  /** Seals the data key for a user under a new password, replacing any earlier entry of that id. Returns the entry id. */
  public async setPassword(
    dataKey: Buffer,
    username: string,
    password: string,
    entryId?: string | null,
  ): Promise<string> {
    assertPasswordPolicy(password, username);
    const data = this.load();
    const entry = await this.makeEntry(data, username, password, dataKey, entryId ?? randomUUID());
    const fresh = this.load();
    fresh.entries = [...fresh.entries.filter((e) => e.id !== entry.id && e.lookup !== entry.lookup), entry];
    delete fresh.failures[entry.lookup];
    this.write(fresh);
    return entry.id;
  }

  /** Removes a user's sealed key: that password can no longer unlock this vault (copies elsewhere still can: see rekey). */
  public removeEntry(entryId: string): void {
    const data = this.load();
    data.entries = data.entries.filter((e) => e.id !== entryId);
    this.write(data);
  }

  /**
   * Step 1 of a rekey: writes (atomically) a vault in which every remaining entry, the recovery key
   * and the audit anchor belong to `newKey`, the revoked entries are gone, and the old key is kept
   * sealed under the new one until the database has been rekeyed (`finishRekey`). A crash at any
   * point leaves a vault that opens the database, whichever key the database has.
   */
  public beginRekey(
    oldKey: Buffer,
    newKey: Buffer,
    opts: {
      remove: string[];
      replace?: { entryId: string; username: string; password: string };
      recipients?: VaultEntry[];
      newEpoch?: boolean;
    },
  ): Promise<{ recoveryKey: string; dropped: string[] }> {
    return this.exclusive(async () => {
      if (opts.replace) assertPasswordPolicy(opts.replace.password, opts.replace.username);
      const data = this.load();
      const replaced = opts.replace
        ? await this.makeEntry(data, opts.replace.username, opts.replace.password, newKey, opts.replace.entryId)
        : null;
      const dropped: string[] = [];
      const entries: VaultEntry[] = [];
      for (const e of opts.recipients ?? data.entries) {
        if (opts.remove.includes(e.id)) continue;
        if (replaced && (e.id === replaced.id || e.lookup === replaced.lookup)) continue;
        if (!e.publicKey) {
          // A version-1 entry (no key pair, its user has not logged in since the upgrade) cannot be re-wrapped.
          dropped.push(e.id);
          continue;
        }
        entries.push({ ...e, wrapped: wrapTo(Buffer.from(e.publicKey, 'base64'), newKey, `wrap:${e.id}`) });
      }
      if (replaced) entries.push(replaced);
      const recovery = generateRecoveryKey();
      const salt = newSalt();
      const rkek = recoveryKek(recovery, salt);
      const anchor = this.checkedAnchor(data, oldKey);
      const next: VaultFileData = {
        ...data,
        entries,
        recovery: { salt: salt.toString('base64'), key: seal(rkek, newKey, 'recovery') },
        keyId: keyIdOf(newKey),
        epoch: opts.newEpoch || !data.epoch ? randomUUID() : data.epoch,
        previousKey: seal(subKey(newKey, 'previous-key'), oldKey, 'previous-key'),
        // The server's credentials follow the key: sealed under the old one, they would be lost with it.
        dataSource: resealDataSource(oldKey, newKey, data.dataSource),
        // An anchor that was not authentic stays unauthenticated, so verification keeps reporting it.
        auditAnchor: anchor.anchor
          ? { ...anchor.anchor, mac: anchor.authentic ? anchorMac(newKey, anchor.anchor) : undefined }
          : null,
        // Likewise the workstation id's MAC: kept authentic only if it was.
        workstationMac:
          data.workstation && this.checkedWorkstation(data, oldKey) === 'ok'
            ? workstationMac(newKey, data.workstation)
            : undefined,
      };
      rkek.fill(0);
      this.write(next);
      const text = formatRecoveryKey(recovery);
      recovery.fill(0);
      return { recoveryKey: text, dropped };
    });
  }

  /** The old data key kept during a rekey, opened with the new one; null when no rekey is pending. */
  public previousKey(newKey: Buffer): Buffer | null {
    const p = this.load().previousKey;
    if (!p) return null;
    const k = subKey(newKey, 'previous-key');
    const old = open(k, p as Sealed, 'previous-key');
    k.fill(0);
    return old;
  }

  public rekeyPending(): boolean {
    return Boolean(this.load().previousKey);
  }

  /** Step 3 of a rekey: the database has the new key, so the old one is forgotten. */
  public finishRekey(): void {
    const data = this.load();
    if (!data.previousKey) return;
    data.previousKey = null;
    this.write(data);
  }

  /** A login the vault accepted but the database refused (deactivated account): it counts and is logged as a failure. */
  public addFailure(username: string): void {
    const data = this.load();
    const lookup = this.lookupFor(username, data);
    const at = this.now().toISOString();
    data.failures[lookup] = { count: (data.failures[lookup]?.count ?? 0) + 1, lastAt: at };
    data.pendingFailures = [...data.pendingFailures, { at, lookup, id: randomUUID() }].slice(-MAX_PENDING);
    this.write(data);
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
    this.write(data);
  }

  private checkedAnchor(data: VaultFileData, dataKey: Buffer): AnchorCheck {
    const a = data.auditAnchor;
    if (!a) return { anchor: null, authentic: true };
    const anchor = { id: a.id, hash: a.hash };
    return { anchor, authentic: Boolean(a.mac) && macEqual(a.mac!, anchorMac(dataKey, anchor)) };
  }

  private checkedWorkstation(data: VaultFileData, dataKey: Buffer): WorkstationCheck {
    if (!data.workstation || !data.workstationMac) return 'missing';
    return macEqual(data.workstationMac, workstationMac(dataKey, data.workstation)) ? 'ok' : 'wrong';
  }

  /** Whether this workstation's id carries its MAC under the data key (see workstationMac). */
  public workstationCheck(dataKey: Buffer): WorkstationCheck {
    return this.checkedWorkstation(this.load(), dataKey);
  }

  /** MACs the id as it stands now (after its first login, or once an edit has been logged). */
  public sealWorkstation(dataKey: Buffer): void {
    const data = this.load();
    if (!data.workstation) return;
    this.write({ ...data, workstationMac: workstationMac(dataKey, data.workstation) });
  }

  /** The anchor and whether its MAC (keyed by the data key) holds; a missing or wrong MAC means the file was edited. */
  public auditAnchor(dataKey: Buffer): AnchorCheck {
    return this.checkedAnchor(this.load(), dataKey);
  }

  /** This workstation's id, made (and kept in the vault file) the first time it is asked for. */
  public workstationId(): string {
    const data = this.load();
    if (data.workstation) return data.workstation;
    const id = randomUUID();
    this.write({ ...data, workstation: id });
    return id;
  }

  /** After a restore put a backup's vault file in place: this machine stays the workstation it was. */
  public keepWorkstationId(id: string | undefined): void {
    if (!id) return;
    const data = this.load();
    if (data.workstation !== id) this.write({ ...data, workstation: id, workstationMac: undefined });
  }

  public setAuditAnchor(anchor: { id: number; hash: string } | null, dataKey: Buffer): void {
    const data = this.load();
    data.auditAnchor = anchor ? { ...anchor, mac: anchorMac(dataKey, anchor) } : null;
    this.write(data);
  }

  /** Where the data lives, without the sealed parts (readable before login). */
  public dataSource(): DataSourceRecord {
    return this.load().dataSource ?? { kind: 'local' };
  }

  /** The server's connection config, unsealed with the data key; null for the local file. */
  public serverConfig(dataKey: Buffer): PgConnectionConfig | null {
    const r = this.dataSource();
    return r.kind === 'server' ? openDataSource(dataKey, r) : null;
  }

  /** Seals a server config under the data key (a move, new credentials); this workstation keeps (or gets) its id. */
  public setServer(dataKey: Buffer, config: PgConnectionConfig, label?: string): void {
    const data = this.load();
    data.dataSource = sealDataSource(dataKey, config, label);
    // A move gives the id its MAC (a local workstation had none); new credentials keep a checked id's MAC.
    if (!data.workstation || this.checkedWorkstation(data, dataKey) !== 'wrong') {
      data.workstation ??= randomUUID();
      data.workstationMac = workstationMac(dataKey, data.workstation);
    }
    this.write(data);
  }

  /** The stored id as it is, without making one (workstationId() makes one when missing). */
  public workstation(): string | null {
    return this.load().workstation ?? null;
  }

  /** A new workstation's vault from a connection file (vault/connection-file.ts); never over an existing one. */
  public install(data: VaultFileData): void {
    if (this.exists()) throw new DomainError('ALREADY_INITIALIZED', 'Kontaktregistret är redan installerat.');
    this.write(data);
  }
}
