import type { Ore } from '../money';
import { addDays, addMonths, type IsoDate } from '../dates';
import { bankDayOnOrBefore } from '../bank-days';

/** What reaches the bank: arvode after tax, plus the tax-free omkostnad and the expenses. */
export function netPay(l: { arvodeOre: Ore; taxOre: Ore; omkostnadOre: Ore; expensesOre: Ore }): Ore {
  return l.arvodeOre - l.taxOre + l.omkostnadOre + l.expensesOre;
}

/** A month's pay goes out on the unit's pay day of the following month, moved back to a bank day. */
export function payoutDate(month: string, dayOfMonth: number): IsoDate {
  const next = addMonths(`${month}-01`, 1).slice(0, 7);
  return bankDayOnOrBefore(`${next}-${String(dayOfMonth).padStart(2, '0')}`);
}

/**
 * The date the bank file asks the bank to execute: the pay day itself, or (banks that book salary
 * the day before so the money is there in the morning; see shared/bank-profiles.ts) the bank day before.
 */
export function executionDate(payDate: IsoDate, rule: 'payday' | 'bankDayBefore'): IsoDate {
  return rule === 'payday' ? payDate : bankDayOnOrBefore(addDays(payDate, -1));
}
