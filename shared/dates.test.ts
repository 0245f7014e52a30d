import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, isValidIsoDate, previousMonth, previousQuarter } from './dates';

describe('dates', () => {
  it.each([
    ['2024-11-30', 3, '2025-02-28'],
    ['2023-11-30', 3, '2024-02-29'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-05-31', 1, '2025-06-30'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });
  it('validates dates', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2025-02-29')).toBe(false);
    expect(isValidIsoDate('2025-13-01')).toBe(false);
    expect(isValidIsoDate('25-01-01')).toBe(false);
  });
  it('counts days across a DST change', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });
});

describe('the period a screen opens on', () => {
  it('previous month crosses the year change', () => {
    expect(previousMonth('2027-01-01')).toBe('2026-12');
    expect(previousMonth('2027-01-31')).toBe('2026-12');
    expect(previousMonth('2028-03-31')).toBe('2028-02');
    expect(previousMonth('2026-11-29')).toBe('2026-10');
  });
  it('previous quarter is the last whole one', () => {
    expect(previousQuarter('2027-01-15')).toEqual({ year: 2026, q: 4 });
    expect(previousQuarter('2027-03-31')).toEqual({ year: 2026, q: 4 });
    expect(previousQuarter('2027-04-01')).toEqual({ year: 2027, q: 1 });
    expect(previousQuarter('2026-11-29')).toEqual({ year: 2026, q: 3 });
    expect(previousQuarter('2028-12-31')).toEqual({ year: 2028, q: 3 });
  });
});
