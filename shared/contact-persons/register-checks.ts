import { addMonths, daysBetween, type IsoDate } from '../dates';

export const REGISTERS = ['belastningsregistret', 'socialtjanstens_register'] as const;
export type Register = (typeof REGISTERS)[number];
export const REGISTER_LABELS: Record<Register, string> = {
  belastningsregistret: 'Polisens belastningsregister',
  socialtjanstens_register: 'Socialtjänstens register',
};

export const OUTCOMES = ['inga_anteckningar', 'anteckningar'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  inga_anteckningar: 'Inga anteckningar',
  anteckningar: 'Anteckningar',
};

/**
 * An extract from belastningsregistret may not be older than one year when someone starts
 * working with children (lag 2010:479 and 2013:852 4 §). Last start date it can cover:
 */
export function extractUsableUntil(extractDate: IsoDate): IsoDate {
  return addMonths(extractDate, 12);
}

/** Swedish warning when the extract is too old for an assignment with a child starting on `startDate`. */
export function extractAgeWarning(extractDate: IsoDate, startDate: IsoDate): string | null {
  const until = extractUsableUntil(extractDate);
  if (startDate <= until) return null;
  return `Utdraget ur belastningsregistret (${extractDate}) är äldre än ett år vid start ${startDate} (${daysBetween(until, startDate)} dagar för gammalt). Ett nytt utdrag behövs för uppdrag med barn.`;
}
