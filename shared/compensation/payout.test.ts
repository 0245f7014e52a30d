import { describe, expect, it } from 'vitest';
import { netPay, payoutDate } from './payout';

describe('net pay and pay date', () => {
  it('pays arvode after tax plus omkostnad and expenses', () => {
    expect(netPay({ arvodeOre: 50_900, taxOre: 15_200, omkostnadOre: 63_600, expensesOre: 12_550 })).toBe(111_850);
    expect(netPay({ arvodeOre: -10_000, taxOre: -3_000, omkostnadOre: 0, expensesOre: 0 })).toBe(-7_000);
  });
  it.each([
    ['2026-10', 25, '2026-11-25'],
    ['2026-11', 25, '2026-12-23'], // 24th julafton, 25th juldagen
    ['2026-12', 25, '2027-01-25'],
    ['2026-09', 25, '2026-10-23'], // the 25th is a Sunday
    ['2026-05', 19, '2026-06-18'], // midsommarafton
  ])('%s with pay day %i is paid %s', (month, day, expected) => expect(payoutDate(month, day)).toBe(expected));
});
