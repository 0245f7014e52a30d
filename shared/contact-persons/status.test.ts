import { describe, expect, it } from 'vitest';
import { allowedTransitions, CP_STATUSES, queueSinceAfter, transitionError } from './status';
import { approvalBlockers } from './approval';
import { extractAgeWarning, extractUsableUntil } from './register-checks';

describe('contact person status flow', () => {
  it('follows the recruitment order', () => {
    expect(transitionError('intresseanmalan', 'intervju_bokad')).toBeNull();
    expect(transitionError('intervju_bokad', 'utredning_pagar')).toBeNull();
    expect(transitionError('utredning_pagar', 'godkand')).toBeNull();
    expect(transitionError('utredning_pagar', 'ej_godkand')).toBeNull();
  });
  it('refuses skipping the assessment and leaving a final state', () => {
    expect(transitionError('intresseanmalan', 'godkand')).toMatch(
      /Det går inte att ändra status från "Intresseanmälan" till "Godkänd \(i kö\)"/,
    );
    expect(transitionError('ej_godkand', 'godkand')).not.toBeNull();
    expect(allowedTransitions('avslutad')).toEqual([]);
  });
  it('leaves i_uppdrag to the assignment flow', () => {
    expect(transitionError('godkand', 'i_uppdrag')).toMatch(/accepteras/);
    expect(transitionError('godkand', 'i_uppdrag', 'system')).toBeNull();
    expect(transitionError('i_uppdrag', 'godkand', 'system')).toBeNull();
    for (const s of CP_STATUSES) expect(allowedTransitions(s)).not.toContain('i_uppdrag');
  });
});

describe('approval blockers', () => {
  const complete = {
    interviewCount: 1,
    referenceCount: 2,
    consentDate: '2026-10-01',
    prefersChildren: true,
    checks: [
      { register: 'socialtjanstens_register' as const, outcome: 'inga_anteckningar' as const, assessmentNote: null },
      { register: 'belastningsregistret' as const, outcome: 'inga_anteckningar' as const, assessmentNote: null },
    ],
  };
  it('none when the assessment is complete', () => expect(approvalBlockers(complete)).toEqual([]));
  it('lists each missing part', () => {
    expect(approvalBlockers({ ...complete, interviewCount: 0, consentDate: null })).toEqual([
      'Ingen intervju är registrerad.',
      'Samtycke till registerkontroll och referenstagning saknas.',
    ]);
    expect(approvalBlockers({ ...complete, checks: complete.checks.slice(0, 1) })).toEqual([
      'Utdrag ur belastningsregistret krävs för uppdrag med barn.',
    ]);
    expect(approvalBlockers({ ...complete, prefersChildren: false, checks: complete.checks.slice(0, 1) })).toEqual([]);
    expect(
      approvalBlockers({
        ...complete,
        checks: [{ ...complete.checks[0]!, outcome: 'anteckningar' }, complete.checks[1]!],
      }),
    ).toEqual(['En registerkontroll med anteckningar saknar bedömning.']);
  });
});

describe('belastningsregister extract age', () => {
  it('is usable for starts up to one year after the extract date', () => {
    expect(extractUsableUntil('2025-12-01')).toBe('2026-12-01');
    expect(extractUsableUntil('2024-02-29')).toBe('2025-02-28');
    expect(extractAgeWarning('2025-12-01', '2026-12-01')).toBeNull();
    expect(extractAgeWarning('2025-12-01', '2026-12-02')).toMatch(/äldre än ett år.*1 dagar för gammalt/);
  });
});

describe('queue date', () => {
  it('starts when the person enters the queue and is kept otherwise', () => {
    expect(queueSinceAfter('godkand', '2026-11-12', null)).toBe('2026-11-12');
    expect(queueSinceAfter('godkand', '2026-12-01', '2026-03-01')).toBe('2026-12-01');
    expect(queueSinceAfter('i_uppdrag', '2026-12-01', '2026-03-01')).toBe('2026-03-01');
    expect(queueSinceAfter('vilande', '2026-12-01', '2026-03-01')).toBe('2026-03-01');
  });
});
