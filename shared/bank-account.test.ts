import { describe, expect, it } from 'vitest';
import { isValidIBAN } from 'ibantools';
import { checkBankAccount, formatBban, maskAccount, normaliseAccount, swedishIban } from './bank-account';
import { executionDate } from './compensation/payout';

/** Independent check-digit maths so the test does not trust the library's own maths. */
const luhn = (digits: string) => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
};

describe('checkBankAccount', () => {
  it('accepts a Nordea personkonto (clearing 3300 + personnummer, mod 10)', () => {
    expect(checkBankAccount('3300', '811228-9874')).toMatchObject({
      status: 'ok',
      bankName: expect.stringMatching(/Nordea/),
    });
  });
  it('accepts a Swedbank account in the 8-series (type 2, mod 10 over the account)', () => {
    const nine = '123456789';
    expect(checkBankAccount('8327-9', `${nine}${luhn(nine)}`)).toMatchObject({
      status: 'ok',
      bankName: expect.stringMatching(/Swedbank/),
    });
  });
  it('accepts a SEB type 1 account (mod 11 over clearing and account)', () => {
    const clearing = '5000';
    let account = '';
    for (let n = 123456; ; n++) {
      const body = `${clearing.slice(1)}${n}`;
      const weights = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
      const sum = body.split('').reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
      const check = (11 - (sum % 11)) % 11;
      if (check < 10) {
        account = `${n}${check}`;
        break;
      }
    }
    expect(checkBankAccount(clearing, account)).toMatchObject({ status: 'ok', bankName: 'SEB' });
  });
  it('warns (does not block) on a wrong check digit at a known bank', () => {
    const r = checkBankAccount('3300', '811228-9875');
    expect(r.status).toBe('doubtful');
    if (r.status === 'doubtful') expect(r.message).toMatch(/ser inte ut att stämma för Nordea/);
  });
  it.each([
    ['0000', '1234567', /ingen känd bank/],
    ['12', '1234567', /4 eller 5 siffror/],
    ['3300', '', /Ange kontonumret/],
  ])('refuses clearing %s account %s', (c, a, msg) => {
    const r = checkBankAccount(c, a);
    expect(r.status).toBe('invalid');
    if (r.status === 'invalid') expect(r.message).toMatch(msg);
  });
});

describe('normaliseAccount, formatBban, swedishIban (issue 13)', () => {
  it('gives a Swedbank 8xxx-x account the same 15 (or 14) digits however it was typed', () => {
    const typed = [
      ['8327', '1234567897'],
      ['83279', '123 456 789-7'],
      ['8327-9', '1234567897'],
      ['8327', '91234567897'],
    ];
    for (const [c, a] of typed) {
      const n = normaliseAccount(c!, a!)!;
      expect(formatBban(n, true), `${c} ${a}`).toBe('832791234567897');
      expect(formatBban(n, false), `${c} ${a}`).toBe('83271234567897');
    }
  });
  it('pads Handelsbanken accounts to 9 digits (13 with the clearing) and type 1 accounts to 7', () => {
    expect(formatBban(normaliseAccount('6000', '12345601')!, true)).toBe('6000012345601');
    expect(formatBban(normaliseAccount('6000', '123456789')!, true)).toBe('6000123456789');
    expect(formatBban(normaliseAccount('5000', '1234560')!, true)).toBe('50001234560');
    expect(normaliseAccount('9999', '1')).toBeNull();
  });
  it('computes Swedish IBANs: the published SEB (ECBS/Wikipedia) and Swedbank (IBAN calculator) examples, and valid ones for Swedbank 8xxx-x, Handelsbanken and Nordea personkonto', () => {
    // "SE45 5000 0000 0583 9825 7466": SEB clearing 5839, account 8257466.
    expect(swedishIban(normaliseAccount('5839', '8257466')!)).toBe('SE4550000000058398257466');
    // Swedbank's IBAN calculator page shows the layout "e.g. SE28 8000 0832 7900 0001 2345" (8327-9,
    // account 12345). Its check digits are illustrative (mod 97 gives 98, and ibantools rejects "28"), so
    // the layout after the check digits is what is compared.
    expect(isValidIBAN('SE2880000832790000012345')).toBe(false);
    expect(swedishIban(normaliseAccount('83279', '12345')!)).toBe('SE9880000832790000012345');
    expect(swedishIban(normaliseAccount('8327', '0000012345')!)!.slice(4)).toBe('80000832790000012345');
    const swed = swedishIban(normaliseAccount('8327', '1234567897')!)!;
    expect(swed.slice(4)).toBe('80000832791234567897'); // method 3 keeps the 5th clearing digit
    expect(swedishIban(normaliseAccount('6000', '12345601')!)!.slice(4)).toBe('60000000000012345601'); // method 2: account only
    expect(swedishIban(normaliseAccount('3300', '8112289874')!)!.slice(4)).toBe('30000000008112289874');
    for (const i of [swed, swedishIban(normaliseAccount('6000', '12345601')!)!]) expect(isValidIBAN(i)).toBe(true);
  });
  it('masks accounts for logs and reports', () => {
    expect(maskAccount('5000', '1234560')).toBe('5000, ***4560');
    expect(maskAccount(null, null)).toBe('(inget konto)');
  });
  it('execution date: the pay day, or the bank day before (over a weekend and a holiday)', () => {
    expect(executionDate('2026-11-25', 'payday')).toBe('2026-11-25');
    expect(executionDate('2026-11-30', 'bankDayBefore')).toBe('2026-11-27');
    expect(executionDate('2026-12-28', 'bankDayBefore')).toBe('2026-12-23'); // 24-27 Dec are not bank days
  });
});
