import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_INTERVALS, followUpState, nextFollowUp } from './follow-up';

describe('follow-up schedule', () => {
  it('children every six months, adults yearly, clamped at month ends', () => {
    expect(nextFollowUp('2026-08-31', true, DEFAULT_FOLLOW_UP_INTERVALS)).toBe('2027-02-28');
    expect(nextFollowUp('2026-08-31', false, DEFAULT_FOLLOW_UP_INTERVALS)).toBe('2027-08-31');
    expect(nextFollowUp('2024-02-29', false, DEFAULT_FOLLOW_UP_INTERVALS)).toBe('2025-02-28');
    expect(nextFollowUp('2026-01-15', true, { childMonths: 3, adultMonths: 12 })).toBe('2026-04-15');
  });
  it('is overdue after the day, soon within 30 days', () => {
    expect(followUpState('2026-11-21', '2026-11-22')).toBe('försenad');
    expect(followUpState('2026-11-22', '2026-11-22')).toBe('snart');
    expect(followUpState('2026-12-22', '2026-11-22')).toBe('snart');
    expect(followUpState('2026-12-23', '2026-11-22')).toBe('planerad');
  });
});
