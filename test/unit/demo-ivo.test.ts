import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/seed/demo';
import { ivoReport } from '../../electron/services/reports/ivo';
import { addMonths } from '../../shared/dates';
import { makeReadyCore, tempDir } from '../helpers/core';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('IVO report on the demo municipality', () => {
  it('lists exactly the decisions and interruptions the three-month rule selects, quarter by quarter', async () => {
    const { core } = await makeReadyCore(t.dir);
    const ctx = core.serviceContext();
    await seedDemo(ctx, { seed: 3 });
    // Participants in an insats utan individuell behovsprövning (SoL 2025:400) have no decision to report.
    const decisions = ctx.raw
      .prepare(
        'SELECT d.id, d.decision_date, d.executed_date, d.ended_date FROM decisions d JOIN clients c ON c.id = d.client_id WHERE c.without_assessment = 0',
      )
      .all() as Array<{ id: number; decision_date: string; executed_date: string | null; ended_date: string | null }>;
    const interruptions = ctx.raw
      .prepare('SELECT id, decision_id, from_date, resumed_date FROM decision_interruptions')
      .all() as Array<{ id: number; decision_id: number; from_date: string; resumed_date: string | null }>;
    let nonEmpty = 0;
    for (const quarter of [
      { year: 2025, q: 4 },
      { year: 2026, q: 1 },
      { year: 2026, q: 2 },
      { year: 2026, q: 3 },
      { year: 2026, q: 4 },
    ] as const) {
      const start = `${quarter.year}-${String((quarter.q - 1) * 3 + 1).padStart(2, '0')}-01`;
      const end =
        addMonths(start, 3) > start
          ? new Date(Date.parse(`${addMonths(start, 3)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
          : start;
      // The rule, restated plainly for the test.
      const expected = new Set<string>();
      for (const d of decisions) {
        const deadline = addMonths(d.decision_date, 3);
        if (deadline >= end || d.decision_date > end) continue;
        const inQ = (x: string | null) => x !== null && x >= start && x <= end;
        const open = (!d.executed_date || d.executed_date > end) && (!d.ended_date || d.ended_date > end);
        if (
          open ||
          (inQ(d.executed_date) && d.executed_date! > deadline) ||
          (!d.executed_date && inQ(d.ended_date) && d.ended_date! > deadline)
        )
          expected.add(`d${d.id}`);
      }
      for (const i of interruptions) {
        const deadline = addMonths(i.from_date, 3);
        if (deadline >= end) continue;
        if (!i.resumed_date || (inQ2(i.resumed_date, start, end) && i.resumed_date > deadline))
          expected.add(`i${i.id}`);
      }
      const report = await ivoReport(ctx, quarter);
      const got = new Set(
        report.lines.map((l) =>
          l.interruptionDate
            ? `i${interruptions.find((i) => i.decision_id === l.decisionId && i.from_date === l.interruptionDate)!.id}`
            : `d${l.decisionId}`,
        ),
      );
      expect([...got].sort(), `${quarter.year} K${quarter.q}`).toEqual([...expected].sort());
      expect(report.summary.total).toBe(expected.size);
      if (expected.size > 0) nonEmpty++;
      for (const l of report.lines)
        expect(l.code).toMatch(l.gender === 'kvinna' ? /^\d{8}-T\d[02468]\d$/ : /^\d{8}-T\d[13579]\d$/);
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(3);
  });
});

function inQ2(x: string, start: string, end: string): boolean {
  return x >= start && x <= end;
}
