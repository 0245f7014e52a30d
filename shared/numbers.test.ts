import { describe, expect, it } from 'vitest';
import { parseWholeNumber } from './numbers';

describe('parseWholeNumber', () => {
  it.each([
    ['5432', 5432],
    [' 12 ', 12],
    ['0', 0],
    ['007', 7],
  ])('reads %j as %d', (text, n) => expect(parseWholeNumber(text)).toBe(n));
  it.each(['', ' ', '0x1538', '5e3', '5432.0', '-1', '+3', '1 000', '12a', '99999999999999999999'])(
    'refuses %j',
    (text) => expect(parseWholeNumber(text)).toBeNull(),
  );
});
