import { describe, expect, it } from 'vitest';
import { ivoCode, ivoDeadline, ivoLines, quarterRange, type IvoDecision } from './report';

const Q3_2026 = { year: 2026, q: 3 as const };
const dec = (over: Partial<IvoDecision>): IvoDecision => ({
  id: 1,
  decisionDate: '2026-05-15',
  executedDate: null,
  endedDate: null,
  interruptions: [],
  ...over,
});

describe('quarters and deadlines', () => {
  it('spans the calendar quarter', () => {
    expect(quarterRange({ year: 2026, q: 1 })).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(quarterRange({ year: 2024, q: 4 })).toEqual({ start: '2024-10-01', end: '2024-12-31' });
  });
  it('is three calendar months, clamped at month ends and leap years', () => {
    expect(ivoDeadline('2026-05-15')).toBe('2026-08-15');
    expect(ivoDeadline('2025-11-30')).toBe('2026-02-28');
    expect(ivoDeadline('2023-11-30')).toBe('2024-02-29');
    expect(ivoDeadline('2024-11-29')).toBe('2025-02-28');
    expect(ivoDeadline('2026-03-31')).toBe('2026-06-30');
  });
});

describe('ivoLines', () => {
  it('lists a decision not executed three months after the decision', () => {
    expect(ivoLines([dec({})], Q3_2026)).toEqual([
      {
        decisionId: 1,
        interruptionId: null,
        kind: 'ej_verkstallt',
        fromDate: '2026-05-15',
        deadline: '2026-08-15',
        closedDate: null,
        daysWaited: 138,
      },
    ]);
  });
  it('does not list a decision executed on the last possible day', () => {
    expect(ivoLines([dec({ executedDate: '2026-08-15' })], Q3_2026)).toEqual([]);
  });
  it('lists one executed the day after, in the quarter it was executed only', () => {
    expect(ivoLines([dec({ executedDate: '2026-08-16' })], Q3_2026).map((l) => [l.kind, l.daysWaited])).toEqual([
      ['verkstallt_sent', 93],
    ]);
    expect(ivoLines([dec({ executedDate: '2026-08-16' })], { year: 2026, q: 4 })).toEqual([]);
  });
  it('looks back at a past quarter as it was then: executed later means still waiting then', () => {
    expect(
      ivoLines([dec({ executedDate: '2026-10-20' })], Q3_2026).map((l) => [l.kind, l.closedDate, l.daysWaited]),
    ).toEqual([['ej_verkstallt', null, 138]]);
    expect(ivoLines([dec({ executedDate: '2026-10-20' })], { year: 2026, q: 4 }).map((l) => l.kind)).toEqual([
      'verkstallt_sent',
    ]);
    const interrupted = dec({
      decisionDate: '2025-01-10',
      executedDate: '2025-02-01',
      interruptions: [{ id: 7, fromDate: '2026-04-30', resumedDate: '2026-10-05' }],
    });
    expect(ivoLines([interrupted], Q3_2026).map((l) => l.kind)).toEqual(['avbrott']);
    expect(ivoLines([dec({ decisionDate: '2026-10-01' })], Q3_2026)).toEqual([]);
  });

  it('waits for the deadline to pass within the quarter', () => {
    // Decided 2026-07-01: deadline 2026-10-01, after Q3's end.
    expect(ivoLines([dec({ decisionDate: '2026-07-01' })], Q3_2026)).toEqual([]);
    expect(ivoLines([dec({ decisionDate: '2026-06-30' })], Q3_2026)).toEqual([]); // deadline 2026-09-30 = last day, still in time
    expect(ivoLines([dec({ decisionDate: '2026-06-29' })], Q3_2026)).toHaveLength(1);
  });
  it('keeps re-reporting each quarter until executed, and handles a leap-year deadline', () => {
    const d = dec({ decisionDate: '2023-11-30' });
    expect(ivoLines([d], { year: 2024, q: 1 })[0]).toMatchObject({ deadline: '2024-02-29', daysWaited: 122 });
    expect(ivoLines([d], { year: 2024, q: 2 })[0]).toMatchObject({ kind: 'ej_verkstallt', daysWaited: 213 });
  });
  it('reports an ended-without-execution decision once, and none if it ended in time', () => {
    expect(ivoLines([dec({ endedDate: '2026-09-01' })], Q3_2026).map((l) => l.kind)).toEqual([
      'avslutat_ej_verkstallt',
    ]);
    expect(ivoLines([dec({ endedDate: '2026-08-01' })], Q3_2026)).toEqual([]);
  });
  it('reports interruptions not resumed within three months', () => {
    const d = dec({
      decisionDate: '2025-01-10',
      executedDate: '2025-02-01',
      interruptions: [{ id: 7, fromDate: '2026-04-30', resumedDate: null }],
    });
    expect(ivoLines([d], Q3_2026)).toEqual([
      {
        decisionId: 1,
        interruptionId: 7,
        kind: 'avbrott',
        fromDate: '2026-04-30',
        deadline: '2026-07-30',
        closedDate: null,
        daysWaited: 153,
      },
    ]);
    const resumedLate = { ...d, interruptions: [{ id: 7, fromDate: '2026-04-30', resumedDate: '2026-08-01' }] };
    expect(ivoLines([resumedLate], Q3_2026).map((l) => l.kind)).toEqual(['avbrott_aterupptaget_sent']);
    const resumedInTime = { ...d, interruptions: [{ id: 7, fromDate: '2026-04-30', resumedDate: '2026-07-30' }] };
    expect(ivoLines([resumedInTime], Q3_2026)).toEqual([]);
  });
});

describe('ivoCode', () => {
  it('uses an even middle digit for women and odd for men', () => {
    for (let seed = 0; seed < 1000; seed += 37) {
      expect(ivoCode('2014-05-01', 'kvinna', seed)).toMatch(/^20140501-T\d[02468]\d$/);
      expect(ivoCode('2014-05-01', 'man', seed)).toMatch(/^20140501-T\d[13579]\d$/);
    }
  });
});
