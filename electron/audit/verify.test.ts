import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReadyCore, tempDir } from '../../test/helpers/core';
import { appendAudit } from './audit-log';
import type { RawDatabase } from '../db/open';
import { verifyAuditChain, verifyAuditChainParallel, type KnownAnchor, type VerifyResult } from './verify';
import { blocksBySearch } from './verify-part';

let t: ReturnType<typeof tempDir>;
const keys = new WeakMap<RawDatabase, Buffer>();

type Anchors = { id: number; hash: string } | KnownAnchor[] | null;
/**
 * Every case runs on the single walk and on the parallel one split in two parts (a threshold of one
 * row), each part in a worker thread on its own read-only connection to the file.
 */
const MODES: Array<[string, (raw: RawDatabase, anchors?: Anchors) => Promise<VerifyResult>]> = [
  ['single walk', (raw, anchors) => Promise.resolve(verifyAuditChain(raw, anchors))],
  [
    'two parts in workers',
    async (raw, anchors) => {
      const r = await verifyAuditChainParallel(raw, anchors, { key: keys.get(raw), minRows: 1, parts: 2 });
      expect(r.parts).toBe(2);
      return r;
    },
  ],
];
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

async function coreWithRows(n: number, dir = t.dir) {
  const made = await makeReadyCore(dir);
  const ctx = made.core.serviceContext();
  for (let i = 0; i < n; i++) {
    await appendAudit(
      ctx.db,
      { userId: 1, action: 'person.read', entityType: 'contact_person', entityId: i + 1 },
      ctx.now,
    );
  }
  keys.set(ctx.raw, ctx.dataKey);
  return { ...made, raw: ctx.raw };
}

/** The triggers stop ordinary edits; an attacker with the key would drop them first. */
function dropGuards(raw: import('../db/open').RawDatabase) {
  raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
}

describe.each(MODES)('audit chain (%s)', (_mode, check) => {
  it('verifies an intact chain', async () => {
    const { raw } = await coreWithRows(20);
    const r = await check(raw);
    expect(r.ok).toBe(true);
    expect(r.checked).toBeGreaterThanOrEqual(22);
  });

  it('the database refuses updates and deletes of audit rows', async () => {
    const { raw } = await coreWithRows(3);
    expect(() => raw.prepare("UPDATE audit_log SET action = 'x' WHERE id = 2").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow(/append-only/);
  });

  it('detects an edited row and names it', async () => {
    const { raw } = await coreWithRows(10);
    dropGuards(raw);
    raw.prepare("UPDATE audit_log SET entity_id = '999' WHERE id = 7").run();
    expect(await check(raw)).toMatchObject({
      ok: false,
      firstBrokenId: 7,
      reason: expect.stringMatching(/ändrats/),
    });
  });

  it('detects an edited row whose hash was recomputed, at the next row', async () => {
    const { raw } = await coreWithRows(10);
    dropGuards(raw);
    const { chainHash } = await import('./chain');
    const row = raw.prepare('SELECT * FROM audit_log WHERE id = 5').get() as any;
    const forged = { ...row, detail: 'förfalskad' };
    raw
      .prepare('UPDATE audit_log SET detail = ?, hash = ? WHERE id = 5')
      .run(forged.detail, chainHash(row.prev_hash, forged));
    expect(await check(raw)).toMatchObject({ ok: false, firstBrokenId: 6 });
  });

  it('detects a deleted row in the middle', async () => {
    const { raw } = await coreWithRows(10);
    dropGuards(raw);
    raw.prepare('DELETE FROM audit_log WHERE id = 4').run();
    expect(await check(raw)).toMatchObject({
      ok: false,
      firstBrokenId: 4,
      reason: expect.stringMatching(/saknas/),
    });
  });

  it('detects a cut tail against the anchor kept in the vault file', async () => {
    const { core } = await coreWithRows(10);
    await core.lock();
    await core.login('admin', 'korrekt-hast-batteri');
    const raw = core.serviceContext().raw;
    keys.set(raw, core.serviceContext().dataKey);
    const anchor = core.vault.auditAnchor(core.serviceContext().dataKey).anchor;
    expect(anchor).not.toBeNull();
    expect((await check(raw, anchor)).ok).toBe(true);
    dropGuards(raw);
    raw.prepare('DELETE FROM audit_log WHERE id >= ?').run(anchor!.id);
    expect(await check(raw, anchor)).toMatchObject({
      ok: false,
      firstBrokenId: anchor!.id,
      reason: expect.stringMatching(/tagits bort/),
    });
  });

  it('verifies details with escapes, control characters and text outside the BMP, and finds such a row edited', async () => {
    const { raw, core } = await coreWithRows(2);
    const ctx = core.serviceContext();
    const odd = [
      'rad 1\nrad 2\ttab',
      'citat " och \\ snedstreck',
      'styr\u0001tecken\u001f',
      'radskift\u2028 emoji 😀 åäö',
      '</script>',
    ];
    for (const detail of odd) await appendAudit(ctx.db, { userId: null, action: 'test.odd', detail }, ctx.now);
    const r = await check(raw);
    expect(r).toMatchObject({ ok: true, firstBrokenId: null });
    dropGuards(raw);
    raw
      .prepare("UPDATE audit_log SET detail = 'rad 1\nrad 3\ttab' WHERE action = 'test.odd' AND detail LIKE 'rad 1%'")
      .run();
    expect(await check(raw)).toMatchObject({
      ok: false,
      firstBrokenId: r.checked - 4,
      reason: expect.stringMatching(/ändrats/),
    });
  });

  it('detects a changed prev_hash and a BLOB written into a row', async () => {
    const { raw } = await coreWithRows(6);
    dropGuards(raw);
    raw.prepare("UPDATE audit_log SET prev_hash = '00' || substr(prev_hash, 3) WHERE id = 4").run();
    expect(await check(raw)).toMatchObject({
      ok: false,
      firstBrokenId: 4,
      reason: expect.stringMatching(/pekar inte/),
    });
    raw.prepare('UPDATE audit_log SET prev_hash = (SELECT hash FROM audit_log WHERE id = 3) WHERE id = 4').run();
    expect((await check(raw)).ok).toBe(true);
    raw.prepare('UPDATE audit_log SET detail = ? WHERE id = 5').run(Buffer.from('binär'));
    expect(await check(raw)).toMatchObject({
      ok: false,
      firstBrokenId: 5,
      reason: expect.stringMatching(/ändrats/),
    });
  });

  it('walks 2 000+ rows and finds a gap far into the log', async () => {
    const { raw, core } = await coreWithRows(0);
    const ctx = core.serviceContext();
    await ctx.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 2100; i++) await appendAudit(trx, { userId: 1, action: 'bulk', entityId: i }, ctx.now);
    });
    const r = await check(raw);
    expect(r.ok).toBe(true);
    expect(r.checked).toBeGreaterThan(2100);
    dropGuards(raw);
    raw.prepare('DELETE FROM audit_log WHERE id = 2001').run();
    expect(await check(raw)).toMatchObject({
      ok: false,
      firstBrokenId: 2001,
      reason: expect.stringMatching(/saknas/),
    });
  });

  it('finds a row missing at the end of a block, and a jump to a far id without walking the gap', async () => {
    const { raw, core } = await coreWithRows(0);
    const ctx = core.serviceContext();
    await ctx.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 2100; i++) await appendAudit(trx, { userId: 1, action: 'bulk', entityId: i }, ctx.now);
    });
    dropGuards(raw);
    const max = (raw.prepare('SELECT max(id) AS m FROM audit_log').get() as { m: number }).m;
    const last = raw.prepare('SELECT * FROM audit_log WHERE id = ?').get(max) as Record<string, unknown>;
    // A copy of the last row moved far out: every id in between is missing, the first of them is named.
    raw
      .prepare(
        'INSERT INTO audit_log (id, at, user_id, action, entity_type, entity_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(1e12, last.at, last.user_id, last.action, last.entity_type, last.entity_id, last.detail, last.hash, 'x');
    expect(await check(raw)).toMatchObject({
      ok: false,
      firstBrokenId: max + 1,
      reason: expect.stringMatching(/saknas/),
    });
    raw.prepare('DELETE FROM audit_log WHERE id = 2000').run();
    expect(await check(raw)).toMatchObject({ ok: false, firstBrokenId: 2000, reason: expect.stringMatching(/saknas/) });
  });

  it('reads through one cursor when the statistics of a young log would plan a block as a scan, with the same verdicts', async () => {
    const { raw } = await coreWithRows(2100);
    dropGuards(raw);
    const stats = (stat: string) => {
      raw.exec('DELETE FROM sqlite_stat1');
      raw.prepare("INSERT INTO sqlite_stat1 VALUES ('audit_log', 'audit_log_user', ?)").run(stat);
      raw.exec('ANALYZE sqlite_schema');
    };
    stats('1 1 1');
    expect(blocksBySearch(raw)).toBe(false);
    expect(verifyAuditChain(raw)).toMatchObject({ ok: true, checked: 2100 + 2 });
    raw.prepare("UPDATE audit_log SET entity_id = 'x' WHERE id = 2050").run();
    raw.prepare('DELETE FROM audit_log WHERE id = 2070').run();
    expect(await check(raw)).toMatchObject({
      ok: false,
      firstBrokenId: 2050,
      reason: expect.stringMatching(/ändrats/),
    });
    stats('1000000 10 10');
    expect(blocksBySearch(raw)).toBe(true);
    expect(await check(raw)).toMatchObject({
      ok: false,
      firstBrokenId: 2050,
      reason: expect.stringMatching(/ändrats/),
    });
  });

  it('hashes exactly as before the one-shot hash (chains written by older versions still verify)', async () => {
    const { createHash } = await import('node:crypto');
    const { chainHash, canonicalRow, GENESIS_HASH } = await import('./chain');
    const row = {
      id: 1,
      at: '2026-11-22T09:00:00.000Z',
      user_id: null,
      action: 'login',
      entity_type: null,
      entity_id: '7',
      detail: 'åäö "x"\n',
    };
    const before = createHash('sha256').update(GENESIS_HASH).update('\n').update(canonicalRow(row)).digest('hex');
    expect(chainHash(GENESIS_HASH, row)).toBe(before);
  });
});

describe('audit chain checked in parts', () => {
  /** 40+ rows split in two parts; returns the first id of the second part (the seam). */
  async function split(dir = t.dir) {
    const { raw } = await coreWithRows(40, dir);
    dropGuards(raw);
    const max = (raw.prepare('SELECT max(id) AS m FROM audit_log').get() as { m: number }).m;
    return { raw, seam: 1 + Math.floor(max / 2) };
  }
  const inParts = (raw: RawDatabase, parts = 2) =>
    verifyAuditChainParallel(raw, null, { key: keys.get(raw), minRows: 1, parts });

  it('finds an edited row exactly at the seam', async () => {
    const { raw, seam } = await split();
    raw.prepare("UPDATE audit_log SET action = 'x' WHERE id = ?").run(seam);
    expect(await inParts(raw)).toMatchObject({
      ok: false,
      parts: 2,
      firstBrokenId: seam,
      reason: expect.stringMatching(/ändrats/),
      checked: seam - 1,
    });
  });

  it('finds the first row of the second part pointing elsewhere (prev_hash changed at the seam)', async () => {
    const { raw, seam } = await split();
    raw.prepare("UPDATE audit_log SET prev_hash = '00' || substr(prev_hash, 3) WHERE id = ?").run(seam);
    expect(await inParts(raw)).toMatchObject({
      ok: false,
      firstBrokenId: seam,
      reason: expect.stringMatching(/pekar inte/),
    });
  });

  it('finds a row deleted exactly at the seam, and the last row of the first part deleted', async () => {
    const { raw, seam } = await split();
    raw.prepare('DELETE FROM audit_log WHERE id = ?').run(seam);
    expect(await inParts(raw)).toMatchObject({
      ok: false,
      firstBrokenId: seam,
      reason: expect.stringMatching(/saknas/),
    });
    const other = await split(join(t.dir, 'andra'));
    other.raw.prepare('DELETE FROM audit_log WHERE id = ?').run(other.seam - 1);
    expect(await inParts(other.raw)).toMatchObject({
      ok: false,
      firstBrokenId: other.seam - 1,
      reason: expect.stringMatching(/saknas/),
    });
  });

  it('finds a break in the second part while the first part is fine, and reports the earlier of two breaks', async () => {
    const { raw, seam } = await split();
    raw.prepare("UPDATE audit_log SET detail = 'x' WHERE id = ?").run(seam + 5);
    expect(await inParts(raw)).toMatchObject({
      ok: false,
      firstBrokenId: seam + 5,
      checked: seam + 4,
      reason: expect.stringMatching(/ändrats/),
    });
    raw.prepare("UPDATE audit_log SET detail = 'x' WHERE id = 3").run();
    expect(await inParts(raw)).toMatchObject({ ok: false, firstBrokenId: 3, checked: 2 });
  });

  it('finds a whole second part deleted (a gap before the last part) and a rewritten stretch across the seam', async () => {
    const { raw } = await split();
    const max = (raw.prepare('SELECT max(id) AS m FROM audit_log').get() as { m: number }).m;
    // Three parts: the middle one emptied, the last one intact on its own.
    const third = 1 + Math.floor(max / 3);
    raw.prepare('DELETE FROM audit_log WHERE id >= ? AND id < ?').run(third, 1 + Math.floor((2 * max) / 3));
    expect(await inParts(raw, 3)).toMatchObject({ ok: false, parts: 3, firstBrokenId: third });

    const other = await split(join(t.dir, 'andra'));
    const { chainHash } = await import('./chain');
    const head = other.raw.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
      id: number;
      hash: string;
    };
    // A consistent rewrite from two rows before the seam to the end: only the anchor catches it.
    const rows = other.raw.prepare('SELECT * FROM audit_log WHERE id >= ? ORDER BY id').all(other.seam - 2) as any[];
    let prev = (other.raw.prepare('SELECT hash FROM audit_log WHERE id = ?').get(other.seam - 3) as { hash: string })
      .hash;
    for (const row of rows) {
      const forged = { ...row, detail: 'omskriven' };
      const h = chainHash(prev, forged);
      other.raw
        .prepare('UPDATE audit_log SET detail = ?, prev_hash = ?, hash = ? WHERE id = ?')
        .run(forged.detail, prev, h, row.id);
      prev = h;
    }
    expect(await inParts(other.raw)).toMatchObject({ ok: true, parts: 2 });
    const anchored = await verifyAuditChainParallel(other.raw, [{ ...head, source: 'nyckelfilen' }], {
      key: keys.get(other.raw),
      minRows: 1,
      parts: 2,
    });
    expect(anchored).toMatchObject({ ok: false, firstBrokenId: head.id, reason: expect.stringMatching(/nyckelfilen/) });
  });

  it('rebuilds the statistics of a young log before splitting it, so each part reads only its own rows', async () => {
    const { raw } = await coreWithRows(2100);
    raw.exec('DELETE FROM sqlite_stat1');
    raw.prepare("INSERT INTO sqlite_stat1 VALUES ('audit_log', 'audit_log_user', '1 1 1')").run();
    raw.exec('ANALYZE sqlite_schema');
    expect(blocksBySearch(raw)).toBe(false);
    expect(await verifyAuditChainParallel(raw, null, { key: keys.get(raw), minRows: 1, parts: 2 })).toMatchObject({
      ok: true,
      parts: 2,
    });
    expect(blocksBySearch(raw)).toBe(true);
    const stat = raw.prepare("SELECT stat FROM sqlite_stat1 WHERE idx = 'audit_log_user'").pluck().get() as string;
    expect(Number(stat.split(' ')[0])).toBeGreaterThan(2100);
  });

  it('stays on the single walk for a small log, without a key, or in memory', async () => {
    const { raw } = await coreWithRows(3);
    expect(await verifyAuditChainParallel(raw, null, { key: keys.get(raw) })).toMatchObject({ ok: true, parts: 1 });
    expect(await verifyAuditChainParallel(raw, null, { minRows: 1, parts: 2 })).toMatchObject({ ok: true, parts: 1 });
    const memory = new (await import('better-sqlite3-multiple-ciphers')).default(':memory:');
    memory.exec(
      `CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at, user_id, action, entity_type, entity_id, detail, prev_hash, hash)`,
    );
    expect(await verifyAuditChainParallel(memory, null, { key: keys.get(raw), minRows: 0, parts: 2 })).toMatchObject({
      ok: true,
      parts: 1,
      checked: 0,
    });
    memory.close();
  });
});
