import { parse as parseKontonummer } from 'kontonummer';

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
    return { status: 'doubtful', ...base, message: `Kontonumret ser inte ut att stämma för ${k.bankName}. Kontrollera det med kontaktpersonen.` };
  } catch {
    return { status: 'invalid', message: 'Clearingnumret tillhör ingen känd bank.' };
  }
}

/**
 * Creditor account for a bank file: clearing + account, digits only. Swedbank's 8xxx-x accounts keep
 * the fifth clearing digit only when the bank profile wants it (payments.md §1.4).
 */
export function bban(clearing: string, account: string, keepFifthClearingDigit: boolean): { bban: string; clearing4: string } | null {
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
