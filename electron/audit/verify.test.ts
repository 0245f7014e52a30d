import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReadyCore, tempDir } from '../../test/helpers/core';
import { appendAudit } from './audit-log';
import type { RawDatabase } from '../db/open';
import { verifyAuditChain, verifyAuditChainParallel, type KnownAnchor, type VerifyResult } from './verify';

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

async function coreWithRows(n: number) {
  const made = await makeReadyCore(t.dir);
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
