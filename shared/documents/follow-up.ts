import { addMonths, daysBetween, type IsoDate } from '../dates';

/** Follow-up intervals (editable settings): children at least every six months, LSS yearly. */
export interface FollowUpIntervals {
  childMonths: number;
  adultMonths: number;
}
export const DEFAULT_FOLLOW_UP_INTERVALS: FollowUpIntervals = { childMonths: 6, adultMonths: 12 };

/** The next follow-up after `from` (the start, or the last follow-up). */
export function nextFollowUp(from: IsoDate, clientIsChild: boolean, i: FollowUpIntervals): IsoDate {
  return addMonths(from, clientIsChild ? i.childMonths : i.adultMonths);
}

export type FollowUpState = 'försenad' | 'snart' | 'planerad';

/** Overdue when the planned date has passed, soon within `soonDays`. */
export function followUpState(planned: IsoDate, today: IsoDate, soonDays = 30): FollowUpState {
  const d = daysBetween(today, planned);
  return d < 0 ? 'försenad' : d <= soonDays ? 'snart' : 'planerad';
}
