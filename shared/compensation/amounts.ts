import type { Ore } from '../money';

/** Divides and rounds half up to whole kronor, returning öre. Integers only, so no float drift. */
export function roundToKronaHalfUp(numerator: bigint, denominatorOre: bigint): Ore {
  // value in kronor = numerator / (denominatorOre * 100)
  const den = denominatorOre * 100n;
  const kr = (numerator * 2n + den) / (den * 2n);
  return Number(kr) * 100;
}

/**
 * Monthly amount for a level: prisbasbelopp × percent ÷ 12, rounded to whole kronor, half up.
 * 2026: 59 200 kr × 10 % ÷ 12 = 493,33 → 493 kr.
 */
export function monthlyAmount(prisbasbeloppOre: Ore, percentBp: number): Ore {
  return roundToKronaHalfUp(BigInt(prisbasbeloppOre) * BigInt(percentBp), 10_000n * 12n);
}

/** Part of a month: the full amount × active days ÷ days in the month, rounded to whole kronor, half up. */
export function proRata(fullMonthOre: Ore, activeDays: number, daysInMonth: number): Ore {
  if (activeDays >= daysInMonth) return fullMonthOre;
  if (activeDays <= 0) return 0;
  return roundToKronaHalfUp(BigInt(fullMonthOre) * BigInt(activeDays), BigInt(daysInMonth));
}

export function daysInMonth(month: string): number {
  const m = /^(\d{4})-(\d{2})/.exec(month);
  if (!m) throw new Error(`daysInMonth() needs a month as YYYY-MM, got "${month}"`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
}

/** Days of `month` (YYYY-MM) covered by [start, end] (end null = open). */
export function activeDaysInMonth(month: string, start: string, end: string | null): number {
  const first = `${month}-01`;
  const last = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
  const from = start > first ? start : first;
  const to = end !== null && end < last ? end : last;
  if (to < from) return 0;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}
