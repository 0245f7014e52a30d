import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeReadyCore, tempDir } from '../../test/helpers/core';
import { ok } from '../../test/helpers/cases';
import { appendAuditChain } from '../../test/helpers/audit';
import { GENESIS_HASH } from './chain';
import { anchorMac } from '../vault/vault';
import type { RawDatabase } from '../db/open';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir('kpr-rewrite-')));
afterEach(() => t.cleanup());

/**
 * What someone holding any password can do to the database (every role unwraps the same data key):
 * drop the guards, delete rows, and rebuild the whole chain so that it is internally consistent.
 */
function deleteAndRebuild(raw: RawDatabase, action: string): { id: number; hash: string } {
  raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  const rows = raw.prepare('SELECT * FROM audit_log ORDER BY id').all() as any[];
  const kept = rows.filter((r) => r.action !== action);
  raw.exec('DELETE FROM audit_log');
  // The table is empty now: the kept rows are renumbered from 1 and re-hashed from the genesis.
  return appendAuditChain(raw, kept.length, (id) => {
    const r = kept[id - 1];
    return {
      id,
      at: r.at,
      user_id: r.user_id,
      action: r.action,
      entity_type: r.entity_type,
      entity_id: r.entity_id,
      detail: r.detail,
      workstation: r.workstation,
    };
  });
}

async function ready() {
  const dataDir = join(t.dir, 'data');
  const made = await makeReadyCore(dataDir);
  const folder = join(t.dir, 'backups');
  mkdirSync(folder);
  await ok(made.invoke('backup.saveSettings', { folder, automatic: false, keepDays: 7 }));
  return { ...made, dataDir, folder };
}

describe('a rewritten audit log is detected', () => {
  it('editing the vault anchor without the data key is detected (the anchor is authenticated)', async () => {
    const made = await ready();
    await made.core.lock();
    const v = JSON.parse(readFileSync(join(made.dataDir, 'vault.json'), 'utf8'));
    v.auditAnchor = { ...v.auditAnchor, id: 1, hash: GENESIS_HASH };
    writeFileSync(join(made.dataDir, 'vault.json'), JSON.stringify(v));
    await made.core.login(ADMIN.username, ADMIN.password);
    expect(await ok(made.invoke('audit.verify', {}))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Kontrollpunkten i nyckelfilen .* har ändrats/),
    });
  });

  it('a password holder who deletes rows, rebuilds the chain and re-signs the vault anchor is caught by the chain heads in the backup manifests', async () => {
    const made = await ready();
    {
      made.clock.advance(60_000);
      await ok(made.invoke('backup.create', {}));
    }
    for (let i = 0; i < 3; i++) {
      made.clock.advance(60_000);
      await ok(made.invoke('backup.create', {}));
    }
    const { cpInput } = await import('../../test/helpers/people');
    await ok(made.invoke('cp.create', cpInput({ firstName: 'Efter', lastName: 'Kopiorna' })));
    const ctx = made.core.serviceContext();
    // The row to hide lies before the backups: every later row, and so every manifest's head, changes.
    const head = deleteAndRebuild(ctx.raw, 'settings.backup');
    // Without backups to compare with, the rewrite would pass: the chain itself is consistent and the anchor re-signed.
    const v = JSON.parse(readFileSync(join(made.dataDir, 'vault.json'), 'utf8'));
    v.auditAnchor = { ...head, mac: anchorMac(ctx.dataKey, head) };
    writeFileSync(join(made.dataDir, 'vault.json'), JSON.stringify(v));
    const { verifyAuditChain } = await import('./verify');
    expect(verifyAuditChain(ctx.raw, head).ok).toBe(true);
    const r = await ok<{ ok: boolean; reason: string }>(made.invoke('audit.verify', {}));
    expect(r.ok).toBe(false);
    expect(r.reason).toMatch(
      /stämmer inte med kontrollpunkten i säkerhetskopian från 2026-11-22T09:01:00.000Z: loggen har skrivits om/,
    );
  });

  it('a cut tail (rows removed at the end, the vault anchor rolled back with them) is caught by a newer backup manifest', async () => {
    const made = await ready();
    for (let i = 0; i < 5; i++) {
      made.clock.advance(60_000);
      await ok(made.invoke('backup.create', {}));
    }
    const ctx = made.core.serviceContext();
    ctx.raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    const max = (ctx.raw.prepare('SELECT max(id) AS n FROM audit_log').get() as { n: number }).n;
    ctx.raw.prepare('DELETE FROM audit_log WHERE id > ?').run(max - 3);
    const head = ctx.raw.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
      id: number;
      hash: string;
    };
    const v = JSON.parse(readFileSync(join(made.dataDir, 'vault.json'), 'utf8'));
    v.auditAnchor = { ...head, mac: anchorMac(ctx.dataKey, head) };
    writeFileSync(join(made.dataDir, 'vault.json'), JSON.stringify(v));
    expect(await ok(made.invoke('audit.verify', {}))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/de sista raderna har tagits bort/),
    });
  });

  it('an intact log verifies against every manifest', async () => {
    const made = await ready();
    for (let i = 0; i < 3; i++) {
      made.clock.advance(60_000);
      await ok(made.invoke('backup.create', {}));
    }
    const manifests = JSON.parse(
      readFileSync(
        join((await ok<Array<{ path: string }>>(made.invoke('backup.list', {})))[0]!.path, 'manifest.json'),
        'utf8',
      ),
    );
    expect(manifests.auditHead).toMatchObject({
      id: expect.any(Number),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await ok(made.invoke('audit.verify', {}))).toMatchObject({ ok: true });
  });
});
