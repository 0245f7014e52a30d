import { describe, expect, it } from 'vitest';
import { formatKronor, parseKronor } from './money';

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
});
