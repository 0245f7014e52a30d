import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { DomainError } from '../../shared/errors';
import { toLocalIsoDate } from '../../shared/dates';
import type { SessionStatus, SessionUser } from '../../shared/ipc/procedures/session';
import type { Role } from '../../shared/roles';
import { appendAudit, auditHead } from '../audit/audit-log';
import { workstationName } from '../audit/workstation';
import {
  closeDatabase,
  createKysely,
  DatabaseKeyError,
  openEncryptedDatabase,
  databaseScheme,
  leaveRekeyMode,
  prepareRekey,
  rekeyDatabase,
  type RawDatabase,
} from '../db/open';
import { assertPasswordPolicy } from '../vault/password-policy';
import { dropRekeySnapshot, hasRekeySnapshot, restoreRekeySnapshot, takeRekeySnapshot } from '../db/rekey-snapshot';
import { restrictFileModes } from './file-modes';
import { CURRENT_SCHEME, SCHEME_LABEL } from '../db/cipher';
import { recoverInterruptedRewrite, upgradeScheme, type SchemeUpgrade } from '../db/scheme-upgrade';
import { purgeReplacedFolders } from '../backup/replaced';
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
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { DialectName } from '../db/dialect';
import { checkPgConfig, hasInstallation, openPostgres, type PgConnectionConfig } from '../db/postgres';
import { defaultLabel } from '../vault/data-source';
import { vaultFromConnectionFile } from '../vault/connection-file';
import { copyLocalToServer, type CopyReport } from '../db/copy-to-server';
import { setAsideLocalDatabase } from '../db/set-aside';
import { localOnlyError, noLocalDatabase } from '../db/server-mode';

/** Test seams for the crash-safety tests of a rekey: throw here to simulate a crash between the steps. */
export const rekeyHooks: { afterVault?: () => void; afterDatabase?: () => void } = {};

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
  /**
   * Always this PostgreSQL server, whatever the vault says (the PostgreSQL test run). Without it the
   * vault decides: its sealed data source (electron/vault/data-source.ts), or the local encrypted file.
   * A setup without a data source of its own seals this one in the new vault.
   */
  server?: PgConnectionConfig;
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

export interface MoveResult {
  /** Rows per table, the same on the server. */
  rows: Record<string, number>;
  auditRows: number;
  /** The local file, renamed and read-only. */
  keptAs: string;
}

/** The idle lock never waits longer than this, whatever is stored in the settings. */
export const MAX_IDLE_LOCK_MINUTES = 60;

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
    super(
      'Installationen kunde inte slutföras: databasen kunde inte skapas i datamappen. Inget har sparats, så du kan försöka igen. Om felet kvarstår: kontrollera att datamappen går att skriva i.',
      { cause },
    );
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
  /** While the local database is copied to a server nothing else may write to it (the write would not be copied). */
  private moving = false;
  /** What opening the database did to its encryption scheme; logged by the login that opened it. */
  private schemeUpgrade: SchemeUpgrade = { done: false };
  /** Settles when the move in progress has finished or failed (close() waits for it). */
  private moveDone: Promise<unknown> = Promise.resolve();
  private readonly serverOverride: PgConnectionConfig | undefined;
  /** Server connections being closed; close() waits for them. */
  private readonly closing = new Set<Promise<void>>();

  public constructor(opts: CoreOptions) {
    this.dataDir = opts.dataDir;
    this.serverOverride = opts.server;
    this.clock = opts.clock ?? systemClock;
    this.paths = dataPaths(opts.dataDir);
    // Everything this process creates (database, WAL/SHM, vault, backups, exports) is owner-only (0600/0700).
    if (process.platform !== 'win32') process.umask(0o077);
    mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
    restrictFileModes(opts.dataDir);
    this.vault = new Vault(this.paths.vault, opts.kdf ?? OWASP_SCRYPT, () => this.clock.now());
    this.exportSink = opts.exportSink ?? folderSink(join(dirname(opts.dataDir), 'exporter'));
    this.pdfRenderer = opts.pdf;
    this.printer = opts.print;
    this.onSettings = opts.onSettings;
  }

  /** Where the data lives: the constructor's server, else the vault's data source (readable before login). */
  public get dialect(): DialectName {
    if (this.serverOverride) return 'postgres';
    return this.vault.snapshot()?.dataSource?.kind === 'server' ? 'postgres' : 'sqlite';
  }

  /** The data source as the status shows it before login: which kind, and the server's name. */
  private dataSourceStatus(): SessionStatus['dataSource'] {
    const r = this.vault.snapshot()?.dataSource;
    if (r?.kind === 'server') return { kind: 'server', label: r.label };
    return this.serverOverride
      ? { kind: 'server', label: defaultLabel(this.serverOverride) }
      : { kind: 'local', label: null };
  }

  public get databaseFile(): string {
    return this.paths.database;
  }

  public async pdf(html: string): Promise<Buffer> {
    if (!this.pdfRenderer)
      throw new DomainError('RULE_VIOLATION', 'Utskrift till PDF finns bara i programmet, inte i kommandoraden.');
    return this.pdfRenderer(html);
  }

  public async print(html: string): Promise<boolean> {
    if (!this.printer)
      throw new DomainError(
        'RULE_VIOLATION',
        'Utskrift till skrivare finns bara i programmet. Skapa en PDF i stället.',
      );
    return this.printer(html);
  }

  public status(): SessionStatus {
    const today = toLocalIsoDate(this.clock.now());
    if (!this.vault.exists())
      return { state: 'uninitialized', user: null, lockedUsername: null, unitName: null, today };
    const dataSource = this.dataSourceStatus();
    if (this.session)
      return {
        state: 'unlocked',
        user: this.session.user,
        lockedUsername: null,
        unitName: this.unitName,
        today,
        lockInSeconds: this.lockInSeconds(this.session),
        dataSource,
      };
    if (this.lockedUsername)
      return {
        state: 'locked',
        user: null,
        lockedUsername: this.lockedUsername,
        unitName: this.unitName,
        today,
        dataSource,
      };
    return { state: 'loggedOut', user: null, lockedUsername: null, unitName: this.unitName, today, dataSource };
  }

  /**
   * First start: creates the vault, the database (the local encrypted file, or the schema on an empty
   * shared server, whose credentials are then sealed in the vault) and the first admin. Returns the
   * recovery key, shown once.
   */
  public async setup(input: {
    username: string;
    displayName: string;
    password: string;
    unitName: string;
    server?: { config: PgConnectionConfig; label?: string };
  }): Promise<{ recoveryKey: string }> {
    if (this.vault.exists()) throw new DomainError('ALREADY_INITIALIZED', 'Kontaktregistret är redan installerat.');
    const target = input.server ?? (this.serverOverride ? { config: this.serverOverride } : undefined);
    if (target) checkPgConfig(target.config);
    if (!target && existsSync(this.paths.database)) {
      throw new DomainError(
        'CONFLICT',
        'Datamappen innehåller redan en databas men ingen nyckelfil. Återställ från säkerhetskopia eller välj en tom mapp.',
      );
    }
    // The password policy is checked before anything is created (its message must reach the user as is).
    assertPasswordPolicy(input.password, input.username);
    // All or nothing: whatever this setup creates is removed again if any step fails, so a retry
    // starts clean (a half-made vault would otherwise say "already installed" or "wrong password").
    if (this.settingUp) throw new DomainError('CONFLICT', 'Installationen pågår redan.');
    this.settingUp = true;
    const d = this.paths.database;
    const files = target
      ? [this.paths.vault, `${this.paths.vault}.tmp`]
      : [this.paths.vault, `${this.paths.vault}.tmp`, d, `${d}-wal`, `${d}-shm`, `${d}-journal`];
    const created = files.filter((f) => !existsSync(f));
    let dataKey: Buffer | null = null;
    let raw: RawDatabase | null = null;
    let server: Kysely<DB> | null = null;
    try {
      const made = await this.vault.create(input.username, input.password, target);
      dataKey = made.dataKey;
      let db: Kysely<DB>;
      if (target) {
        db = server = await openPostgres(target.config, { workstation: this.workstation() });
      } else {
        raw = openEncryptedDatabase(this.paths.database, dataKey);
        restrictFileModes(this.dataDir);
        db = createKysely(raw, { workstation: this.workstation() });
      }
      // A second workstation connects to the existing installation; it does not install a second one over it.
      // Checked before migrate(), which would otherwise change the shared schema first.
      if (server && (await hasInstallation(server))) {
        throw new DomainError(
          'CONFLICT',
          'Databasservern har redan en installation av Kontaktregistret. Inget har ändrats på servern. Välj "Anslut till befintlig installation" och läs in en anslutningsfil från installationens administratör.',
        );
      }
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
        await appendAudit(trx, { userId: user.id, action: 'system.setup', entityType: 'user', entityId: user.id }, () =>
          this.clock.now(),
        );
      });
      this.vault.setAuditAnchor(await auditHead(db), dataKey);
      if (raw) {
        const done = raw;
        raw = null;
        closeDatabase(done);
      }
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
      // On a server, a refused connection or an existing installation is said as it is.
      if (target && err instanceof DomainError) throw err;
      throw new SetupFailedError(err);
    } finally {
      dataKey?.fill(0);
      await server?.destroy();
      this.settingUp = false;
    }
  }

  /**
   * A second workstation joins an installation on a shared server: the admin's connection file becomes
   * this data folder's vault (see vault/connection-file.ts for what it holds and what it leaves out).
   * Nothing is written unless the file is whole; the users then log in with their own passwords.
   */
  public joinInstallation(text: string): SessionStatus {
    if (this.vault.exists()) throw new DomainError('ALREADY_INITIALIZED', 'Kontaktregistret är redan installerat.');
    if (existsSync(this.paths.database))
      throw new DomainError(
        'CONFLICT',
        'Datamappen innehåller redan en lokal databas. Välj en tom datamapp för att ansluta till en installation på en databasserver.',
      );
    this.vault.install(vaultFromConnectionFile(text));
    return this.status();
  }

  /**
   * The one-way move of this workstation's local database to an empty server. The server's config is
   * sealed in the vault only after copyLocalToServer has verified the copy (row counts and the audit
   * chain); any failure leaves the workstation on its local database and says why. Afterwards the
   * session ends (everyone logs in again, on the server) and the local file is kept, renamed and
   * read-only, as a fallback.
   */
  public async moveToServer(target: { config: PgConnectionConfig; label: string }): Promise<MoveResult> {
    const s = this.requireSession();
    if (s.dialect !== 'sqlite')
      throw new DomainError('RULE_VIOLATION', 'Den här datorn använder redan en databasserver.');
    if (this.moving) throw new DomainError('CONFLICT', 'Flytten till databasservern pågår redan.');
    const where = target.label || defaultLabel(target.config);
    this.moving = true;
    const done = this.runMove(s, target, where);
    this.moveDone = done.catch(() => undefined);
    return done;
  }

  private async runMove(
    s: Session,
    target: { config: PgConnectionConfig; label: string },
    where: string,
  ): Promise<MoveResult> {
    // The move outlives many awaits; its own copy of the key stays whole whatever happens to the session.
    const key = Buffer.from(s.dataKey);
    const held: { server?: Kysely<DB> } = {};
    try {
      // One connection, held through Kysely's mutex, with the local write lock (BEGIN IMMEDIATE) from
      // before the copy until the file is set aside: no write of this process (it waits for the mutex)
      // nor of another one on the same file (SQLITE_BUSY) can land after the snapshot and be lost.
      return await s.db.connection().execute(async (conn) => {
        try {
          s.raw.exec('BEGIN IMMEDIATE');
        } catch {
          // SQLITE_BUSY after the busy timeout: another process holds the write lock on the same file.
          throw new DomainError(
            'CONFLICT',
            'Den lokala databasen används för att skriva av ett annat program (till exempel kommandoraden). Stäng det och försök igen; inget har ändrats.',
          );
        }
        const to = (held.server = await openPostgres(target.config));
        let report: CopyReport;
        try {
          await appendAudit(
            conn,
            { userId: s.user.id, action: 'datasource.move', entityType: 'datasource', detail: `flyttas till ${where}` },
            () => this.clock.now(),
          );
          report = await copyLocalToServer(s.raw, to);
          if (this.session !== s)
            throw new DomainError('CONFLICT', 'Sessionen avslutades under flytten, så den gjordes inte klar.');
        } catch (err) {
          const why =
            err instanceof DomainError
              ? err.message
              : 'Kopieringen till servern avbröts eller gick inte att kontrollera.';
          if (s.raw.open) {
            await appendAudit(
              conn,
              { userId: s.user.id, action: 'datasource.move.failed', entityType: 'datasource', detail: why },
              () => this.clock.now(),
            );
            s.raw.exec('COMMIT');
          }
          throw new DomainError(
            'RULE_VIOLATION',
            `Flytten till databasservern misslyckades: ${why} Datorn fortsätter med den lokala databasen.`,
          );
        }
        // Verified: from now on the vault names the server. Sealed before the local file is set aside,
        // so a crash in between leaves a workstation on the server with its old file still in place.
        // From the commit to the rename nothing awaits, so no queued write of this process runs in between.
        this.vault.setServer(key, target.config, target.label);
        this.vault.setAuditAnchor(report.auditHead, key);
        s.raw.exec('COMMIT');
        this.endSession();
        this.lockedUsername = null;
        let keptAs: string;
        try {
          keptAs = setAsideLocalDatabase(this.paths.database, this.clock.now());
        } catch (err) {
          const why = err instanceof Error ? err.message : String(err);
          throw new DomainError(
            'RULE_VIOLATION',
            `Flyttad, men den lokala filen kunde inte döpas om: ${why} Datorn använder nu databasservern; döp om eller ta bort ${this.paths.database} för hand.`,
          );
        }
        return { rows: report.rows, auditRows: report.rows.audit_log ?? 0, keptAs };
      });
    } finally {
      this.moving = false;
      key.fill(0);
      if (s.raw.open && s.raw.inTransaction) s.raw.exec('ROLLBACK');
      await held.server?.destroy();
    }
  }

  /** Unwraps the key, opens the database and starts a session. */
  public async login(username: string, password: string): Promise<SessionStatus> {
    this.refuseWhileMoving();
    this.endSession();
    const { dataKey, entryId, attempts } = await this.vault.unlock(username, password);
    try {
      await this.startSession(
        dataKey,
        (db) => db.selectFrom('users').selectAll().where('vault_entry_id', '=', entryId).executeTakeFirst(),
        'session.login',
        attempts,
      );
    } catch (err) {
      if (err instanceof DomainError && err.code === 'WRONG_CREDENTIALS') this.vault.addFailure(username);
      throw err;
    }
    return this.status();
  }

  /** Forgotten password: the recovery key unlocks, and the user gets a new password. */
  public async recover(recoveryKey: string, username: string, newPassword: string): Promise<SessionStatus> {
    this.refuseWhileMoving();
    this.endSession();
    assertPasswordPolicy(newPassword, username);
    const dataKey = this.vault.unlockWithRecoveryKey(recoveryKey);
    await this.startSession(
      dataKey,
      (db) => db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst(),
      'session.recover',
    );
    const s = this.requireSession();
    try {
      const entryId = await this.vault.setPassword(dataKey, username, newPassword, s.vaultEntryId || null);
      await s.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ vault_entry_id: entryId, must_change_password: 0, updated_at: this.clock.now().toISOString() })
          .where('id', '=', s.user.id)
          .execute();
        await appendAudit(
          trx,
          { userId: s.user.id, action: 'user.password.recovered', entityType: 'user', entityId: s.user.id },
          () => this.clock.now(),
        );
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
    attempts?: number,
  ): Promise<void> {
    let raw: RawDatabase;
    let db: Kysely<DB>;
    let dialect: DialectName;
    try {
      const server = this.serverOverride ?? this.vault.serverConfig(dataKey);
      dialect = server ? 'postgres' : 'sqlite';
      if (server) {
        db = await openPostgres(server, { workstation: this.workstation() });
        raw = noLocalDatabase();
      } else {
        raw = this.openDatabase(dataKey);
        restrictFileModes(this.dataDir);
        db = createKysely(raw, { workstation: this.workstation() });
      }
    } catch (err) {
      dataKey.fill(0);
      throw err;
    }
    try {
      await migrate(db);
      const record = await findUser(db);
      if (!record || record.active !== 1) {
        throw new DomainError(
          'WRONG_CREDENTIALS',
          record ? 'Kontot är inaktiverat. Kontakta en administratör.' : 'Fel användarnamn eller lösenord.',
        );
      }
      const user = toSessionUser(record);
      const pending = this.vault.pendingFailures();
      // On a server every workstation has its own vault and counter, so each is remembered under its own id.
      const workstation = dialect === 'postgres' ? this.vault.workstation() : null;
      const attemptsKey = workstation ? `security.loginAttempts.${workstation}` : 'security.loginAttempts';
      // The id is MAC'd under the data key (vault.ts workstationMac), so a fresh id put in by hand to escape
      // the counter check below shows: a wrong MAC is logged as an edit; a missing one (a joined workstation,
      // or an edit that removed it) logs the workstation's first appearance, which an admin can tell apart.
      const idCheck = workstation ? this.vault.workstationCheck(dataKey) : 'ok';
      await db.transaction().execute(async (trx) => {
        const users = await trx.selectFrom('users').select(['id', 'username']).execute();
        const byLookup = new Map(users.map((u) => [this.vault.lookupFor(u.username), u.id]));
        for (const f of pending) {
          const uid = byLookup.get(f.lookup) ?? null;
          await appendAudit(
            trx,
            {
              userId: null,
              at: f.at,
              action: 'session.login.failed',
              entityType: uid ? 'user' : null,
              entityId: uid,
              detail: uid ? null : 'okänt användarnamn',
            },
            () => this.clock.now(),
          );
        }
        // The vault counts every unlock attempt before the KDF runs; the database remembers the count at the
        // last login. A count that went backwards, or fewer queued failures than attempts made since, means
        // vault.json was edited outside the app (e.g. to clear the login delay): that is logged.
        const current = attempts ?? this.vault.attempts();
        const seen = await trx.selectFrom('settings').select('value').where('key', '=', attemptsKey).executeTakeFirst();
        if (idCheck === 'wrong' || (idCheck === 'missing' && !seen)) {
          await appendAudit(
            trx,
            idCheck === 'wrong'
              ? {
                  userId: null,
                  action: 'vault.tampered',
                  entityType: 'vault',
                  detail: 'arbetsstationens id i nyckelfilen har ändrats utanför programmet',
                }
              : {
                  userId: null,
                  action: 'datasource.workstation.new',
                  entityType: 'datasource',
                  detail: 'en ny arbetsstation loggar in för första gången',
                },
            () => this.clock.now(),
          );
        }
        if (seen) {
          const last = Number(seen.value);
          const failedSince = current - last - (attempts === undefined ? 0 : 1);
          if (!Number.isFinite(last) || failedSince < 0) {
            await appendAudit(
              trx,
              {
                userId: null,
                action: 'vault.tampered',
                entityType: 'vault',
                detail: `räknaren för inloggningsförsök gick bakåt (${last} -> ${current})`,
              },
              () => this.clock.now(),
            );
          } else if (pending.length < Math.min(failedSince, 1000)) {
            await appendAudit(
              trx,
              {
                userId: null,
                action: 'vault.tampered',
                entityType: 'vault',
                detail: `${failedSince - pending.length} misslyckade inloggningar har tagits bort ur nyckelfilen`,
              },
              () => this.clock.now(),
            );
          }
        }
        const v = String(current);
        await trx
          .insertInto('settings')
          .values({ key: attemptsKey, value: v })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: v }))
          .execute();
        await appendAudit(trx, { userId: user.id, action, entityType: 'user', entityId: user.id }, () =>
          this.clock.now(),
        );
        const upgrade = this.schemeUpgrade;
        if ('from' in upgrade) {
          await appendAudit(
            trx,
            {
              // The file's event, not the user's: it may have happened at an earlier login attempt.
              userId: null,
              action: upgrade.done ? 'database.scheme.upgraded' : 'database.scheme.upgrade.failed',
              entityType: 'database',
              detail: upgrade.done
                ? `databasfilen skrevs om från ${SCHEME_LABEL[upgrade.from]} till ${SCHEME_LABEL[CURRENT_SCHEME]} med samma nyckel`
                : `databasfilen är kvar i ${SCHEME_LABEL[upgrade.from]}; omskrivningen misslyckades: ${upgrade.failed}`,
            },
            () => this.clock.now(),
          );
        }
      });
      this.schemeUpgrade = { done: false };
      this.vault.clearPendingFailures(pending.length);
      if (idCheck !== 'ok') this.vault.sealWorkstation(dataKey);
      purgeReplacedFolders(this.dataDir, this.clock.now());
      const settings = await readSettings(db);
      this.unitName = settings.unitName;
      this.onSettings?.(settings);
      this.session = {
        user,
        vaultEntryId: record.vault_entry_id ?? '',
        dataKey,
        raw,
        db,
        dialect,
        lastActivity: this.clock.now().getTime(),
        idleLockMinutes: Math.min(settings.idleLockMinutes, MAX_IDLE_LOCK_MINUTES),
      };
      this.lockedUsername = null;
    } catch (err) {
      this.closeDb(raw, db, dialect);
      dataKey.fill(0);
      throw err;
    }
    await autoBackupIfDue(this.serviceContext(), this.vault);
  }

  /** Opens and checks a backup with its own keys; the live data is not touched. */
  public async inspectBackup(
    dir: string,
    cred: { recoveryKey?: string; username?: string; password?: string },
  ): Promise<BackupPreview> {
    if (this.dialect === 'postgres') throw localOnlyError('Säkerhetskopior från fil');
    const { preview, dataKey } = await inspectBackup(dir, cred, () => this.clock.now());
    dataKey.fill(0);
    return preview;
  }

  /**
   * Restores a backup after checking it (integrity and audit chain must be whole). Everyone is
   * logged out; the replaced files are kept in the data folder (until confirmed, or 14 days).
   * The restored database is then rekeyed to a new data key wrapped for the users who hold a key
   * *now* (a user revoked after the backup was made does not come back), the restore is logged in
   * the restored database itself, and the new recovery key is returned to be shown once.
   */
  public async restoreBackup(
    dir: string,
    cred: { recoveryKey?: string; username?: string; password?: string },
  ): Promise<{ replacedTo: string; preview: BackupPreview; recoveryKey: string }> {
    if (this.dialect === 'postgres') throw localOnlyError('Återställning från säkerhetskopia');
    const { preview, dataKey: backupKey } = await inspectBackup(dir, cred, () => this.clock.now());
    try {
      if (preview.integrity !== 'ok')
        throw new DomainError(
          'RULE_VIOLATION',
          `Säkerhetskopian klarar inte integritetskontrollen (${preview.integrity}).`,
        );
      if (!preview.auditOk)
        throw new DomainError('RULE_VIOLATION', `Loggkedjan i säkerhetskopian är bruten: ${preview.auditReason}`);
      const actor = this.session?.user ?? null;
      const live = this.vault.snapshot();
      const s = this.session;
      if (s)
        await this.closeSession(s, 'backup.restore.started', `återställs från kopia ${preview.manifest.createdAt}`);
      this.lockedUsername = null;
      const { replacedTo } = installBackup(dir, this.dataDir, this.clock.now());
      restrictFileModes(this.dataDir);
      this.vault.keepWorkstationId(live?.workstation);
      const restored = this.vault.snapshot();
      const raw = openEncryptedDatabase(this.paths.database, backupKey);
      const newKey = randomBytes(32);
      try {
        const db = createKysely(raw, { workstation: this.workstation() });
        await migrate(db);
        const users = await db.selectFrom('users').select(['id', 'vault_entry_id', 'active']).execute();
        const activeIds = new Set(
          users.filter((u) => u.active === 1 && u.vault_entry_id).map((u) => u.vault_entry_id!),
        );
        // The live vault knows who holds a key today; a copy of the same installation takes its users' keys from there.
        const sameInstall = live && restored && live.lookupSalt === restored.lookupSalt;
        const recipients = (sameInstall ? live.entries : (restored?.entries ?? [])).filter((e) => activeIds.has(e.id));
        const kept = new Set(recipients.filter((e) => e.publicKey).map((e) => e.id));
        const at = this.clock.now().toISOString();
        await db.transaction().execute(async (trx) => {
          for (const u of users.filter((x) => x.active === 1 && !(x.vault_entry_id && kept.has(x.vault_entry_id)))) {
            await trx
              .updateTable('users')
              .set({ active: 0, vault_entry_id: null, updated_at: at })
              .where('id', '=', u.id)
              .execute();
            await appendAudit(
              trx,
              {
                userId: actor?.id ?? null,
                action: 'user.update',
                entityType: 'user',
                entityId: u.id,
                detail: 'inaktiverad vid återställning (ingen nyckel i dag)',
              },
              () => this.clock.now(),
            );
          }
          await appendAudit(
            trx,
            {
              userId: actor?.id ?? null,
              action: 'backup.restore',
              entityType: 'backup',
              detail: `återställd från kopia ${preview.manifest.createdAt}; ny datanyckel och ny återställningsnyckel`,
            },
            () => this.clock.now(),
          );
        });
        // The database leaves WAL mode before the vault names the new key (see prepareRekey).
        prepareRekey(raw);
        const { recoveryKey } = await this.vault.beginRekey(backupKey, newKey, {
          remove: [],
          recipients,
          newEpoch: true,
        });
        rekeyHooks.afterVault?.();
        // As in rekey(): the copy aside right before the rewrite, with nothing awaited in between.
        takeRekeySnapshot(this.paths.database);
        rekeyDatabase(raw, newKey);
        this.vault.finishRekey();
        dropRekeySnapshot(this.paths.database);
        this.vault.setAuditAnchor(await auditHead(db), newKey);
        return { replacedTo, preview, recoveryKey };
      } finally {
        closeDatabase(raw);
        newKey.fill(0);
      }
    } finally {
      backupKey.fill(0);
    }
  }

  /** The admin confirms the restored data: the replaced files (with the old keys) are removed now. */
  public async confirmRestore(): Promise<string[]> {
    const s = this.requireSession();
    const removed = purgeReplacedFolders(this.dataDir, this.clock.now(), { all: true });
    await appendAudit(
      s.db,
      {
        userId: s.user.id,
        action: 'backup.restore.confirmed',
        entityType: 'backup',
        detail: `${removed.length} mappar borttagna`,
      },
      () => this.clock.now(),
    );
    return removed;
  }

  /** What this workstation's audit rows record (electron/audit/workstation.ts); the id lives in the vault file. */
  public workstation(): string {
    return workstationName(this.vault.workstationId());
  }

  public get vaultFile(): string {
    return this.paths.vault;
  }

  /**
   * Opens the database with the vault's current data key. If a rekey was interrupted (the vault still
   * holds the old key sealed under the new one), it is finished here: a database still under the old
   * key (or with the rekey's rollback journal left behind) is opened with the old key and rekeyed.
   */
  private openDatabase(dataKey: Buffer): RawDatabase {
    const file = this.paths.database;
    if (!this.vault.rekeyPending()) {
      // A copy left by a rekey that stopped before the vault was written (the database never changed
      // key), or by a scheme rewrite under the same key: see recoverInterruptedRewrite.
      recoverInterruptedRewrite(file);
      const opened = upgradeScheme(openEncryptedDatabase(file, dataKey), file, dataKey);
      this.schemeUpgrade = opened.upgrade;
      return opened.raw;
    }
    const old = this.vault.previousKey(dataKey);
    const tryOpen = (k: Buffer): RawDatabase | null => {
      try {
        return openEncryptedDatabase(file, k, { keepJournalMode: true });
      } catch (err) {
        if (err instanceof DatabaseKeyError) return null;
        throw err;
      }
    };
    try {
      // A rollback journal means the rekey was interrupted while it rewrote pages: start again from the copy taken before it.
      if (hasRekeySnapshot(file) && existsSync(`${file}-journal`)) restoreRekeySnapshot(file);
      // No WAL exists while a rekey is pending (see prepareRekey), so trying a key that does not fit changes nothing.
      let raw = tryOpen(dataKey);
      if (!raw && old) {
        raw = tryOpen(old);
        if (!raw && hasRekeySnapshot(file)) {
          restoreRekeySnapshot(file);
          raw = tryOpen(old);
        }
        if (raw) {
          const from = databaseScheme(raw);
          // A rekey killed before its copy was taken is redone from here: take one first (see rekey()).
          if (!hasRekeySnapshot(file)) takeRekeySnapshot(file);
          rekeyDatabase(raw, dataKey);
          if (from !== CURRENT_SCHEME) this.schemeUpgrade = { done: true, from };
        }
      }
      if (!raw) throw new DatabaseKeyError();
      raw.pragma('journal_mode = WAL');
      this.vault.finishRekey();
      dropRekeySnapshot(file);
      return raw;
    } finally {
      old?.fill(0);
    }
  }

  /**
   * Revocation: a new data key for the database, re-wrapped for every remaining user (to their public
   * keys, no passwords needed) and under a new recovery key, which is returned to be shown once.
   * Crash-safe in three steps: (1) the new vault is written atomically and keeps the old key sealed
   * under the new one, (2) the database is rekeyed in one transaction, (3) the old key is dropped.
   */
  public async rekey(opts: {
    remove: string[];
    replace?: { entryId: string; username: string; password: string };
  }): Promise<{ recoveryKey: string; dropped: string[] }> {
    const s = this.requireSession();
    const newKey = randomBytes(32);
    let result: { recoveryKey: string; dropped: string[] };
    if (s.dialect === 'postgres') return this.rekeyVaultOnly(s, newKey, opts);
    try {
      if (opts.replace) assertPasswordPolicy(opts.replace.password, opts.replace.username);
      prepareRekey(s.raw);
      result = await this.vault.beginRekey(s.dataKey, newKey, opts);
    } catch (err) {
      newKey.fill(0);
      if (s.raw.open) leaveRekeyMode(s.raw);
      throw err;
    }
    try {
      rekeyHooks.afterVault?.();
      // The copy is taken only now, with no await before the rewrite: the app's own writes during the
      // vault step above (other windows' calls) are in it, and nothing can write between it and the rekey.
      takeRekeySnapshot(this.paths.database);
      rekeyDatabase(s.raw, newKey);
      rekeyHooks.afterDatabase?.();
      this.vault.finishRekey();
      dropRekeySnapshot(this.paths.database);
    } catch (err) {
      // The vault already belongs to the new key; the next login finishes the rekey (see openDatabase).
      this.endSession();
      newKey.fill(0);
      throw err;
    }
    s.dataKey.fill(0);
    s.dataKey = newKey;
    return result;
  }

  /**
   * Server mode: no local file is encrypted under the data key, so a revocation rewraps the vault
   * (the remaining users and a new recovery key) in one step; the server's data is untouched.
   */
  private async rekeyVaultOnly(
    s: Session,
    newKey: Buffer,
    opts: Parameters<AppCore['rekey']>[0],
  ): Promise<{ recoveryKey: string; dropped: string[] }> {
    let result: { recoveryKey: string; dropped: string[] };
    try {
      if (opts.replace) assertPasswordPolicy(opts.replace.password, opts.replace.username);
      result = await this.vault.beginRekey(s.dataKey, newKey, opts);
      this.vault.finishRekey();
    } catch (err) {
      newKey.fill(0);
      throw err;
    }
    s.dataKey.fill(0);
    s.dataKey = newKey;
    return result;
  }

  /**
   * Re-reads the logged-in user's roles, active flag and must-change-password flag (every IPC call):
   * a deactivated user or a removed role takes effect at once, not at the next login.
   */
  public async refreshSessionUser(): Promise<SessionUser | null> {
    const s = this.session;
    if (!s) return null;
    const record = await s.db.selectFrom('users').selectAll().where('id', '=', s.user.id).executeTakeFirst();
    if (!record || record.active !== 1 || record.vault_entry_id !== s.vaultEntryId) {
      await this.closeSession(s, 'session.logout', 'kontot är inaktiverat eller nyckeln ändrad');
      this.lockedUsername = null;
      return null;
    }
    s.user = toSessionUser(record);
    return s.user;
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
    if (this.moving)
      throw new DomainError(
        'CONFLICT',
        'Databasen flyttas till databasservern just nu. Vänta tills flytten är klar; inget har sparats.',
      );
    return { db: s.db, raw: s.raw, dialect: s.dialect, actor: s.user, now: () => this.clock.now(), dataKey: s.dataKey };
  }

  public touch(): void {
    if (this.session) this.session.lastActivity = this.clock.now().getTime();
  }

  public setIdleLockMinutes(minutes: number): void {
    if (this.session) this.session.idleLockMinutes = Math.min(minutes, MAX_IDLE_LOCK_MINUTES);
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
    // The idle lock waits for a move: it would end the session the move is copying from.
    if (!s || this.moving) return false;
    if (this.clock.now().getTime() - s.lastActivity < s.idleLockMinutes * 60_000) return false;
    await this.lock('idle');
    return true;
  }

  /** Drops the key and closes the database; the lock screen asks the same user for the password. */
  public async lock(reason: 'manual' | 'idle' = 'manual'): Promise<SessionStatus> {
    this.refuseWhileMoving();
    const s = this.session;
    if (s) {
      await this.closeSession(s, 'session.lock', reason === 'idle' ? 'automatisk låsning' : null);
      this.lockedUsername = s.user.username;
    }
    return this.status();
  }

  public async logout(): Promise<SessionStatus> {
    this.refuseWhileMoving();
    const s = this.session;
    if (s) await this.closeSession(s, 'session.logout', null);
    this.lockedUsername = null;
    return this.status();
  }

  /**
   * A lock or logout in the middle of a move would end the session it copies from (and zero its key):
   * refused, the move finishes (or fails) on its own within moments.
   */
  private refuseWhileMoving(): void {
    if (this.moving)
      throw new DomainError(
        'CONFLICT',
        'Flytten till databasservern pågår. Vänta tills den är klar; datorn loggar då ut alla av sig själv.',
      );
  }

  /** Closes without a trace in the log (app quit); a move in progress is finished first. */
  public async close(): Promise<void> {
    await this.moveDone;
    const s = this.session;
    if (s) await this.closeSession(s, 'session.close', null);
    await Promise.all([...this.closing]);
  }

  private async closeSession(s: Session, action: string, detail: string | null): Promise<void> {
    try {
      await appendAudit(s.db, { userId: s.user.id, action, entityType: 'user', entityId: s.user.id, detail }, () =>
        this.clock.now(),
      );
      this.vault.setAuditAnchor(await auditHead(s.db), s.dataKey);
    } finally {
      this.endSession();
    }
  }

  /** Forgets the session immediately: zeroes the key and closes the database. */
  private endSession(): void {
    const s = this.session;
    this.session = null;
    if (!s) return;
    this.closeDb(s.raw, s.db, s.dialect);
    s.dataKey.fill(0);
  }

  /** The local file closes at once; a server pool is ended in the background (close() waits for it). */
  private closeDb(raw: RawDatabase, db: Kysely<DB>, dialect: DialectName): void {
    if (dialect === 'sqlite') {
      closeDatabase(raw);
      return;
    }
    const done = db.destroy().catch(() => {});
    this.closing.add(done);
    void done.finally(() => this.closing.delete(done));
  }
}
