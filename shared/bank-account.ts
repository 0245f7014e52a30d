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
