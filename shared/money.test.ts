import { describe, expect, it } from 'vitest';
import { formatKronor, formatPercentBp, parseKronor, parsePercentBp } from './money';

describe('money', () => {
  it('formats öre as sv-SE kronor', () => {
    expect(formatKronor(123456)).toBe('1\u00a0234,56\u00a0kr');
    expect(formatKronor(5)).toBe('0,05\u00a0kr');
    expect(formatKronor(-100000000, { withUnit: false })).toBe('-1\u00a0000\u00a0000,00');
  });
  it.each([
    ['1 234,56', 123456],
    ['1234.5', 123450],
    ['12 kr', 1200],
    ['-3,05', -305],
  ])('parses %s', (text, ore) => expect(parseKronor(text)).toBe(ore));
  it.each(['', '1,234', 'abc', '1.2.3'])('rejects %s', (text) => expect(parseKronor(text)).toBeNull());
  it.each([
    [3142, '31,42'],
    [1000, '10'],
    [1050, '10,5'],
    [5, '0,05'],
  ])('formats %i basis points as %s percent', (bp, text) => expect(formatPercentBp(bp)).toBe(text));
  it.each([
    ['31,42', 3142],
    ['31.42 %', 3142],
    ['10,5%', 1050],
    [' 7 ', 700],
  ])('parses the percent %s', (text, bp) => expect(parsePercentBp(text)).toBe(bp));
  it.each(['', 'trettio', '31,425', '-5', '1,2,3', '%'])('rejects the percent %s', (text) =>
    expect(parsePercentBp(text)).toBeNull(),
  );
});
