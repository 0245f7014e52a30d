/**
 * Swedish personal identity numbers (personnummer) and coordination numbers
 * (samordningsnummer, day + 60). Stored canonically as 12 digits YYYYMMDDNNNC.
 */

export type PnrKind = 'personnummer' | 'samordningsnummer';

export interface ParsedPnr {
  /** 12 digits, no separator. */
  canonical: string;
  kind: PnrKind;
  /** Birth date as ISO YYYY-MM-DD (for samordningsnummer the day minus 60). */
  birthDate: string;
  /** Legal gender from the second-last digit: odd = man, even = kvinna. */
  gender: 'man' | 'kvinna';
}

export type PnrResult = { ok: true; value: ParsedPnr } | { ok: false; message: string };

/** Luhn checksum over the 9 digits YYMMDDNNN; returns the control digit. */
export function luhnControlDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const dim = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= dim;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Parses 10 or 12 digits, with or without '-' / '+'. A 10-digit number gets its
 * century from the reference date: '+' marks 100 years or older (Skatteverket's rule).
 */
export function parsePersonnummer(input: string, today: string): PnrResult {
  const trimmed = input.trim().replace(/\s+/g, '');
  const m = /^(\d{2})?(\d{6})([-+]?)(\d{4})$/.exec(trimmed);
  if (!m) {
    return { ok: false, message: 'Personnumret ska ha 10 eller 12 siffror, t.ex. ÅÅÅÅMMDD-NNNN.' };
  }
  const [, century, yymmdd, sep, last4] = m;
  // Only the century group is optional in the pattern; the others take part in every match.
  if (yymmdd === undefined || last4 === undefined) throw new Error('parsePersonnummer: the pattern lost a digit group');
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  const ddRaw = Number(yymmdd.slice(4, 6));
  const kind: PnrKind = ddRaw > 60 ? 'samordningsnummer' : 'personnummer';
  const dd = kind === 'samordningsnummer' ? ddRaw - 60 : ddRaw;

  let fullYear: number;
  if (century !== undefined) {
    fullYear = Number(century + yymmdd.slice(0, 2));
  } else {
    const refYear = Number(today.slice(0, 4));
    const refMd = today.slice(5, 7) + today.slice(8, 10);
    fullYear = Math.floor(refYear / 100) * 100 + yy;
    // Born later this century than today: must be the previous century.
    if (`${fullYear}${pad2(mm)}${pad2(dd)}` > `${refYear}${refMd}`) fullYear -= 100;
    if (sep === '+') fullYear -= 100;
  }
  if (!isValidDate(fullYear, mm, dd)) {
    return { ok: false, message: 'Personnumret innehåller ett datum som inte finns.' };
  }
  const birthDate = `${fullYear}-${pad2(mm)}-${pad2(dd)}`;
  if (birthDate > today) {
    return { ok: false, message: 'Personnumret anger ett födelsedatum i framtiden.' };
  }
  const control = luhnControlDigit(yymmdd + last4.slice(0, 3));
  if (control !== Number(last4[3])) {
    return { ok: false, message: 'Personnumrets kontrollsiffra stämmer inte.' };
  }
  return {
    ok: true,
    value: {
      canonical: `${String(fullYear).slice(0, 2)}${yymmdd}${last4}`,
      kind,
      birthDate,
      gender: Number(last4[2]) % 2 === 1 ? 'man' : 'kvinna',
    },
  };
}

/**
 * What can be checked without knowing today's date (the IPC schemas, which run in the renderer and
 * in main, have no clock): 10 or 12 digits, a date that exists, the check digit. The century of a
 * 10-digit number and "not born in the future" need today, so the core finishes the job with
 * parsePersonnummer(value, today). Parsing against 2499-12-31 keeps every century's leap years
 * right (24yy has the same leap years as 19yy/20yy, and 2300 like 1900 has none).
 */
export function checkPersonnummerShape(input: string): { ok: true; value: string } | { ok: false; message: string } {
  const r = parsePersonnummer(input, '2499-12-31');
  return r.ok ? { ok: true, value: input.trim().replace(/\s+/g, '') } : r;
}

/** Birth date and gender of a canonical (12-digit, already checked) number. */
export function personnummerFacts(canonical: string): { birthDate: string; gender: 'man' | 'kvinna' } {
  const r = parsePersonnummer(canonical, '2499-12-31');
  if (!r.ok) throw new Error('personnummerFacts() needs a checked canonical number');
  return { birthDate: r.value.birthDate, gender: r.value.gender };
}

/** 12 digits -> "ÅÅÅÅMMDD-NNNN". */
export function formatPersonnummer(canonical: string): string {
  return `${canonical.slice(0, 8)}-${canonical.slice(8)}`;
}

/** For lists: "ÅÅÅÅMMDD-****". */
export function maskPersonnummer(canonical: string): string {
  return `${canonical.slice(0, 8)}-****`;
}

/** Age in whole years on a date (ISO strings). */
export function ageOn(birthDate: string, onDate: string): number {
  const by = Number(birthDate.slice(0, 4));
  const oy = Number(onDate.slice(0, 4));
  const before = onDate.slice(5) < birthDate.slice(5);
  return oy - by - (before ? 1 : 0);
}
