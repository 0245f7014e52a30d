import { describe, expect, it } from 'vitest';
import { guessLaw, lawDateProblem, legalReference, legalReferenceShort, solForDate } from './laws';
import { lssRegister, lssReminder, type LssDecisionFacts } from './lss-register';
import { possibleAvbrott, silentWindow } from './avbrott';
import { classifyLogRow, stockholmTime } from './log-review';
import { isChildOn } from './participants';

const base: LssDecisionFacts = {
  decisionId: 1,
  clientId: 1,
  name: 'A',
  personnummer: '201203042420',
  law: 'LSS 1993:387',
  personkrets: '1',
  decisionDate: '2025-01-01',
  executedDate: '2025-02-01',
  endedDate: null,
  interruptions: [],
  assignments: [{ startDate: '2025-02-01', endDate: null }],
};

describe('laws', () => {
  it('follows the decision date for SoL (2025:400 from 2025-07-01) and the label for LSS', () => {
    expect([solForDate('2025-06-30'), solForDate('2025-07-01')]).toEqual(['SoL 2001:453', 'SoL 2025:400']);
    expect(guessLaw('LSS 9 § 4', '2026-01-01')).toBe('LSS 1993:387');
    expect(guessLaw('SoL (bistånd)', '2024-01-01')).toBe('SoL 2001:453');
    expect(lawDateProblem('SoL 2001:453', '2025-07-01')).toMatch(/2025:400/);
    expect(lawDateProblem('SoL 2025:400', '2025-06-30')).toMatch(/2001:453/);
    expect(lawDateProblem('LSS 1993:387', '1999-01-01')).toBeNull();
    expect(legalReference('SoL 2025:400', '11 kap. 1 §')).toBe('11 kap. 1 § socialtjänstlagen (2025:400)');
    expect(legalReferenceShort('LSS 1993:387', '9 § 4')).toBe('9 § 4 LSS');
  });
});

describe('LSS register rule', () => {
  it('includes an insats executed and not ended on the day (ended on the day still counts)', () => {
    expect(lssRegister([base], '2025-10-01').rows).toHaveLength(1);
    expect(lssRegister([{ ...base, endedDate: '2025-10-01' }], '2025-10-01').rows).toHaveLength(1);
    expect(lssRegister([{ ...base, executedDate: '2025-10-01' }], '2025-10-01').rows).toHaveLength(1);
    expect(lssRegister([{ ...base, endedDate: '2025-09-30' }], '2025-10-01').rows).toHaveLength(0);
    // An interruption resumed on the day: executed again that day.
    expect(
      lssRegister([{ ...base, interruptions: [{ fromDate: '2025-06-01', resumedDate: '2025-10-01' }] }], '2025-10-01')
        .rows,
    ).toHaveLength(1);
    expect(
      lssRegister([{ ...base, interruptions: [{ fromDate: '2025-06-01', resumedDate: '2025-10-02' }] }], '2025-10-01')
        .rows,
    ).toHaveLength(0);
    // SoL decisions are not part of it.
    expect(lssRegister([{ ...base, law: 'SoL 2025:400' }], '2025-10-01').rows).toHaveLength(0);
  });

  it('gives one row per person and reports contradictions as errors', () => {
    const two = lssRegister([base, { ...base, decisionId: 2, personkrets: '3' }], '2025-10-01');
    expect(two.rows).toHaveLength(1);
    expect(two.rows[0]![1]).toBe('');
    expect(two.issues.map((i) => i.problem)).toEqual([
      'Olika personkrets i brukarens beslut (1 och 3).',
      'Olika personkrets i brukarens beslut (1 och 3).',
    ]);
    expect(lssRegister([{ ...base, endedDate: '2025-01-15' }], '2025-10-01').issues[0]!.problem).toMatch(
      /^Motsägelse: avslutat 2025-01-15/,
    );
    expect(lssRegister([{ ...base, executedDate: null }], '2025-10-01').issues[0]!.problem).toMatch(
      /uppdrag pågick på referensdagen men beslutet är inte verkställt/,
    );
    expect(lssRegister([{ ...base, personnummer: 'deltagare:x' }], '2025-10-01').issues[0]!.problem).toMatch(
      /Personnummer saknas/,
    );
    expect(lssRegister([{ ...base, assignments: [] }], '2025-10-01').issues[0]).toMatchObject({
      severity: 'kontrollera',
      problem: 'Verkställt, men inget uppdrag pågick på referensdagen.',
    });
    // A migrated guess: an LSS one is to be confirmed; one guessed as SoL but executed on the day may be a missing LSS person.
    expect(lssRegister([{ ...base, lawGuessed: true }], '2025-10-01').issues.map((i) => i.severity)).toEqual([
      'kontrollera',
    ]);
    expect(lssRegister([{ ...base, law: 'SoL 2001:453', lawGuessed: true }], '2025-10-01').issues[0]!.problem).toMatch(
      /gissades som SoL/,
    );
    // Ended long before (more than a year): not mentioned at all.
    expect(
      lssRegister([{ ...base, endedDate: '2024-09-30', executedDate: '2024-02-01' }], '2025-10-01').issues,
    ).toEqual([]);
  });

  it('reminds from the reference day to the deadline only', () => {
    const s = { lssReferenceDay: '10-01', lssDeadlineDay: '10-25' };
    expect(lssReminder('2026-09-30', s)).toBeNull();
    expect(lssReminder('2026-10-01', s)).toEqual({ referenceDate: '2026-10-01', deadline: '2026-10-25' });
    expect(lssReminder('2026-10-25', s)).not.toBeNull();
    expect(lssReminder('2026-10-26', s)).toBeNull();
  });
});

describe('possible avbrott', () => {
  const a = {
    assignmentId: 1,
    startDate: '2026-01-10',
    openInterruption: false,
    reports: [] as Array<{ month: string; status: string; meetingDates: string[] }>,
  };
  it('looks at the whole months before the current one, across the new year', () => {
    expect(silentWindow('2027-02-28', 3)).toEqual(['2026-11', '2026-12', '2027-01']);
  });
  it('needs every month of the window silent, counts only approved reports, and skips young or interrupted assignments', () => {
    expect(possibleAvbrott([a], '2026-11-22', 3)).toHaveLength(1);
    expect(
      possibleAvbrott(
        [{ ...a, reports: [{ month: '2026-09', status: 'godkand', meetingDates: ['2026-09-03'] }] }],
        '2026-11-22',
        3,
      ),
    ).toEqual([]);
    expect(
      possibleAvbrott(
        [{ ...a, reports: [{ month: '2026-09', status: 'inlamnad', meetingDates: ['2026-09-03'] }] }],
        '2026-11-22',
        3,
      ),
    ).toHaveLength(1);
    expect(
      possibleAvbrott(
        [{ ...a, reports: [{ month: '2026-09', status: 'godkand', meetingDates: [] }] }],
        '2026-11-22',
        3,
      ),
    ).toHaveLength(1);
    expect(possibleAvbrott([{ ...a, startDate: '2026-08-01' }], '2026-11-22', 3)).toHaveLength(1);
    expect(possibleAvbrott([{ ...a, startDate: '2026-08-02' }], '2026-11-22', 3)).toEqual([]);
    expect(possibleAvbrott([{ ...a, openInterruption: true }], '2026-11-22', 3)).toEqual([]);
    expect(possibleAvbrott([a], '2026-11-22', 12)).toEqual([]); // started 2026-01: not twelve whole months yet
  });
});

describe('log review', () => {
  const rules = {
    protectedClientIds: new Set(['7']),
    protectedContactPersonIds: new Set(['3']),
    officeHoursStart: '07:00',
    officeHoursEnd: '18:00',
    bulkExportRows: 50,
  };
  const row = (over: Partial<Parameters<typeof classifyLogRow>[0]>) => ({
    id: 1,
    at: '2026-11-23T08:00:00Z',
    user_id: 1,
    username: 'a',
    action: 'client.read',
    entity_type: 'client',
    entity_id: '1',
    detail: null,
    ...over,
  });
  it('reads Swedish time across summer and winter time', () => {
    expect(stockholmTime('2026-07-01T05:30:00Z')).toMatchObject({ time: '07:30', weekday: 3 }); // CEST, UTC+2
    expect(stockholmTime('2026-11-23T06:30:00Z')).toMatchObject({ date: '2026-11-23', time: '07:30', weekday: 1 }); // CET, UTC+1
    expect(stockholmTime('2026-12-31T23:30:00Z')).toMatchObject({ date: '2027-01-01', time: '00:30' });
  });
  it('classifies the categories', () => {
    expect(classifyLogRow(row({ entity_id: '7' }), rules)).toEqual(['skyddad_identitet']);
    expect(classifyLogRow(row({ action: 'cp.read', entity_type: 'contact_person', entity_id: '3' }), rules)).toEqual([
      'skyddad_identitet',
    ]);
    expect(classifyLogRow(row({ action: 'client.update', entity_id: '7' }), rules)).toEqual([]); // a write is not a read
    const withDocs = { ...rules, protectedDocumentIds: new Set(['12']) };
    expect(
      classifyLogRow(row({ action: 'document.export', entity_type: 'document', entity_id: '12' }), withDocs),
    ).toEqual(['skyddad_identitet']);
    expect(
      classifyLogRow(row({ action: 'document.export', entity_type: 'document', entity_id: '13' }), withDocs),
    ).toEqual([]);
    expect(classifyLogRow(row({ at: '2026-11-23T05:59:00Z' }), rules)).toEqual(['utanfor_kontorstid']); // 06:59
    expect(classifyLogRow(row({ at: '2026-11-23T17:00:00Z' }), rules)).toEqual(['utanfor_kontorstid']); // 18:00
    expect(classifyLogRow(row({ at: '2026-11-23T16:59:00Z' }), rules)).toEqual([]); // 17:59
    expect(classifyLogRow(row({ at: '2026-11-22T10:00:00Z' }), rules)).toEqual(['utanfor_kontorstid']); // Sunday
    expect(classifyLogRow(row({ action: 'export.xlsx', detail: 'brukare, 49 rader' }), rules)).toEqual([]);
    expect(classifyLogRow(row({ action: 'export.xlsx', detail: 'brukare, 50 rader' }), rules)).toEqual(['massutdrag']);
    expect(classifyLogRow(row({ action: 'payout.export', detail: 'pain001' }), rules)).toEqual(['massutdrag']);
    expect(classifyLogRow(row({ action: 'document.export', detail: 'avtal' }), rules)).toEqual([]);
    expect(classifyLogRow(row({ action: 'session.login.failed', user_id: null }), rules)).toEqual([
      'misslyckade_inloggningar',
    ]);
    expect(classifyLogRow(row({ action: 'cp.payment-data.change' }), rules)).toEqual(['betalningsuppgifter']);
  });
  it('decides childhood from the age group for participants', () => {
    expect([
      isChildOn('', 'ungdom', '2026-01-01'),
      isChildOn('', 'vuxen', '2026-01-01'),
      isChildOn('2010-01-01', '', '2026-01-01'),
    ]).toEqual([true, false, true]);
  });
});
