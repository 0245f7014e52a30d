import { isHoliday } from 'se-bank-holidays';
import { addDays, type IsoDate } from './dates';

/** Swedish bank day: not a weekend and not a bank holiday (midsommarafton, julafton and nyårsafton included). */
export function isBankDay(date: IsoDate): boolean {
  return !isHoliday(new Date(`${date}T12:00:00`));
}

/** The date itself if a bank day, else the bank day before (pay day on a Sunday is paid on Friday). */
export function bankDayOnOrBefore(date: IsoDate): IsoDate {
  let d = date;
  while (!isBankDay(d)) d = addDays(d, -1);
  return d;
}
