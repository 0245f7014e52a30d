import type { IsoDate } from '../dates';
import type { Ore } from '../money';
import { monthlyAmount } from './amounts';
import type { RateYear } from './rates';

/**
 * The yearly change. The government sets next year's prisbasbelopp in the autumn (an SFS
 * förordning, usually in September–October), so the unit is warned from 1 October; without the
 * year's figures no payout month in that year can be computed (reports and IVO do not need them).
 */
export const WARN_FROM_MONTH = 10;

export interface RateYearWarning {
  year: number;
  kind: 'missing-current' | 'missing-next' | 'demo';
  message: string;
}

export function rateYearWarning(today: IsoDate, years: Array<Pick<RateYear, 'year' | 'demo'>>): RateYearWarning | null {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const byYear = new Map(years.map((y) => [y.year, y]));
  const current = byYear.get(year);
  if (!current) {
    return {
      year,
      kind: 'missing-current',
      message: `Ersättningsnivåer för ${year} saknas – utbetalningar för ${year} kan inte räknas förrän en administratör lägger in prisbasbeloppet (Inställningar → Ersättningsnivåer → Ny årsnivå).`,
    };
  }
  if (current.demo) {
    return {
      year,
      kind: 'demo',
      message: `Ersättningsnivåerna för ${year} är demovärden, inte fastställda siffror – lägg in det fastställda prisbasbeloppet innan ni betalar ut.`,
    };
  }
  if (month >= WARN_FROM_MONTH && !byYear.has(year + 1)) {
    return {
      year: year + 1,
      kind: 'missing-next',
      message: `Ersättningsnivåer för ${year + 1} saknas – lägg in prisbasbeloppet när regeringen har fastställt det.`,
    };
  }
  return null;
}

/** The refusal for a payout month in a year without figures: which month, and what to do. */
export function missingRatesMessage(month: string): string {
  const year = month.slice(0, 4);
  return `Ersättningsnivåer för ${year} saknas, så ersättningen för ${month} kan inte räknas. En administratör lägger in ${year} års prisbasbelopp under Inställningar → Ersättningsnivåer → Ny årsnivå.`;
}

/** Next year's figures: last year's levels, fee rules and thresholds, with the new prisbasbelopp and its source. */
export function copyRateYear(
  from: RateYear,
  year: number,
  prisbasbeloppOre: Ore,
  source: string,
  demo = false,
): RateYear {
  return {
    ...structuredClone(from),
    year,
    prisbasbeloppOre,
    source,
    demo,
  };
}

export interface MonthlyComparison {
  kind: 'arvode' | 'omkostnad';
  code: string;
  label: string;
  percentBp: number;
  /** The level's monthly amount with the earlier year's figures, or null if that year lacks the level. */
  beforeOre: Ore | null;
  afterOre: Ore;
}

/** Every level's monthly amount, the earlier year's beside the new one (shown before saving). */
export function compareMonthlyAmounts(before: RateYear, after: RateYear): MonthlyComparison[] {
  const rows = (kind: MonthlyComparison['kind'], levels: RateYear['arvodeLevels'], old: RateYear['arvodeLevels']) =>
    levels.map((l) => {
      const prev = old.find((o) => o.code === l.code);
      return {
        kind,
        code: l.code,
        label: l.label,
        percentBp: l.percentBp,
        beforeOre: prev ? monthlyAmount(before.prisbasbeloppOre, prev.percentBp) : null,
        afterOre: monthlyAmount(after.prisbasbeloppOre, l.percentBp),
      };
    });
  return [
    ...rows('arvode', after.arvodeLevels, before.arvodeLevels),
    ...rows('omkostnad', after.omkostnadLevels, before.omkostnadLevels),
  ];
}
