import { parse as parseKontonummer } from 'kontonummer';
import { composeIBAN, isValidIBAN } from 'ibantools';

export type BankAccountCheck =
  | { status: 'ok'; bankName: string; clearing: string; account: string }
  /** Known bank, but the check digit or length does not match: warn, do not block (some accounts have no check digit). */
  | { status: 'doubtful'; bankName: string; clearing: string; account: string; message: string }
  | { status: 'invalid'; message: string };

/** Validates clearing + account with Bankgirot's rules (the `kontonummer` library). */
export function checkBankAccount(clearing: string, account: string): BankAccountCheck {
  const c = clearing.replace(/\D/g, '');
  const a = account.replace(/\D/g, '');
  if (c.length < 4 || c.length > 5) return { status: 'invalid', message: 'Clearingnumret ska ha 4 eller 5 siffror.' };
  if (a.length < 1 || a.length > 15) return { status: 'invalid', message: 'Ange kontonumret (högst 15 siffror).' };
  try {
    const k = parseKontonummer(c, a, { mode: 'lax' });
    const base = { bankName: k.bankName, clearing: k.sortingCode, account: k.accountNumber };
    if (k.valid) return { status: 'ok', ...base };
    return {
      status: 'doubtful',
      ...base,
      message: `Kontonumret ser inte ut att stämma för ${k.bankName}. Kontrollera det med kontaktpersonen.`,
    };
  } catch {
    return { status: 'invalid', message: 'Clearingnumret tillhör ingen känd bank.' };
  }
}

/**
 * Creditor account for a bank file: clearing + account, digits only. Swedbank's 8xxx-x accounts keep
 * the fifth clearing digit only when the bank profile wants it (payments.md §1.4).
 */
export function bban(
  clearing: string,
  account: string,
  keepFifthClearingDigit: boolean,
): { bban: string; clearing4: string } | null {
  try {
    const k = parseKontonummer(clearing.replace(/\D/g, ''), account.replace(/\D/g, ''), { mode: 'lax' });
    const numeric = k.format('numeric');
    const clearing4 = k.sortingCode.slice(0, 4);
    const withoutFifth = k.sortingCode.length === 5 ? clearing4 + numeric.slice(5) : numeric;
    return { bban: keepFifthClearingDigit ? numeric : withoutFifth, clearing4 };
  } catch {
    return null;
  }
}

/** Luhn (mod 10) check digit over a digit string (Swedbank's fifth clearing digit, Bankgirot's rule). */
function mod10CheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** One account however it was typed: 4-digit clearing, Swedbank's 5th clearing digit if it has one, and the account digits padded to the bank's length. */
export interface NormalisedAccount {
  bankName: string;
  clearing4: string;
  /** Swedbank 8xxx-x only: the 4 digits plus the check digit. */
  clearing5: string | null;
  /** Account digits (without clearing), zero-padded to the bank's length where the bank fixes one. */
  account: string;
  /** kontonummer's type (1: clearing is part of the number, 2: it is not) and comment (Bankgirot's check-digit variant). */
  type: 1 | 2;
  comment: 1 | 2 | 3;
}

/**
 * Normalises clearing + account independently of how the user typed them (payments.md §1.4, §3.1;
 * Bankgirot "Bankernas kontonummeruppbyggnad"):
 * - Swedbank 8xxx: the 5th clearing digit is the mod-10 check of the first four; it is recomputed, so
 *   "8327" + "1234567897", "83279" + "1234567897" and "8327" + "91234567897" give the same account.
 * - Type 2 accounts are zero-padded to the bank's length: Handelsbanken 9 digits (ICA Banken: "totalt 13
 *   siffror" with the clearing), Nordea personkonto and other type 2/1 accounts 10, Swedbank 8xxx 10.
 * - Type 1 accounts: 7 digits after the 4-digit clearing.
 */
export function normaliseAccount(clearing: string, account: string): NormalisedAccount | null {
  let c = clearing.replace(/\D/g, '');
  let a = account.replace(/\D/g, '');
  if (c.length === 4 && c.startsWith('8') && a.length === 11 && a[0] === mod10CheckDigit(c)) {
    // The fifth clearing digit was typed at the start of the account number.
    c += a[0];
    a = a.slice(1);
  }
  try {
    const k = parseKontonummer(c, a, { mode: 'lax' });
    const clearing4 = k.sortingCode.slice(0, 4);
    const type = k.type as 1 | 2;
    const comment = k.comment as 1 | 2 | 3;
    const digits = k.accountNumber.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
    const width = type === 1 ? 7 : comment === 2 ? 9 : 10;
    if (digits.length > width) return null;
    const swedbank8 = type === 2 && comment === 3 && clearing4.startsWith('8');
    return {
      bankName: k.bankName,
      clearing4,
      clearing5: swedbank8 ? clearing4 + mod10CheckDigit(clearing4) : null,
      account: digits.padStart(width, '0'),
      type,
      comment,
    };
  } catch {
    return null;
  }
}

/** The BBAN as the bank file writes it: clearing + account, digits only; Swedbank 8xxx-x with or without the 5th digit. */
export function formatBban(n: NormalisedAccount, keepFifthClearingDigit: boolean): string {
  return (keepFifthClearingDigit && n.clearing5 ? n.clearing5 : n.clearing4) + n.account;
}

/**
 * IBAN id and conversion method per clearing range: Bankinfrastruktur (Svenska Bankföreningen),
 * "IBAN och svenskt nationellt kontonummer", table 4 of 2025-01-27 (as collected in the MIT data set
 * Bankinfrastruktur/BankData, Data/IbanIdMetod.txt). Method 1: clearing + account; method 2: account
 * only; method 3: Swedbank 8xxx-x with the 5th clearing digit (Swedbank's IBAN calculator). Ranges
 * are checked in order; the first match wins (3300 and 3782 before Nordea's wider ranges).
 */
const IBAN_RANGES: ReadonlyArray<readonly [number, number, string, 1 | 2 | 3]> = [
  [3300, 3300, '300', 2],
  [3782, 3782, '300', 2],
  [1100, 1199, '300', 1],
  [1200, 1399, '120', 1],
  [1400, 2099, '300', 1],
  [2300, 2399, '230', 1],
  [2400, 2499, '120', 1],
  [3000, 3399, '300', 1],
  [3400, 3409, '902', 1],
  [3410, 3999, '300', 1],
  [4000, 4999, '300', 1],
  [5000, 5999, '500', 1],
  [6000, 6999, '600', 2],
  [7000, 7999, '800', 1],
  [8000, 8999, '800', 3],
  [9020, 9029, '902', 1],
  [9040, 9049, '904', 1],
  [9060, 9069, '902', 1],
  [9070, 9079, '907', 1],
  [9100, 9109, '910', 1],
  [9120, 9124, '500', 1],
  [9130, 9149, '500', 1],
  [9150, 9169, '915', 1],
  [9170, 9179, '917', 1],
  [9190, 9199, '919', 1],
  [9230, 9239, '923', 1],
  [9250, 9259, '925', 1],
  [9270, 9279, '927', 1],
  [9280, 9289, '928', 1],
  [9300, 9349, '930', 1],
  [9390, 9399, '939', 1],
  [9400, 9449, '940', 1],
  [9460, 9469, '946', 1],
  [9470, 9479, '947', 1],
  [9550, 9564, '955', 1],
  [9570, 9579, '957', 2],
  [9580, 9589, '958', 1],
  [9590, 9599, '959', 1],
  [9630, 9639, '963', 1],
  [9640, 9649, '964', 1],
  [9660, 9669, '966', 1],
  [9670, 9679, '967', 1],
  [9680, 9689, '968', 1],
  [9700, 9709, '970', 1],
  [9710, 9719, '971', 1],
  [9750, 9759, '975', 1],
  [9780, 9789, '978', 1],
];

/** Swedish IBAN from a normalised account; the check digits come from `ibantools` (ISO 13616 mod 97). Null for ranges without a known method. */
export function swedishIban(n: NormalisedAccount): string | null {
  const c = Number(n.clearing4);
  const range = IBAN_RANGES.find(([from, to]) => c >= from && c <= to);
  if (!range) return null;
  const [, , id, method] = range;
  const number =
    method === 1 ? n.clearing4 + n.account : method === 2 ? n.account : (n.clearing5 ?? n.clearing4) + n.account;
  if (number.length > 17) return null;
  const iban = composeIBAN({ countryCode: 'SE', bban: id + number.padStart(17, '0') });
  return iban && isValidIBAN(iban) ? iban : null;
}

/** "8327-9, ****7897": enough to recognise an account in logs and reports without showing it. */
export function maskAccount(clearing: string | null, account: string | null): string {
  if (!clearing && !account) return '(inget konto)';
  const a = (account ?? '').replace(/\D/g, '');
  return `${clearing ?? ''}, ${'*'.repeat(Math.max(0, a.length - 4))}${a.slice(-4)}`;
}
