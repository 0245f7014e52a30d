import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { DomainError } from '../../shared/errors';
import { toLocalIsoDate } from '../../shared/dates';
import type { SessionStatus, SessionUser } from '../../shared/ipc/procedures/session';
import type { Role } from '../../shared/roles';
import { appendAudit, auditHead } from '../audit/audit-log';
import { closeDatabase, createKysely, openEncryptedDatabase, type RawDatabase } from '../db/open';
import { migrate } from '../db/migrate';
import { OWASP_SCRYPT, type ScryptParams } from '../vault/kdf';
import { Vault } from '../vault/vault';
import { systemClock, type Clock } from './clock';
import { dataPaths } from './paths';
import { folderSink, type ExportSink } from './export-sink';
import type { PdfRenderer } from '../documents/pdf';
import { dirname, join } from 'node:path';
import type { ServiceContext, Session } from './session';
import { readSettings, writeInitialSettings } from '../services/settings';
import type { UnitSettings } from '../../shared/ipc/procedures/settings';
import { autoBackupIfDue } from '../services/backup';
import { inspectBackup, installBackup, type BackupPreview } from '../backup/backup';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  kdf?: ScryptParams;
  /** Where deliberate exports go; defaults to an "exporter" folder beside the data folder. */
  exportSink?: ExportSink;
  /** HTML -> PDF (Electron's printToPDF in the app, Chromium in tests); absent in the CLI. */
  pdf?: PdfRenderer;
  /** Opens the system print dialog for an HTML document (Electron only). */
  print?: (html: string) => Promise<boolean>;
  /** Told the unit's settings at each login and after each change (the Electron shell applies content protection). */
  onSettings?: (settings: UnitSettings) => void;
}

interface UserRecord {
  id: number;
  username: string;
  display_name: string;
  roles: string;
  active: number;
  must_change_password: number;
  vault_entry_id: string | null;
}

function toSessionUser(u: UserRecord): SessionUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: JSON.parse(u.roles) as Role[],
    mustChangePassword: u.must_change_password === 1,
  };
}

/** First start failed part-way; everything it created is gone again. The cause goes to the log only. */
export class SetupFailedError extends Error {
  public constructor(cause: unknown) {
    super('Installationen kunde inte slutföras: databasen kunde inte skapas i datamappen. Inget har sparats, så du kan försöka igen. Om felet kvarstår: kontrollera att datamappen går att skriva i.', { cause });
    this.name = 'SetupFailedError';
  }
}

/**
 * Owns the vault, the open database and the one session of this workstation. Plain Node:
 * Electron's main process, the CLI and the test harness all drive the same core.
 */
export class AppCore {
  public readonly clock: Clock;
  public readonly dataDir: string;
  public readonly vault: Vault;
  public readonly exportSink: ExportSink;
  private readonly pdfRenderer: PdfRenderer | undefined;
  private readonly printer: ((html: string) => Promise<boolean>) | undefined;
  private readonly onSettings: ((settings: UnitSettings) => void) | undefined;
  private readonly paths: ReturnType<typeof dataPaths>;
  private session: Session | null = null;
  private lockedUsername: string | null = null;
  private unitName: string | null = null;
  private settingUp = false;

  public constructor(opts: CoreOptions) {
    this.dataDir = opts.dataDir;
    this.clock = opts.clock ?? systemClock;
    this.paths = dataPaths(opts.dataDir);
    mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
    this.vault = new Vault(this.paths.vault, opts.kdf ?? OWASP_SCRYPT, () => this.clock.now());
    this.exportSink = opts.exportSink ?? folderSink(join(dirname(opts.dataDir), 'exporter'));
    this.pdfRenderer = opts.pdf;
    this.printer = opts.print;
    this.onSettings = opts.onSettings;
  }

  public get databaseFile(): string {
    return this.paths.database;
  }

  public async pdf(html: string): Promise<Buffer> {
    if (!this.pdfRenderer) throw new DomainError('RULE_VIOLATION', 'Utskrift till PDF finns bara i programmet, inte i kommandoraden.');
    return this.pdfRenderer(html);
  }

  public async print(html: string): Promise<boolean> {
    if (!this.printer) throw new DomainError('RULE_VIOLATION', 'Utskrift till skrivare finns bara i programmet. Skapa en PDF i stället.');
    return this.printer(html);
  }

  public status(): SessionStatus {
    const today = toLocalIsoDate(this.clock.now());
    if (!this.vault.exists()) return { state: 'uninitialized', user: null, lockedUsername: null, unitName: null, today };
    if (this.session) return { state: 'unlocked', user: this.session.user, lockedUsername: null, unitName: this.unitName, today, lockInSeconds: this.lockInSeconds(this.session) };
    if (this.lockedUsername) return { state: 'locked', user: null, lockedUsername: this.lockedUsername, unitName: this.unitName, today };
    return { state: 'loggedOut', user: null, lockedUsername: null, unitName: this.unitName, today };
  }

  /** First start: creates the vault, the encrypted database and the first admin. Returns the recovery key, shown once. */
  public async setup(input: { username: string; displayName: string; password: string; unitName: string }): Promise<{ recoveryKey: string }> {
    if (this.vault.exists()) throw new DomainError('ALREADY_INITIALIZED', 'Kontaktregistret är redan installerat.');
    if (existsSync(this.paths.database)) {
      throw new DomainError('CONFLICT', 'Datamappen innehåller redan en databas men ingen nyckelfil. Återställ från säkerhetskopia eller välj en tom mapp.');
    }
    // All or nothing: whatever this setup creates is removed again if any step fails, so a retry
    // starts clean (a half-made vault would otherwise say "already installed" or "wrong password").
    if (this.settingUp) throw new DomainError('CONFLICT', 'Installationen pågår redan.');
    this.settingUp = true;
    const d = this.paths.database;
    const created = [this.paths.vault, `${this.paths.vault}.tmp`, d, `${d}-wal`, `${d}-shm`, `${d}-journal`].filter((f) => !existsSync(f));
    let dataKey: Buffer | null = null;
    let raw: RawDatabase | null = null;
    try {
      const made = await this.vault.create(input.username, input.password);
      dataKey = made.dataKey;
      raw = openEncryptedDatabase(this.paths.database, dataKey);
      const db = createKysely(raw);
      await migrate(db);
      const at = this.clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const user = await trx
          .insertInto('users')
          .values({
            username: input.username,
            display_name: input.displayName,
            roles: JSON.stringify(['admin', 'handlaggare', 'attestant']),
            active: 1,
            must_change_password: 0,
            vault_entry_id: made.entryId,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await writeInitialSettings(trx, input.unitName);
        await appendAudit(trx, { userId: user.id, action: 'system.setup', entityType: 'user', entityId: user.id }, () => this.clock.now());
      });
      this.vault.setAuditAnchor(await auditHead(db));
      const done = raw;
      raw = null;
      closeDatabase(done);
      this.unitName = input.unitName;
      return { recoveryKey: made.recoveryKey };
    } catch (err) {
      try {
        raw?.close();
      } catch {
        // Closing a broken connection may fail too; the files go anyway.
      }
      for (const f of created) rmSync(f, { force: true });
      this.unitName = null;
      throw new SetupFailedError(err);
    } finally {
      dataKey?.fill(0);
      this.settingUp = false;
    }
  }

  /** Unwraps the key, opens the database and starts a session. */
  public async login(username: string, password: string): Promise<SessionStatus> {
    this.endSession();
    const { dataKey, entryId } = await this.vault.unlock(username, password);
    await this.startSession(dataKey, (db) => db.selectFrom('users').selectAll().where('vault_entry_id', '=', entryId).executeTakeFirst(), 'session.login');
    return this.status();
  }

  /** Forgotten password: the recovery key unlocks, and the user gets a new password. */
  public async recover(recoveryKey: string, username: string, newPassword: string): Promise<SessionStatus> {
    this.endSession();
    const dataKey = this.vault.unlockWithRecoveryKey(recoveryKey);
    await this.startSession(dataKey, (db) => db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst(), 'session.recover');
    const s = this.requireSession();
    try {
      const entryId = await this.vault.setPassword(dataKey, username, newPassword, s.vaultEntryId || null);
      await s.db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ vault_entry_id: entryId, must_change_password: 0, updated_at: this.clock.now().toISOString() }).where('id', '=', s.user.id).execute();
        await appendAudit(trx, { userId: s.user.id, action: 'user.password.recovered', entityType: 'user', entityId: s.user.id }, () => this.clock.now());
      });
      s.vaultEntryId = entryId;
      s.user = { ...s.user, mustChangePassword: false };
    } catch (err) {
      this.endSession();
      throw err;
    }
    return this.status();
  }

  private async startSession(
    dataKey: Buffer,
    findUser: (db: Session['db']) => Promise<UserRecord | undefined>,
    action: string,
  ): Promise<void> {
    const raw = openEncryptedDatabase(this.paths.database, dataKey);
    const db = createKysely(raw);
    try {
      await migrate(db);
      const record = await findUser(db);
      if (!record || record.active !== 1) {
        throw new DomainError('WRONG_CREDENTIALS', record ? 'Kontot är inaktiverat. Kontakta en administratör.' : 'Fel användarnamn eller lösenord.');
      }
      const user = toSessionUser(record);
      const pending = this.vault.pendingFailures();
      await db.transaction().execute(async (trx) => {
        const users = await trx.selectFrom('users').select(['id', 'username']).execute();
        const byLookup = new Map(users.map((u) => [this.vault.lookupFor(u.username), u.id]));
        for (const f of pending) {
          const uid = byLookup.get(f.lookup) ?? null;
          await appendAudit(
            trx,
            { userId: null, at: f.at, action: 'session.login.failed', entityType: uid ? 'user' : null, entityId: uid, detail: uid ? null : 'okänt användarnamn' },
            () => this.clock.now(),
          );
        }
        await appendAudit(trx, { userId: user.id, action, entityType: 'user', entityId: user.id }, () => this.clock.now());
      });
      this.vault.clearPendingFailures(pending.length);
      const settings = await readSettings(db);
      this.unitName = settings.unitName;
      this.onSettings?.(settings);
      this.session = {
        user,
        vaultEntryId: record.vault_entry_id ?? '',
        dataKey,
        raw,
        db,
        lastActivity: this.clock.now().getTime(),
        idleLockMinutes: settings.idleLockMinutes,
      };
      this.lockedUsername = null;
    } catch (err) {
      closeDatabase(raw);
      dataKey.fill(0);
      throw err;
    }
    await autoBackupIfDue(this.serviceContext(), this.paths.vault);
  }

  /** Opens and checks a backup with its own keys; the live data is not touched. */
  public async inspectBackup(dir: string, cred: { recoveryKey?: string; username?: string; password?: string }): Promise<BackupPreview> {
    const { preview, dataKey } = await inspectBackup(dir, cred, () => this.clock.now());
    dataKey.fill(0);
    return preview;
  }

  /**
   * Restores a backup after checking it (integrity and audit chain must be whole). Everyone is
   * logged out; the replaced files are kept in the data folder.
   */
  public async restoreBackup(dir: string, cred: { recoveryKey?: string; username?: string; password?: string }): Promise<{ replacedTo: string; preview: BackupPreview }> {
    const preview = await this.inspectBackup(dir, cred);
    if (preview.integrity !== 'ok') throw new DomainError('RULE_VIOLATION', `Säkerhetskopian klarar inte integritetskontrollen (${preview.integrity}).`);
    if (!preview.auditOk) throw new DomainError('RULE_VIOLATION', `Loggkedjan i säkerhetskopian är bruten: ${preview.auditReason}`);
    const s = this.session;
    if (s) await this.closeSession(s, 'backup.restore', `återställd från kopia ${preview.manifest.createdAt}`);
    this.lockedUsername = null;
    const { replacedTo } = installBackup(dir, this.dataDir, this.clock.now());
    return { replacedTo, preview };
  }

  public get vaultFile(): string {
    return this.paths.vault;
  }

  public requireSession(): Session {
    if (!this.session) throw new DomainError('NOT_LOGGED_IN', 'Du är inte inloggad, eller så har sessionen låsts.');
    return this.session;
  }

  public hasSession(): boolean {
    return this.session !== null;
  }

  public serviceContext(): ServiceContext {
    const s = this.requireSession();
    return { db: s.db, raw: s.raw, actor: s.user, now: () => this.clock.now(), dataKey: s.dataKey };
  }

  public touch(): void {
    if (this.session) this.session.lastActivity = this.clock.now().getTime();
  }

  public setIdleLockMinutes(minutes: number): void {
    if (this.session) this.session.idleLockMinutes = minutes;
  }

  /** After an admin saved the settings: the idle lock and the shell's display settings follow. */
  public applySettings(settings: UnitSettings): void {
    this.setIdleLockMinutes(settings.idleLockMinutes);
    this.onSettings?.(settings);
  }

  public updateSessionUser(user: SessionUser): void {
    if (this.session && this.session.user.id === user.id) this.session.user = user;
  }

  /** Seconds left before checkIdle() locks this session (0 once the idle time has passed). */
  private lockInSeconds(s: { lastActivity: number; idleLockMinutes: number }): number {
    return Math.max(0, Math.ceil((s.lastActivity + s.idleLockMinutes * 60_000 - this.clock.now().getTime()) / 1000));
  }

  /** Locks after the idle time: called on a timer by whoever hosts the core. Returns true if it locked. */
  public async checkIdle(): Promise<boolean> {
    const s = this.session;
    if (!s) return false;
    if (this.clock.now().getTime() - s.lastActivity < s.idleLockMinutes * 60_000) return false;
    await this.lock('idle');
    return true;
  }

  /** Drops the key and closes the database; the lock screen asks the same user for the password. */
  public async lock(reason: 'manual' | 'idle' = 'manual'): Promise<SessionStatus> {
    const s = this.session;
    if (s) {
      await this.closeSession(s, 'session.lock', reason === 'idle' ? 'automatisk låsning' : null);
      this.lockedUsername = s.user.username;
    }
    return this.status();
  }

  public async logout(): Promise<SessionStatus> {
    const s = this.session;
    if (s) await this.closeSession(s, 'session.logout', null);
    this.lockedUsername = null;
    return this.status();
  }

  /** Closes without a trace in the log (app quit). */
  public async close(): Promise<void> {
    const s = this.session;
    if (s) await this.closeSession(s, 'session.close', null);
  }

  private async closeSession(s: Session, action: string, detail: string | null): Promise<void> {
    try {
      await appendAudit(s.db, { userId: s.user.id, action, entityType: 'user', entityId: s.user.id, detail }, () => this.clock.now());
      this.vault.setAuditAnchor(await auditHead(s.db));
    } finally {
      this.endSession();
    }
  }

  /** Forgets the session immediately: zeroes the key and closes the database. */
  private endSession(): void {
    const s = this.session;
    this.session = null;
    if (!s) return;
    closeDatabase(s.raw);
    s.dataKey.fill(0);
  }
}
