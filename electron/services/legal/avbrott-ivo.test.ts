import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReadyCore, tempDir } from '../../../test/helpers/core';
import { ok } from '../../../test/helpers/cases';
import { legalScenario } from '../../../test/helpers/legal';
import type { ProcOutput } from '../../../shared/ipc/contract';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('possible avbrott and the IVO quarter (today 2026-11-22, three silent months)', () => {
  it('flags silent assignments, registers the avbrott in one step, and the IVO quarters match the hand computation', async () => {
    const { core, invoke } = await makeReadyCore(t.dir);
    const { ids } = await legalScenario(invoke, core.serviceContext().raw);
    const report = (assignmentId: number, month: string, meetingDates: string[]) =>
      invoke('reports.submit', { assignmentId, month, meetingDates, hours: meetingDates.length * 2 });
    // Bertil met his contact person in October (approved): not silent.
    await ok(report(ids.bertil!.assignmentId!, '2026-10', ['2026-10-12']));
    await ok(invoke('reports.approve', { assignmentId: ids.bertil!.assignmentId!, month: '2026-10' }));
    // Filip: last approved meeting 2026-07-20; an October report is submitted but not approved (does not count).
    await ok(report(ids.filip!.assignmentId!, '2026-07', ['2026-07-20']));
    await ok(invoke('reports.approve', { assignmentId: ids.filip!.assignmentId!, month: '2026-07' }));
    await ok(report(ids.filip!.assignmentId!, '2026-10', ['2026-10-03']));

    // IVO Q3 2026 (2026-07-01 – 2026-09-30), by hand:
    //   Cecilia: SoL decision 2025-07-01, never executed; deadline 2025-10-01 < 2026-09-30 -> "ej verkställt",
    //            days 2025-07-01 -> 2026-09-30 = 365 + 31 + 31 + 29 = 456.
    //   David:   interruption from 2026-05-31, not resumed; deadline 2026-08-31 < 2026-09-30 -> "avbrott",
    //            days 2026-05-31 -> 2026-09-30 = 30 + 31 + 31 + 30 = 122.
    //   Everyone else was executed within three months, Eva's deadline 2026-11-20 is after the quarter.
    const q3 = await ok<ProcOutput<'reports.ivo'>>(invoke('reports.ivo', { year: 2026, q: 3 }));
    expect(q3.lines.map((l) => [l.decisionId, l.kind, l.daysWaited, l.legalReference])).toEqual([
      [ids.cecilia!.decisionId, 'ej_verkstallt', 456, '11 kap. 1 § SoL (2025:400)'],
      [ids.david!.decisionId, 'avbrott', 122, '9 § 4 LSS'],
    ]);
    expect(q3.summary.byGender).toEqual({ kvinna: 1, man: 1 });

    // Silent months are Aug, Sep, Oct 2026. Alma has no report at all; Filip's last approved meeting is in July.
    const flagged = await ok<ProcOutput<'assignments.possibleAvbrott'>>(invoke('assignments.possibleAvbrott', {}));
    expect(flagged.map((f) => [f.assignmentId, f.lastMeetingDate, f.silentSince, f.silentMonths.join(',')])).toEqual([
      [ids.alma!.assignmentId, null, '2026-08-01', '2026-08,2026-09,2026-10'], // no approved meeting at all: the window's first day
      [ids.filip!.assignmentId, '2026-07-20', '2026-07-21', '2026-08,2026-09,2026-10'],
    ]);
    const reminders = await ok<ProcOutput<'legal.reminders'>>(invoke('legal.reminders', {}));
    expect(reminders.possibleAvbrott).toBe(2);
    expect(reminders.guessedLaws).toBe(1); // Filip's migrated decision
    expect(reminders.lssRegister).toBeNull(); // 22 November is outside 1–25 October

    const refused = await invoke('assignments.registerAvbrott', { assignmentId: ids.bertil!.assignmentId! });
    expect(refused.ok ? null : refused.error.message).toMatch(/inte flaggat som möjligt avbrott/);
    expect(await ok(invoke('assignments.registerAvbrott', { assignmentId: ids.filip!.assignmentId! }))).toEqual({
      fromDate: '2026-07-21',
    });
    const raw = core.serviceContext().raw;
    expect(
      raw
        .prepare('SELECT from_date, resumed_date, assignment_id FROM decision_interruptions WHERE decision_id = ?')
        .all(ids.filip!.decisionId),
    ).toEqual([{ from_date: '2026-07-21', resumed_date: null, assignment_id: ids.filip!.assignmentId }]);
    expect((await ok<unknown[]>(invoke('assignments.possibleAvbrott', {}))).length).toBe(1);

    // IVO Q4 2026 (to 2026-12-31), by hand, now with Filip's avbrott (deadline 2026-10-21):
    //   Cecilia 2025-07-01 -> 2026-12-31 = 365 + 183 = 548; David 2026-05-31 -> 2026-12-31 = 122 + 31 + 30 + 31 = 214;
    //   Filip 2026-07-21 -> 2026-12-31 = 10 (to 31 July) + 31 + 30 + 31 + 30 + 31 = 163.
    const q4 = await ok<ProcOutput<'reports.ivo'>>(invoke('reports.ivo', { year: 2026, q: 4 }));
    expect(q4.lines.map((l) => [l.decisionId, l.kind, l.daysWaited])).toEqual([
      [ids.cecilia!.decisionId, 'ej_verkstallt', 548],
      [ids.david!.decisionId, 'avbrott', 214],
      [ids.filip!.decisionId, 'avbrott', 163],
    ]);
  });
});
