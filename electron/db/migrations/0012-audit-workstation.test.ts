import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/core';
import { AUDIT_LOCK_KEY, appendAudit } from '../../audit/audit-log';
import { GENESIS_HASH } from '../../audit/chain';
import { verifyAuditChain, verifyAuditChainDb, verifyAuditChainParallel } from '../../audit/verify';
import { WORKSTATION_SETTING } from '../../audit/workstation';
import { migrate } from '../migrate';
import { createKysely, openEncryptedDatabase, type RawDatabase } from '../open';
import { WORKSTATION_SETTING_0012, migration0012 } from './0012-audit-workstation';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

/**
 * Rows exactly as versions before 0012 wrote them: the hash formula written out here (SHA-256 over
 * the previous hash, a newline and the seven-column JSON array), not taken from chain.ts, so a change
 * there that moved the hash of a row without a workstation fails this test.
 */
function writeOldChain(raw: RawDatabase, n: number): string {
  const ins = raw.prepare(
    'INSERT INTO audit_log (id, at, user_id, action, entity_type, entity_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let prev = '0'.repeat(64);
  for (let id = 1; id <= n; id++) {
    const cols = [
      id,
      `2026-11-0${id}T08:00:00.000Z`,
      id % 2 ? 1 : null,
      'cp.read',
      'contact_person',
      String(id),
      id === 2 ? 'åäö "x"' : null,
    ];
    const hash = createHash('sha256')
      .update(`${prev}\n${JSON.stringify(cols)}`)
      .digest('hex');
    ins.run(...cols, prev, hash);
    prev = hash;
  }
  return prev;
}

const USER =
  "INSERT INTO users (username, display_name, roles, created_at, updated_at) VALUES ('ada','Ada','[\"admin\"]','x','x')";

async function openAt(version: string) {
  const key = randomBytes(32);
  const raw = openEncryptedDatabase(join(t.dir, 'm.db'), key);
  await migrate(createKysely(raw), version);
  raw.prepare(USER).run();
  return { raw, key };
}

describe('migration 0012-audit-workstation', () => {
  it('adds a nullable workstation column; rows written before keep null and their chain verifies unchanged', async () => {
    const { raw, key } = await openAt('0011-server-backups'); // the version before this one
    const head = writeOldChain(raw, 5);
    // A database from before 0012 (a backup inspected before it is migrated) has no column and still verifies.
    expect(verifyAuditChain(raw, { id: 5, hash: head })).toMatchObject({ ok: true, checked: 5 });

    expect(await migrate(createKysely(raw), '0012-audit-workstation')).toEqual(['0012-audit-workstation']);
    expect(raw.prepare('SELECT DISTINCT workstation FROM audit_log').all()).toEqual([{ workstation: null }]);
    // Each walk: SQLite's hash input, the row-by-row walk in JavaScript (as on the server), and parts in workers.
    expect(await verifyAuditChainDb(createKysely(raw), [{ id: 5, hash: head, source: 'x' }])).toMatchObject({
      ok: true,
      checked: 5,
    });
    expect(verifyAuditChain(raw, { id: 5, hash: head })).toMatchObject({ ok: true, checked: 5 });
    expect(await verifyAuditChainParallel(raw, { id: 5, hash: head }, { key, minRows: 1, parts: 2 })).toMatchObject({
      ok: true,
      checked: 5,
      parts: 2,
    });

    // The column takes a short name or null, nothing else.
    const ins = raw.prepare(
      "INSERT INTO audit_log (id, at, action, workstation, prev_hash, hash) VALUES (?, 'x', 'a', ?, 'p', 'h')",
    );
    expect(() => ins.run(6, '')).toThrow(/CHECK/);
    expect(() => ins.run(6, 'x'.repeat(101))).toThrow(/CHECK/);
    // The append-only triggers still hold, for the new column too.
    expect(() => raw.prepare("UPDATE audit_log SET workstation = 'PC-1 (abcdef12)' WHERE id = 1").run()).toThrow(
      /append-only/,
    );
    expect(() => raw.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/append-only/);
    raw.close();
  });

  it('a row with a workstation is chained on top of the old rows, and its workstation is covered by the hash', async () => {
    const { raw } = await openAt('0011-server-backups');
    writeOldChain(raw, 3);
    await migrate(createKysely(raw), '0012-audit-workstation');
    const now = () => new Date('2026-11-22T09:00:00Z');
    await appendAudit(createKysely(raw, { workstation: 'KOMMUN-PC17 (1a2b3c4d)' }), { userId: 1, action: 'x' }, now);
    // A connection that names no workstation (a CLI tool, a test) writes null, as before.
    await appendAudit(createKysely(raw), { userId: 1, action: 'y' }, now);
    expect(raw.prepare('SELECT id, workstation FROM audit_log WHERE id > 3 ORDER BY id').all()).toEqual([
      { id: 4, workstation: 'KOMMUN-PC17 (1a2b3c4d)' },
      { id: 5, workstation: null },
    ]);
    expect(verifyAuditChain(raw)).toMatchObject({ ok: true, checked: 5 });
    expect(await verifyAuditChainDb(createKysely(raw))).toMatchObject({ ok: true, checked: 5 });

    raw.exec('DROP TRIGGER audit_log_no_update');
    // Another workstation's name on the row, a name removed, a name put on an old row: each is found.
    for (const [id, value] of [
      [4, 'ANNAN-PC (99999999)'],
      [4, null],
      [2, 'KOMMUN-PC17 (1a2b3c4d)'],
    ] as const) {
      const before = raw.prepare('SELECT workstation FROM audit_log WHERE id = ?').get(id) as { workstation: string };
      raw.prepare('UPDATE audit_log SET workstation = ? WHERE id = ?').run(value, id);
      const broken = { ok: false, firstBrokenId: id, reason: `Rad ${id} har ändrats efter att den skrevs.` };
      expect(verifyAuditChain(raw)).toMatchObject(broken);
      expect(await verifyAuditChainDb(createKysely(raw))).toMatchObject(broken);
      raw.prepare('UPDATE audit_log SET workstation = ? WHERE id = ?').run(before.workstation, id);
      expect(verifyAuditChain(raw).ok).toBe(true);
    }
    raw.close();
  });

  it("writes out the setting and the chain's constants as the app has them (the server's function uses them)", () => {
    expect(WORKSTATION_SETTING_0012).toBe(WORKSTATION_SETTING);
    const source = migration0012.up.toString();
    expect(source).toContain(`current_setting('${WORKSTATION_SETTING}', true)`);
    expect(source).toContain(`pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
    expect(source).toContain(`repeat('0', ${GENESIS_HASH.length})`);
    // Only appended when there is one, as in canonicalRow.
    expect(source).toContain(`coalesce(',' || pg_catalog.to_json(v_ws)::text, '')`);
  });
});
