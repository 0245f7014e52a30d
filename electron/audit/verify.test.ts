import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReadyCore, tempDir } from '../../test/helpers/core';
import { appendAudit } from './audit-log';
import { verifyAuditChain } from './verify';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

async function coreWithRows(n: number) {
  const made = await makeReadyCore(t.dir);
  const ctx = made.core.serviceContext();
  for (let i = 0; i < n; i++) {
    await appendAudit(ctx.db, { userId: 1, action: 'person.read', entityType: 'contact_person', entityId: i + 1 }, ctx.now);
  }
  return { ...made, raw: ctx.raw };
}

/** The triggers stop ordinary edits; an attacker with the key would drop them first. */
function dropGuards(raw: import('../db/open').RawDatabase) {
  raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
}

describe('audit chain', () => {
  it('verifies an intact chain', async () => {
    const { raw } = await coreWithRows(20);
    const r = verifyAuditChain(raw);
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
    expect(verifyAuditChain(raw)).toMatchObject({ ok: false, firstBrokenId: 7, reason: expect.stringMatching(/ändrats/) });
  });

  it('detects an edited row whose hash was recomputed, at the next row', async () => {
    const { raw } = await coreWithRows(10);
    dropGuards(raw);
    const { chainHash } = await import('./chain');
    const row = raw.prepare('SELECT * FROM audit_log WHERE id = 5').get() as any;
    const forged = { ...row, detail: 'förfalskad' };
    raw.prepare('UPDATE audit_log SET detail = ?, hash = ? WHERE id = 5').run(forged.detail, chainHash(row.prev_hash, forged));
    expect(verifyAuditChain(raw)).toMatchObject({ ok: false, firstBrokenId: 6 });
  });

  it('detects a deleted row in the middle', async () => {
    const { raw } = await coreWithRows(10);
    dropGuards(raw);
    raw.prepare('DELETE FROM audit_log WHERE id = 4').run();
    expect(verifyAuditChain(raw)).toMatchObject({ ok: false, firstBrokenId: 4, reason: expect.stringMatching(/saknas/) });
  });

  it('detects a cut tail against the anchor kept in the vault file', async () => {
    const { core } = await coreWithRows(10);
    await core.lock();
    await core.login('admin', 'korrekt-hast-batteri');
    const raw = core.serviceContext().raw;
    const anchor = core.vault.auditAnchor(core.serviceContext().dataKey).anchor;
    expect(anchor).not.toBeNull();
    expect(verifyAuditChain(raw, anchor).ok).toBe(true);
    dropGuards(raw);
    raw.prepare('DELETE FROM audit_log WHERE id >= ?').run(anchor!.id);
    expect(verifyAuditChain(raw, anchor)).toMatchObject({ ok: false, firstBrokenId: anchor!.id, reason: expect.stringMatching(/tagits bort/) });
  });
});
