import { describe, expect, it } from 'vitest';
import { checkBankAccount } from './bank-account';

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
    expect(checkBankAccount('3300', '811228-9874')).toMatchObject({ status: 'ok', bankName: expect.stringMatching(/Nordea/) });
  });
  it('accepts a Swedbank account in the 8-series (type 2, mod 10 over the account)', () => {
    const nine = '123456789';
    expect(checkBankAccount('8327-9', `${nine}${luhn(nine)}`)).toMatchObject({ status: 'ok', bankName: expect.stringMatching(/Swedbank/) });
  });
  it('accepts a SEB type 1 account (mod 11 over clearing and account)', () => {
    const clearing = '5000';
    let account = '';
    for (let n = 123456; ; n++) {
      const body = `${clearing.slice(1)}${n}`;
      const weights = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
      const sum = body.split('').reduce((s, d, i) => s + Number(d) * weights[i], 0);
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
