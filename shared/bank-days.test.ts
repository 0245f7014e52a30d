import { describe, expect, it } from 'vitest';
import { bankDayOnOrBefore, isBankDay } from './bank-days';
import { bban } from './bank-account';

describe('bank days', () => {
  it.each([
    ['2026-11-25', true],
    ['2026-11-21', false], // Saturday
    ['2026-12-24', false], // julafton
    ['2026-06-19', false], // midsommarafton
    ['2026-06-06', false], // nationaldagen (Saturday too)
    ['2026-04-03', false], // långfredagen
    ['2026-04-06', false], // annandag påsk
    ['2026-05-14', false], // Kristi himmelsfärd
    ['2026-12-28', true],
  ])('%s is a bank day: %s', (d, expected) => expect(isBankDay(d)).toBe(expected));
  it('moves a pay day back to the previous bank day', () => {
    expect(bankDayOnOrBefore('2026-12-25')).toBe('2026-12-23');
    expect(bankDayOnOrBefore('2026-10-25')).toBe('2026-10-23');
    expect(bankDayOnOrBefore('2026-11-25')).toBe('2026-11-25');
  });
});

describe('BBAN for bank files', () => {
  it('keeps or drops Swedbank’s fifth clearing digit per bank profile', () => {
    expect(bban('83279', '1234567897', true)).toEqual({ bban: '832791234567897', clearing4: '8327' });
    expect(bban('83279', '1234567897', false)).toEqual({ bban: '83271234567897', clearing4: '8327' });
    expect(bban('6000', '123456789', true)).toEqual({ bban: '6000123456789', clearing4: '6000' });
    expect(bban('3300', '811228-9874', false)).toEqual({ bban: '33008112289874', clearing4: '3300' });
    expect(bban('0000', '1', false)).toBeNull();
  });
});
