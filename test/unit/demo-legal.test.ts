import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/seed/demo';
import { lssRegisterReport } from '../../electron/services/legal/lss-register';
import { makeReadyCore, tempDir } from '../helpers/core';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('legal reports on the demo municipality (seeded 2026-11-22)', () => {
  it('has LSS and SoL decisions on both sides of 2025-07-01 with the right law, and its LSS register matches the rule restated', async () => {
    const { core } = await makeReadyCore(t.dir);
    const ctx = core.serviceContext();
    await seedDemo(ctx, { seed: 3 });
    const decisions = ctx.raw
      .prepare(
        'SELECT d.id, d.client_id, d.law, d.personkrets, d.decision_date, d.executed_date, d.ended_date, c.without_assessment FROM decisions d JOIN clients c ON c.id = d.client_id',
      )
      .all() as Array<{
      id: number;
      client_id: number;
      law: string;
      personkrets: string | null;
      decision_date: string;
      executed_date: string | null;
      ended_date: string | null;
      without_assessment: number;
    }>;
    const count = (f: (d: (typeof decisions)[number]) => boolean) => decisions.filter(f).length;
    expect(count((d) => d.law === 'SoL 2001:453')).toBeGreaterThan(0);
    expect(count((d) => d.law === 'SoL 2025:400' && d.without_assessment === 0)).toBeGreaterThan(0);
    expect(count((d) => d.law === 'LSS 1993:387' && d.decision_date < '2025-07-01')).toBeGreaterThan(0);
    expect(count((d) => d.law === 'LSS 1993:387' && d.decision_date >= '2025-07-01')).toBeGreaterThan(0);
    expect(count((d) => d.without_assessment === 1)).toBe(1);
    const active = (sql: string) =>
      (
        ctx.raw
          .prepare(
            `SELECT COUNT(*) AS n FROM assignments a JOIN decisions d ON d.id = a.decision_id JOIN clients c ON c.id = d.client_id WHERE a.status = 'aktivt' AND ${sql}`,
          )
          .get() as { n: number }
      ).n;
    expect(active('c.without_assessment = 1')).toBe(1);
    expect(active("d.law = 'SoL 2001:453'")).toBeGreaterThan(0);
    // SoL follows the date exactly; every LSS decision has a personkrets; no SoL decision has one.
    expect(
      count(
        (d) => d.law.startsWith('SoL') && d.law !== (d.decision_date >= '2025-07-01' ? 'SoL 2025:400' : 'SoL 2001:453'),
      ),
    ).toBe(0);
    expect(count((d) => (d.law === 'LSS 1993:387') !== (d.personkrets !== null))).toBe(0);

    // The register rule restated plainly: LSS, executed on or before 1 October, not ended before it, no interruption then.
    const ref = '2026-10-01';
    const open = ctx.raw
      .prepare(
        'SELECT decision_id FROM decision_interruptions WHERE from_date <= ? AND (resumed_date IS NULL OR resumed_date > ?)',
      )
      .all(ref, ref) as Array<{ decision_id: number }>;
    const interrupted = new Set(open.map((o) => o.decision_id));
    const expected = new Set(
      decisions
        .filter(
          (d) =>
            d.law === 'LSS 1993:387' &&
            d.executed_date !== null &&
            d.executed_date <= ref &&
            (d.ended_date === null || d.ended_date >= ref) &&
            !interrupted.has(d.id),
        )
        .map((d) => d.client_id),
    );
    const report = await lssRegisterReport(ctx, ref);
    expect(report.rows).toHaveLength(expected.size);
    expect(expected.size).toBeGreaterThan(3);
    expect(report.issues.filter((i) => i.severity === 'fel')).toEqual([]);
    expect(report.counts.withoutPersonkrets).toBe(0);
  });
});
