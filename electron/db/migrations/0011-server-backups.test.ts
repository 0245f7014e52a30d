import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/core';
import { AUDIT_LOCK_KEY } from '../../audit/audit-log';
import { GENESIS_HASH } from '../../audit/chain';
import { SERVER_BACKUP_SCRIPT_ACTION } from '../../services/server-backups';
import { migrate } from '../migrate';
import { createKysely, openEncryptedDatabase } from '../open';
import { AUDIT_LOCK_KEY_0011, SCRIPT_ACTION_0011, migration0011 } from './0011-server-backups';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

const INSERT =
  'INSERT INTO server_backups (taken_at, recorded_at, source, label, bytes, sha256, db_role, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
const SHA = 'ab'.repeat(32);

describe('migration 0011-server-backups', () => {
  it('makes an append-only table of known server backups that takes only sound rows', async () => {
    const raw = openEncryptedDatabase(join(t.dir, 'm.db'), randomBytes(32));
    const db = createKysely(raw);
    await migrate(db, '0010-row-versions'); // the version before this one
    raw
      .prepare(
        "INSERT INTO users (username, display_name, roles, created_at, updated_at) VALUES ('ada','Ada','[\"admin\"]','x','x')",
      )
      .run();
    expect(await migrate(db, '0011-server-backups')).toEqual(['0011-server-backups']);

    const at = '2026-11-22T01:00:00.000Z';
    raw.prepare(INSERT).run(at, at, 'skript', 'natt.dump', 1234, SHA, 'kpr_backup', null);
    raw.prepare(INSERT).run(at, at, 'app', 'IT-ärende 4711', null, null, null, 1);
    expect(raw.prepare('SELECT id, source, label, bytes FROM server_backups ORDER BY id').all()).toEqual([
      { id: 1, source: 'skript', label: 'natt.dump', bytes: 1234 },
      { id: 2, source: 'app', label: 'IT-ärende 4711', bytes: null },
    ]);

    const bad: Array<[unknown[], RegExp]> = [
      [[at, at, 'hand', 'x', null, null, null, null], /CHECK/],
      [[at, at, 'app', '', null, null, null, null], /CHECK/],
      [[at, at, 'app', 'x'.repeat(201), null, null, null, null], /CHECK/],
      [[at, at, 'app', 'x', 0, null, null, null], /CHECK/],
      [[at, at, 'app', 'x', null, 'abc', null, null], /CHECK/],
      [[at, at, 'app', 'x', null, null, null, 99], /FOREIGN KEY/],
      [[null, at, 'app', 'x', null, null, null, null], /NOT NULL/],
    ];
    for (const [values, error] of bad) expect(() => raw.prepare(INSERT).run(...values)).toThrow(error);

    // A record cannot be backdated or removed afterwards.
    expect(() => raw.prepare("UPDATE server_backups SET taken_at = '2026-11-01T00:00:00.000Z'").run()).toThrow(
      /append-only/,
    );
    expect(() => raw.prepare('DELETE FROM server_backups').run()).toThrow(/append-only/);
    expect((raw.prepare('SELECT count(*) AS n FROM server_backups').get() as { n: number }).n).toBe(2);
    // The server-only function is not made locally.
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'kontaktregistret%'").all()).toEqual([]);
    raw.close();
  });

  it("writes out the audit chain's constants and action as the app has them (the server's function uses them)", () => {
    expect(AUDIT_LOCK_KEY_0011).toBe(AUDIT_LOCK_KEY);
    expect(SCRIPT_ACTION_0011).toBe(SERVER_BACKUP_SCRIPT_ACTION);
    const source = migration0011.up.toString();
    expect(source).toContain(`pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
    expect(source).toContain(`repeat('0', ${GENESIS_HASH.length})`);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(source.split(`'${SCRIPT_ACTION_0011}'`).length - 1).toBe(2); // in the canonical row and in the insert
  });
});
