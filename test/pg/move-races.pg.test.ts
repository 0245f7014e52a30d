import { mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../electron/db/open';
import { openPostgres } from '../../electron/db/postgres';
import { ADMIN, makeCore, makeReadyCore, tempDir } from '../helpers/core';
import { emptyPgConfig, LOCAL_PREFIX } from '../helpers/pg-db';

// A kpr-local-… folder keeps its core on the local file (test/pg/setup.ts): the workstation before the move.
let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir(LOCAL_PREFIX)));
afterEach(() => t.cleanup());

/** Lets the move reach its first real wait (the server connection): by then it holds the local write lock. */
const started = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the move to the server is not disturbed by what happens meanwhile', () => {
  it('a lock or logout is refused and the idle lock waits; afterwards everyone logs in on the server', async () => {
    const { core, clock } = await makeReadyCore(t.dir);
    const server = await emptyPgConfig();
    clock.advance(61 * 60_000); // past any idle time: the timer would lock now
    const moving = core.moveToServer({ config: server, label: 'Kommunens server' });
    await started();
    await expect(core.lock()).rejects.toThrow(
      'Flytten till databasservern pågår. Vänta tills den är klar; datorn loggar då ut alla av sig själv.',
    );
    await expect(core.logout()).rejects.toThrow('Flytten till databasservern pågår.');
    expect(await core.checkIdle()).toBe(false);
    await moving;
    expect(core.status()).toMatchObject({ state: 'loggedOut', dataSource: { kind: 'server' } });

    // The server settings and the audit anchor were sealed under the real key: login works, the chain verifies.
    const again = makeCore(t.dir);
    await again.core.login(ADMIN.username, ADMIN.password);
    expect(again.core.requireSession().dialect).toBe('postgres');
    await again.core.logout();
  });

  it('holds the local write lock for the whole copy: another program cannot write, and a write of the app waits and is not lost', async () => {
    const { core } = await makeReadyCore(t.dir);
    const server = await emptyPgConfig();
    // Another process on the same data folder (the CLI beside the app), with the same key.
    const key = Buffer.from(core.requireSession().dataKey);
    const other = openEncryptedDatabase(core.databaseFile, key);
    other.pragma('busy_timeout = 0');
    try {
      const moving = core.moveToServer({ config: server, label: 'Kommunens server' });
      await started();
      expect(() => other.prepare("INSERT INTO settings (key, value) VALUES ('annan.process', '1')").run()).toThrow(
        /locked|busy/i,
      );
      // A write of this app that needs no new service context (confirming a restore) waits for the move,
      // and then finds the local database closed instead of writing where nothing is copied any more.
      const confirm = core.confirmRestore();
      const r = await moving;
      await expect(confirm).rejects.toThrow();

      const db = await openPostgres(server);
      try {
        const audit = await db.selectFrom('audit_log').select('action').orderBy('id').execute();
        expect(audit.length).toBe(r.auditRows);
        expect(audit.map((a) => a.action)).not.toContain('backup.restore.confirmed');
        // The file kept behind holds exactly what the server got.
        const kept = openEncryptedDatabase(r.keptAs, key, { readonly: true });
        try {
          expect(kept.prepare('SELECT action FROM audit_log ORDER BY id').all()).toEqual(audit);
        } finally {
          kept.close();
        }
      } finally {
        await db.destroy();
      }
    } finally {
      other.close();
    }
  });

  it('a move while another program holds the local write lock is refused and changes nothing', async () => {
    const { core } = await makeReadyCore(t.dir);
    const server = await emptyPgConfig();
    const other = openEncryptedDatabase(core.databaseFile, Buffer.from(core.requireSession().dataKey));
    try {
      other.exec('BEGIN IMMEDIATE');
      await expect(core.moveToServer({ config: server, label: 'Kommunens server' })).rejects.toThrow(
        'Den lokala databasen används för att skriva av ett annat program (till exempel kommandoraden). Stäng det och försök igen; inget har ändrats.',
      );
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    expect(core.vault.dataSource()).toEqual({ kind: 'local' });
    expect(core.requireSession().dialect).toBe('sqlite');
    await core.logout();
  });

  it('a local file that cannot be renamed after the switch is said as it is: the workstation has moved', async () => {
    const { core } = await makeReadyCore(t.dir);
    const server = await emptyPgConfig();
    // Something already has the name the local file would get (the clock is fixed at 2026-11-22).
    const taken = core.databaseFile.replace(/\.db$/, '-flyttad-till-server-2026-11-22.db');
    mkdirSync(taken);
    writeFileSync(`${taken}/fil`, 'x');
    await expect(core.moveToServer({ config: server, label: 'Kommunens server' })).rejects.toThrow(
      /^Flyttad, men den lokala filen kunde inte döpas om: .+ Datorn använder nu databasservern; döp om eller ta bort .+kontaktregistret\.db för hand\.$/,
    );
    expect(core.vault.dataSource()).toMatchObject({ kind: 'server', label: 'Kommunens server' });
    const again = makeCore(t.dir);
    await again.core.login(ADMIN.username, ADMIN.password);
    expect(again.core.requireSession().dialect).toBe('postgres');
    await again.core.logout();
  });
});
