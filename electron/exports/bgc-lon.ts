import iconv from 'iconv-lite';
import { bban } from '../../shared/bank-account';
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

/**
 * Bankgirot Löner (product LÖN): TK01 opening, one TK35 per payee, TK09 totals; 80 characters per
 * record, ISO 8859-1, CRLF (payments.md §2.1). Account = 4-digit clearing + account zero-filled to 16.
 */
export function buildBgcLon(batch: ExportBatch): Buffer {
  const s = batch.settings;
  const payable = batch.lines.filter((l) => l.netOre > 0);
  const written = batch.createdAt.slice(0, 10);
  const lines = [record(['01', yymmdd(written), blank(2), 'LÖN', blank(46), 'SEK', zero(s.bgcCustomerNumber || 0, 6), zero(s.bgcBankgiro || 0, 10), blank(2)])];
  for (const l of payable) {
    const acct = bban(l.clearing ?? '', l.account ?? '', false);
    if (!acct) throw new Error(`No valid account for contact person ${l.contactPersonId}`);
    const account16 = acct.clearing4 + zero(acct.bban.slice(4), 12);
    const message = cleanText(`ARVODE ${batch.month}`, true, 12).padEnd(12);
    lines.push(record(['35', yymmdd(batch.paymentDate), blank(4), account16, zero(l.netOre, 12), blank(18), zero(l.contactPersonId, 10), message]));
  }
  const total = payable.reduce((sum, l) => sum + l.netOre, 0);
  lines.push(record(['09', yymmdd(written), blank(20), zero(total, 12), zero(payable.length, 6), '0'.repeat(34)]));
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'latin1');
}
