import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyLiveAudit } from '../../electron/audit/anchors';
import { copyLocalToServer } from '../../electron/db/copy-to-server';
import { seedDemo } from '../../electron/seed/demo';
import { ADMIN, makeCore, makeReadyCore, tempDir } from '../helpers/core';
import { ok } from '../helpers/cases';
import { cpInput, syntheticPnr } from '../helpers/people';
import { freshPgKysely, LOCAL_PREFIX } from '../helpers/pg-db';

let local: ReturnType<typeof tempDir>;
let station: ReturnType<typeof tempDir>;
beforeEach(() => {
  local = tempDir(LOCAL_PREFIX);
  station = tempDir();
});
afterEach(() => {
  local.cleanup();
  station.cleanup();
});

describe('one-way move of a local database to the server', () => {
  it('copies every row, keeps the audit chain verifiable and attested batches locked, and the server carries on', async () => {
    const src = await makeReadyCore(local.dir);
    expect(src.core.dialect).toBe('sqlite');
    await seedDemo(src.core.serviceContext(), { seed: 3 });
    const raw = src.core.requireSession().raw;
    const count = (t: string) => (raw.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;

    const target = await freshPgKysely();
    try {
      const report = await copyLocalToServer(raw, target.db);
      for (const t of [
        'users',
        'audit_log',
        'contact_persons',
        'clients',
        'decisions',
        'assignments',
        'payout_batches',
        'payout_lines',
        'documents',
      ]) {
        expect([t, report.rows[t]]).toEqual([t, count(t)]);
      }
      expect(report.rows.payout_lines).toBeGreaterThan(0);
      expect(report.auditHead).toEqual(raw.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get());
      // The local rows' workstation comes along (it is in their hashes): the same on every row on both sides.
      const stations = await target.db.selectFrom('audit_log').select(['id', 'workstation']).orderBy('id').execute();
      expect(stations).toEqual(raw.prepare('SELECT id, workstation FROM audit_log ORDER BY id').all());
      expect(stations.filter((r) => r.workstation !== null).length).toBeGreaterThan(0);
      // Attested batches came over attested, and their lines are locked on the server too.
      const attested = await target.db
        .selectFrom('payout_batches')
        .select('id')
        .where('status', '=', 'attesterad')
        .execute();
      expect(attested.length).toBe(
        (raw.prepare("SELECT count(*) AS n FROM payout_batches WHERE status = 'attesterad'").get() as { n: number }).n,
      );
      expect(attested.length).toBeGreaterThan(0);
      await expect(
        target.db.updateTable('payout_lines').set({ arvode_ore: 1 }).where('batch_id', '=', attested[0]!.id).execute(),
      ).rejects.toThrow(/attested/);

      // A second run finds data on the server and changes nothing.
      await expect(copyLocalToServer(raw, target.db)).rejects.toThrow(
        'Databasservern har redan data. Flytten görs bara till en tom databas.',
      );

      // The workstation now works on the server with its vault: the chain verifies against the vault's anchor, and new ids follow the copied ones.
      copyFileSync(join(local.dir, 'vault.json'), join(station.dir, 'vault.json'));
      const dst = makeCore(station.dir, target.config);
      await dst.core.login(ADMIN.username, ADMIN.password);
      expect(await verifyLiveAudit(dst.core.serviceContext(), dst.core.vault)).toMatchObject({ ok: true });
      const before = count('contact_persons');
      const { id } = await ok<{ id: number }>(
        dst.invoke('cp.create', cpInput({ personnummer: syntheticPnr('1979-03-03', 901), lastName: 'Efterflytt' })),
      );
      const maxLocal = (raw.prepare('SELECT max(id) AS m FROM contact_persons').get() as { m: number }).m;
      expect(id).toBe(maxLocal + 1);
      expect(await target.db.selectFrom('contact_persons').select('id').execute()).toHaveLength(before + 1);
      await dst.core.close();
    } finally {
      await src.core.close();
      await target.cleanup();
    }
  });
});
