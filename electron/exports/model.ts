import type { PaymentSettings } from '../../shared/ipc/procedures/payments';
import type { BankProfileId } from '../../shared/bank-profiles';

/** What every payout file is written from: an attested batch with the payee data frozen at attest. */
export interface ExportBatch {
  batchId: number;
  month: string;
  msgId: string;
  /** Local time of this export, "2026-11-22T10:15:00". A re-export reuses the stored bytes. */
  createdAt: string;
  paymentDate: string;
  /** The bank profile frozen at attest. */
  bankProfile: BankProfileId;
  settings: PaymentSettings;
  lines: ExportLine[];
}

export interface ExportLine {
  contactPersonId: number;
  name: string;
  personnummer: string;
  clearing: string | null;
  account: string | null;
  employeeNumber: string | null;
  arvodeOre: number;
  omkostnadOre: number;
  expensesOre: number;
  taxOre: number;
  netOre: number;
}

const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];
export function monthName(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** öre -> "1234.50" (the XML decimal form, dot separator). */
export function decimalKronor(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
