import { describe, expect, it } from 'vitest';
import { activeDaysInMonth, monthlyAmount, proRata } from './amounts';
import { employerFee, employerFeeRate } from './employer-fee';
import { DEFAULT_RATE_YEARS, rateYear } from './rates';
import { preliminaryTax } from './tax';

const year = (y: number) => rateYear.parse(DEFAULT_RATE_YEARS.find((r) => r.year === y));
const kr = (n: number) => Math.round(n * 100);

describe('monthly amount = prisbasbelopp × % ÷ 12, whole kronor, half up', () => {
  it.each([
    [2026, 1000, 493], // 493,33
    [2026, 2500, 1233], // 1 233,33
    [2026, 4000, 1973], // 1 973,33
    [2026, 3500, 1727], // 1 726,67
    [2026, 5500, 2713], // 2 713,33
    [2025, 1000, 490], // 490,00
    [2025, 4500, 2205],
    [2024, 1000, 478], // 477,50 rounds half up
    [2024, 750, 358], // 358,125
    [2024, 1500, 716], // 716,25 (Värnamo's published 716 kr)
  ])('%i at %i bp gives %i kr', (y, bp, expected) => {
    expect(monthlyAmount(year(y).prisbasbeloppOre, bp)).toBe(kr(expected));
  });
});

describe('pro rata for part months', () => {
  it.each([
    ['2026-11', '2026-11-16', null, 15],
    ['2026-11', '2026-10-01', null, 30],
    ['2026-11', '2026-10-01', '2026-11-10', 10],
    ['2026-02', '2026-02-20', null, 9],
    ['2024-02', '2024-02-20', null, 10],
    ['2026-11', '2026-12-01', null, 0],
    ['2026-11', '2026-01-01', '2026-10-31', 0],
  ])('%s from %s to %s: %i days', (month, start, end, days) => {
    expect(activeDaysInMonth(month, start, end)).toBe(days);
  });
  it.each([
    [kr(987), 15, 30, kr(494)], // 493,50 → 494
    [kr(987), 30, 30, kr(987)],
    [kr(1233), 9, 28, kr(396)], // 396,32
    [kr(1233), 0, 28, 0],
    [kr(493), 1, 31, kr(16)], // 15,90
  ])('%i öre × %i/%i = %i', (full, days, dim, expected) => {
    expect(proRata(full, days, dim)).toBe(expected);
  });
});

describe('preliminary tax on arvode, rounded down to whole kronor', () => {
  const opts = { sideIncomeBp: 3000, percent: null, tableAmountOre: null };
  it.each([
    [kr(980), kr(294)],
    [kr(987), kr(296)], // 296,10
    [kr(493), kr(147)], // 147,90
    [0, 0],
  ])('30 %% of %i öre is %i', (arvode, tax) => expect(preliminaryTax(arvode, 'side_income_30', opts)).toBe(tax));
  it('uses the person’s own percentage, and the table amount as entered', () => {
    expect(preliminaryTax(kr(987), 'percentage', { ...opts, percent: 25 })).toBe(kr(246)); // 246,75
    expect(preliminaryTax(kr(987), 'percentage', opts)).toBeNull();
    expect(preliminaryTax(kr(987), 'table', opts)).toBeNull();
    expect(preliminaryTax(kr(987), 'table', { ...opts, tableAmountOre: 21_050 })).toBe(kr(210));
  });
});

describe('employer fee rate by age and year', () => {
  it.each([
    [2026, '1980-05-01', '2026-11', 3142],
    [2026, '1958-12-31', '2026-11', 1021], // turned 67 during 2025
    [2026, '1959-01-01', '2026-11', 3142],
    [2025, '1958-06-01', '2025-06', 1021], // turned 66 during 2024
    [2024, '1958-06-01', '2024-06', 3142],
    [2024, '1957-06-01', '2024-06', 1021],
    [2026, '1937-12-31', '2026-11', 0],
    [2026, '2005-03-03', '2026-11', 2081], // 20 at the start of 2026
    [2026, '2005-03-03', '2026-03', 3142], // reduction starts in April 2026
    [2026, '2002-03-03', '2026-11', 3142], // 23 at the start of 2026
    [2026, '2007-12-31', '2026-11', 2081], // 18 at the start of 2026
    [2026, '2008-01-01', '2026-11', 3142], // 17 at the start of 2026
  ])('%i, born %s, paid %s: %i bp', (y, birth, month, expected) => {
    expect(employerFeeRate(birth, month, year(y)).rateBp).toBe(expected);
  });
});

describe('employer fee with the 1 000-kronor rule', () => {
  const full = { rateBp: 3142, label: '', capOre: null };
  it('is zero while the yearly total stays under 1 000 kr', () => {
    expect(employerFee(kr(493), 0, full, kr(1000), 3142)).toEqual({
      baseOre: 0,
      feeOre: 0,
      belowThreshold: true,
      catchUpOre: 0,
    });
    expect(employerFee(kr(506), kr(493), full, kr(1000), 3142).belowThreshold).toBe(true); // 999 kr
  });
  it('catches up on earlier months when the threshold is passed', () => {
    // 493 + 507 = 1 000 kr: fee on the whole 1 000 kr.
    expect(employerFee(kr(507), kr(493), full, kr(1000), 3142)).toEqual({
      baseOre: kr(1000),
      feeOre: kr(314.2),
      belowThreshold: false,
      catchUpOre: kr(493),
    });
    // Afterwards only on the month's own pay.
    expect(employerFee(kr(980), kr(1000), full, kr(1000), 3142)).toEqual({
      baseOre: kr(980),
      feeOre: 30_792,
      belowThreshold: false,
      catchUpOre: 0,
    });
  });
  it('applies the youth rate up to its cap and the full rate above it', () => {
    const youth = { rateBp: 2081, label: '', capOre: kr(25_000) };
    expect(employerFee(kr(30_000), kr(5000), youth, kr(1000), 3142).feeOre).toBe(
      Math.round(25_000 * 20.81) + Math.round(5000 * 31.42),
    );
  });
  it('matches the worked example of domain.md §3.5 (2025)', () => {
    expect(monthlyAmount(year(2025).prisbasbeloppOre, 2000)).toBe(kr(980));
    expect(preliminaryTax(kr(980), 'side_income_30', { sideIncomeBp: 3000, percent: null, tableAmountOre: null })).toBe(
      kr(294),
    );
    expect(employerFee(kr(980), kr(5000), full, kr(1000), 3142).feeOre).toBe(30_792); // 307,92 kr
    expect(employerFee(kr(980), kr(5000), { rateBp: 1021, label: '', capOre: null }, kr(1000), 3142).feeOre).toBe(
      10_006,
    ); // 100,06 kr
  });
});
