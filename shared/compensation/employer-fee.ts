import type { Ore } from '../money';
import type { RateYear } from './rates';

export interface FeeRate {
  rateBp: number;
  label: string;
  /** Monthly cap of the pay the rate applies to (youth reduction); above it the full rate. */
  capOre: Ore | null;
}

/** The employer fee rate for a person paid in `month` (YYYY-MM), from the year's rules. */
export function employerFeeRate(birthDate: string, month: string, r: RateYear): FeeRate {
  const birthYear = Number(birthDate.slice(0, 4));
  const f = r.employerFee;
  if (birthYear <= f.zeroBornUpToYear)
    return { rateBp: 0, label: `Född ${f.zeroBornUpToYear} eller tidigare`, capOre: null };
  // Turned N before the year began = born in or before (year - 1 - N).
  if (birthYear <= r.year - 1 - f.reducedFromAgeAtStartOfYear)
    return { rateBp: f.reducedBp, label: `Fyllt ${f.reducedFromAgeAtStartOfYear} år före årets början`, capOre: null };
  const y = f.youth;
  if (
    y &&
    month >= y.fromMonth &&
    month <= y.toMonth &&
    birthYear <= r.year - 1 - y.minAge &&
    birthYear >= r.year - 1 - y.maxAge
  ) {
    return { rateBp: y.rateBp, label: `Ungdomsnedsättning ${y.minAge}–${y.maxAge} år`, capOre: y.capOre };
  }
  return { rateBp: f.fullBp, label: 'Full avgift', capOre: null };
}

export interface FeeResult {
  /** Pay this month's fee is computed on (may include earlier months when the threshold is passed). */
  baseOre: Ore;
  feeOre: Ore;
  /** Pay that is not underlag för arbetsgivaravgifter (AGI 131) because the year is still under the threshold. */
  belowThreshold: boolean;
  catchUpOre: Ore;
}

/**
 * Employer fee on this month's arvode, with the 1 000-kronor rule: nothing while the person's
 * yearly total stays under the threshold; when it is passed, the fee is due on the whole year so far.
 * Fee in öre, rounded to whole öre (half up).
 */
export function employerFee(
  arvodeOre: Ore,
  yearToDateBeforeOre: Ore,
  rate: FeeRate,
  thresholdOre: Ore,
  fullBp: number,
): FeeResult {
  const after = yearToDateBeforeOre + arvodeOre;
  if (after < thresholdOre) return { baseOre: 0, feeOre: 0, belowThreshold: true, catchUpOre: 0 };
  const catchUp = yearToDateBeforeOre < thresholdOre ? yearToDateBeforeOre : 0;
  const base = arvodeOre + catchUp;
  const fee = (amount: number, bp: number) => Number((BigInt(amount) * BigInt(bp) * 2n + 10_000n) / 20_000n);
  const capped = rate.capOre === null ? base : Math.min(base, rate.capOre);
  return {
    baseOre: base,
    feeOre: fee(capped, rate.rateBp) + fee(base - capped, fullBp),
    belowThreshold: false,
    catchUpOre: catchUp,
  };
}
