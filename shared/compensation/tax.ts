import type { Ore } from '../money';

export type TaxMode = 'side_income_30' | 'table' | 'percentage';

/**
 * Preliminary tax on arvode (omkostnad is not taxed at source). Rounded down to whole kronor.
 * 'table': the amount from the person's tax table is entered by hand (Skatteverket's tables are
 * not in the app); null means it has not been entered yet.
 */
export function preliminaryTax(
  arvodeOre: Ore,
  mode: TaxMode,
  opts: { sideIncomeBp: number; percent: number | null; tableAmountOre: Ore | null },
): Ore | null {
  if (arvodeOre <= 0) return 0;
  const floorKr = (ore: bigint) => Number(ore / 100n) * 100;
  if (mode === 'side_income_30') return floorKr((BigInt(arvodeOre) * BigInt(opts.sideIncomeBp)) / 10_000n);
  if (mode === 'percentage')
    return opts.percent === null ? null : floorKr((BigInt(arvodeOre) * BigInt(opts.percent)) / 100n);
  return opts.tableAmountOre === null ? null : Math.floor(opts.tableAmountOre / 100) * 100;
}
