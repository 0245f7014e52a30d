import iconv from 'iconv-lite';
import { normaliseAccount } from '../../shared/bank-account';
import type { ExportBatch } from './model';
import { cleanText } from './charset';

const yymmdd = (iso: string) => iso.slice(2, 10).replace(/-/g, '');
const zero = (n: number | string, width: number) => String(n).padStart(width, '0').slice(-width);
const blank = (width: number) => ' '.repeat(width);

function record(parts: string[]): string {
  const line = parts.join('');
  if (line.length !== 80) throw new Error(`Bankgirot record must be 80 characters, got ${line.length}`);
  return line;
}

/** The 12-character statement text: "ARV 2026-10" so the payee sees which month was paid (the old "ARVODE 2026-" lost it). */
export function lonerMessage(month: string): string {
  return `ARV ${month}`.padEnd(12).slice(0, 12);
}

/** TK35 id field (10 digits): the anställningsnummer when it is numeric, else the contact person's id. */
function payeeId(l: { contactPersonId: number; employeeNumber: string | null }): string {
  return l.employeeNumber && /^\d{1,10}$/.test(l.employeeNumber) ? l.employeeNumber : String(l.contactPersonId);
}

/**
 * LEGACY: Bankgirot Löner (KI-Lön) has been withdrawn by several banks (Handelsbanken 2022-04-01,
 * Danske Bank 2025-11-14); the app warns whenever it is chosen.
 * Bankgirot Löner (product LÖN): TK01 opening, one TK35 per payee, TK09 totals; 80 characters per
 * record, ISO 8859-1, CRLF (payments.md §2.1). Account = 4-digit clearing + account zero-filled to 16.
 */
export function buildBgcLon(batch: ExportBatch): Buffer {
  const s = batch.settings;
  const payable = batch.lines.filter((l) => l.netOre > 0);
  const written = batch.createdAt.slice(0, 10);
  const lines = [
    record([
      '01',
      yymmdd(written),
      blank(2),
      'LÖN',
      blank(46),
      'SEK',
      zero(s.bgcCustomerNumber || 0, 6),
      zero(s.bgcBankgiro || 0, 10),
      blank(2),
    ]),
  ];
  for (const l of payable) {
    // "always 16 digits" (Bankgirot): 4-digit clearing (no Swedbank 5th digit) + account zero-filled to 12.
    const acct = normaliseAccount(l.clearing ?? '', l.account ?? '');
    if (!acct) throw new Error(`No valid account for contact person ${l.contactPersonId}`);
    const account16 = acct.clearing4 + zero(acct.account, 12);
    lines.push(
      record([
        '35',
        yymmdd(batch.paymentDate),
        blank(4),
        account16,
        zero(l.netOre, 12),
        blank(18),
        zero(payeeId(l), 10),
        cleanText(lonerMessage(batch.month), true, 12).padEnd(12),
      ]),
    );
  }
  const total = payable.reduce((sum, l) => sum + l.netOre, 0);
  lines.push(record(['09', yymmdd(written), blank(20), zero(total, 12), zero(payable.length, 6), '0'.repeat(34)]));
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'latin1');
}
