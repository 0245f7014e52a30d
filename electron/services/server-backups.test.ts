import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify';
import { ADMIN, makeReadyCore, tempDir } from '../../test/helpers/core';
import { LOCAL_PREFIX } from '../../test/helpers/pg-db';
import {
  knownServerBackups,
  recordServerBackup,
  SERVER_BACKUP_APP_ACTION,
  SERVER_BACKUP_ENTITY,
} from './server-backups';

// The local encrypted file in both runs (the server side: test/pg/server-backups.pg.test.ts).
let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir(LOCAL_PREFIX)));
afterEach(() => t.cleanup());

const SHA = 'c0ffee'.padEnd(64, '0');
const count = (raw: { prepare: (s: string) => { get: () => unknown } }, table: string) =>
  (raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('known server backups on the local encrypted file', () => {
  it('reports local mode and refuses to register a server backup, in Swedish, writing nothing', async () => {
    const { core, invoke } = await makeReadyCore(t.dir);
    const raw = core.serviceContext().raw;
    expect(await invoke('backup.serverStatus', {})).toEqual({ ok: true, value: { server: false, backups: [] } });
    const before = count(raw, 'audit_log');
    const input = { date: '2026-11-21', time: '01:30', label: 'natt.dump', sha256: '' };
    expect(await invoke('backup.registerServer', input)).toMatchObject({
      ok: false,
      error: {
        code: 'RULE_VIOLATION',
        message: expect.stringMatching(
          /^Säkerhetskopior av en databasserver registreras bara med en delad databasserver/,
        ),
      },
    });
    // Bad input is refused by the contract with the field named, before any rule.
    expect(await invoke('backup.registerServer', { ...input, sha256: 'abc', time: '25:00' })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: { sha256: 'SHA-256 ska vara 64 hexadecimala tecken (eller tomt).', time: 'Ange tiden som TT:MM.' },
      },
    });
    expect(await invoke('backup.registerServer', { ...input, label: 'rad\nbrytning' })).toMatchObject({
      ok: false,
      error: { fields: { label: 'Etiketten får inte innehålla radbrytningar eller styrtecken.' } },
    });
    expect([count(raw, 'server_backups'), count(raw, 'audit_log')]).toEqual([0, before]);
  });

  it('lists records newest first with who recorded them, and counts one without its audit row as unaudited', async () => {
    const { core, clock } = await makeReadyCore(t.dir);
    const ctx = core.serviceContext();
    const a = await ctx.db
      .transaction()
      .execute((trx) =>
        recordServerBackup(ctx, trx, { takenAt: '2026-11-20T01:00:00.000Z', label: 'tisdag.dump', sha256: SHA }),
      );
    clock.advance(60_000);
    const b = await ctx.db
      .transaction()
      .execute((trx) =>
        recordServerBackup(ctx, trx, { takenAt: '2026-11-21T01:00:00.000Z', label: 'onsdag.dump', sha256: null }),
      );
    // Written past the app and its audit log: shown, but not counted as known.
    ctx.raw
      .prepare(
        "INSERT INTO server_backups (taken_at, recorded_at, source, label, db_role) VALUES ('2026-11-22T01:00:00.000Z', '2026-11-22T01:05:00.000Z', 'skript', 'smugglad.dump', 'okänd')",
      )
      .run();

    const list = await knownServerBackups(ctx.db, 20);
    expect(list.map((r) => [r.label, r.source, r.recordedBy, r.audited])).toEqual([
      ['smugglad.dump', 'skript', 'okänd', false],
      ['onsdag.dump', 'app', ADMIN.displayName, true],
      ['tisdag.dump', 'app', ADMIN.displayName, true],
    ]);
    expect(list[2]).toMatchObject({ id: a.id, sha256: SHA, bytes: null, recordedAt: '2026-11-22T09:00:00.000Z' });
    expect(list[1]?.id).toBe(b.id);
    expect(await knownServerBackups(ctx.db, 1)).toHaveLength(1);

    const logged = ctx.raw
      .prepare(
        'SELECT action, entity_type, entity_id, user_id, detail FROM audit_log WHERE entity_type = ? ORDER BY id',
      )
      .all(SERVER_BACKUP_ENTITY);
    expect(logged).toEqual([
      {
        action: SERVER_BACKUP_APP_ACTION,
        entity_type: 'server_backup',
        entity_id: String(a.id),
        user_id: 1,
        detail: `tagen 2026-11-20T01:00:00.000Z, tisdag.dump, SHA-256 ${SHA}, registrerad i appen`,
      },
      {
        action: SERVER_BACKUP_APP_ACTION,
        entity_type: 'server_backup',
        entity_id: String(b.id),
        user_id: 1,
        detail: 'tagen 2026-11-21T01:00:00.000Z, onsdag.dump, registrerad i appen',
      },
    ]);
    expect(verifyAuditChain(ctx.raw)).toMatchObject({ ok: true });
  });
});
