import { describe, expect, it } from 'vitest';
import { compareMonthlyAmounts, copyRateYear, missingRatesMessage, rateYearWarning } from './new-year';
import { DEFAULT_RATE_YEARS } from './rates';

const y2026 = DEFAULT_RATE_YEARS.find((r) => r.year === 2026)!;

describe('the yearly change of figures', () => {
  it('warns from 1 October when next year is missing, and from 1 January when this year is', () => {
    const only2026 = [{ year: 2026, demo: false }];
    expect(rateYearWarning('2026-09-30', only2026)).toBeNull();
    expect(rateYearWarning('2026-10-01', only2026)).toMatchObject({
      year: 2027,
      kind: 'missing-next',
      message: 'Ersättningsnivåer för 2027 saknas – lägg in prisbasbeloppet när regeringen har fastställt det.',
    });
    expect(rateYearWarning('2026-12-31', [...only2026, { year: 2027, demo: false }])).toBeNull();
    expect(rateYearWarning('2027-01-01', only2026)).toMatchObject({
      year: 2027,
      kind: 'missing-current',
      message: expect.stringMatching(/utbetalningar för 2027 kan inte räknas/),
    });
    expect(rateYearWarning('2027-01-15', [...only2026, { year: 2027, demo: true }])).toMatchObject({
      year: 2027,
      kind: 'demo',
    });
    // A leap day and the last day of a year behave like any other day.
    expect(rateYearWarning('2028-02-29', [{ year: 2028, demo: false }])).toBeNull();
  });

  it('says which month cannot be paid and what to do', () => {
    expect(missingRatesMessage('2027-01')).toBe(
      'Ersättningsnivåer för 2027 saknas, så ersättningen för 2027-01 kan inte räknas. En administratör lägger in 2027 års prisbasbelopp under Inställningar → Ersättningsnivåer → Ny årsnivå.',
    );
  });

  it('copies levels, fee rules and thresholds into the new year without sharing them', () => {
    const next = copyRateYear(y2026, 2027, 6_000_000, 'SFS 2026:999 (test)');
    expect(next).toMatchObject({
      year: 2027,
      prisbasbeloppOre: 6_000_000,
      source: 'SFS 2026:999 (test)',
      demo: false,
      feeThresholdOre: y2026.feeThresholdOre,
      sideIncomeTaxBp: y2026.sideIncomeTaxBp,
    });
    expect(next.arvodeLevels).toEqual(y2026.arvodeLevels);
    expect(next.employerFee).toEqual(y2026.employerFee);
    next.arvodeLevels[0]!.percentBp = 1;
    expect(y2026.arvodeLevels[0]!.percentBp).toBe(1000);
  });

  it("shows every monthly amount beside last year's", () => {
    const next = copyRateYear(y2026, 2027, 6_000_000, 'x');
    const rows = compareMonthlyAmounts(y2026, next);
    expect(rows).toHaveLength(y2026.arvodeLevels.length + y2026.omkostnadLevels.length);
    // 59 200 × 10 % ÷ 12 = 493,33 → 493 kr; 60 000 × 10 % ÷ 12 = 500 kr.
    expect(rows.find((r) => r.code === 'A1L')).toMatchObject({ kind: 'arvode', beforeOre: 49_300, afterOre: 50_000 });
    // 59 200 × 55 % ÷ 12 = 2 713,33 → 2 713 kr; 60 000 × 55 % ÷ 12 = 2 750 kr.
    expect(rows.find((r) => r.code === 'A3H')).toMatchObject({ beforeOre: 271_300, afterOre: 275_000 });
    // 59 200 × 40 % ÷ 12 = 1 973,33 → 1 973 kr; 60 000 × 40 % ÷ 12 = 2 000 kr.
    expect(rows.find((r) => r.code === 'O3')).toMatchObject({
      kind: 'omkostnad',
      beforeOre: 197_300,
      afterOre: 200_000,
    });
    const renamed = {
      ...next,
      arvodeLevels: [...next.arvodeLevels, { code: 'NY', label: 'Ny nivå', percentBp: 1200 }],
    };
    expect(compareMonthlyAmounts(y2026, renamed).find((r) => r.code === 'NY')).toMatchObject({
      beforeOre: null,
      afterOre: 60_000,
    });
  });
});
