import { describe, expect, it } from 'vitest';
import {
  ageOn,
  checkPersonnummerShape,
  luhnControlDigit,
  maskPersonnummer,
  parsePersonnummer,
  personnummerFacts,
} from './personnummer';

const TODAY = '2026-11-22';

describe('parsePersonnummer', () => {
  it.each([
    ['19121212-1212', '191212121212', '1912-12-12', 'man'],
    ['191212121212', '191212121212', '1912-12-12', 'man'],
    ['121212+1212', '191212121212', '1912-12-12', 'man'],
    ['811228-9874', '198112289874', '1981-12-28', 'man'],
    ['20000229-1235', '200002291235', '2000-02-29', 'man'],
  ])('accepts %s', (input, canonical, birthDate, gender) => {
    const r = parsePersonnummer(input, TODAY);
    expect(r).toEqual({ ok: true, value: { canonical, kind: 'personnummer', birthDate, gender } });
  });

  it('puts a 10-digit number in the last hundred years, and one with + a century earlier', () => {
    const young = parsePersonnummer('200229-1231', TODAY);
    expect(young.ok && young.value.birthDate).toBe('2020-02-29');
    const old = parsePersonnummer('200229+1231', TODAY);
    expect(old.ok && old.value.birthDate).toBe('1920-02-29');
    // A born-later-this-year date falls back a century.
    const dec = parsePersonnummer('261231-1239', TODAY);
    expect(dec.ok ? dec.value.birthDate : dec.message).toBe('1926-12-31');
  });

  it('accepts a samordningsnummer (day + 60) and gives the real birth date', () => {
    const nine = '701063239';
    const input = `19${nine.slice(0, 6)}-${nine.slice(6)}${luhnControlDigit(nine)}`;
    const r = parsePersonnummer(input, TODAY);
    expect(r.ok && r.value).toMatchObject({ kind: 'samordningsnummer', birthDate: '1970-10-03' });
  });

  it.each([
    ['19121212-1213', /kontrollsiffra/],
    ['19000229-1234', /datum som inte finns/], // 1900 was not a leap year
    ['19811328-9874', /datum som inte finns/],
    ['1212121212121', /10 eller 12 siffror/],
    ['abc', /10 eller 12 siffror/],
    ['', /10 eller 12 siffror/],
    ['20301212-1212', /framtiden/],
  ])('refuses %s with a Swedish message', (input, message) => {
    const r = parsePersonnummer(input, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('detects every single-digit change of a valid number', () => {
    const valid = '8112289874';
    for (let i = 0; i < 10; i++) {
      const d = Number(valid[i]);
      const changed = valid.slice(0, i) + String((d + 1) % 10) + valid.slice(i + 1);
      const r = parsePersonnummer(changed, TODAY);
      expect(r.ok, changed).toBe(false);
    }
  });
});

describe('helpers', () => {
  it('masks the last four digits', () => {
    expect(maskPersonnummer('191212121212')).toBe('19121212-****');
  });
  it('computes age, birthday counted on the day', () => {
    expect(ageOn('2008-11-22', '2026-11-21')).toBe(17);
    expect(ageOn('2008-11-22', '2026-11-22')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
  });
});

describe('checks without a date (the IPC schemas have no clock)', () => {
  it('accepts what is valid in some century and keeps the input for the core to finish', () => {
    expect(checkPersonnummerShape(' 811228-9874 ')).toEqual({ ok: true, value: '811228-9874' });
    // 000229: a leap day in 2000, not in 1900; the schema lets it through, the core decides the century.
    expect(checkPersonnummerShape('000229-1237').ok).toBe(parsePersonnummer('000229-1237', TODAY).ok);
    expect(checkPersonnummerShape('000229+1237').ok).toBe(false); // 1900-02-29 does not exist
    expect(checkPersonnummerShape('19000229-1237').ok).toBe(false);
    expect(checkPersonnummerShape('811228-9875')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/kontrollsiffra/),
    });
    expect(checkPersonnummerShape('811328-9874').ok).toBe(false);
  });

  it("the century of a 10-digit number follows the core's date", () => {
    // Born 2026-12-01: a 10-digit number read the day before is from 1926, the day after from 2026.
    const pnr = `261201-${'123'}${luhnControlDigit('261201123')}`;
    expect(parsePersonnummer(pnr, '2026-11-30')).toMatchObject({ ok: true, value: { birthDate: '1926-12-01' } });
    expect(parsePersonnummer(pnr, '2026-12-01')).toMatchObject({ ok: true, value: { birthDate: '2026-12-01' } });
    expect(personnummerFacts(`20${pnr.replace('-', '')}`)).toMatchObject({ birthDate: '2026-12-01' });
  });
});
