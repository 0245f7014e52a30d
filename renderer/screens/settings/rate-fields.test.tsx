import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_YEARS, type RateYear } from '../../../shared/compensation/rates';
import { rateFieldOf, rateValues, readRateValues } from './rate-fields';

function seedYear(year: number): RateYear {
  const found = DEFAULT_RATE_YEARS.find((y) => y.year === year);
  if (!found) throw new Error(`No seed figures for ${year}`);
  return found;
}
const year2026 = seedYear(2026);

describe('rate editor fields', () => {
  it('shows a year with decimal commas and reads it back unchanged', () => {
    const values = rateValues(year2026);
    expect(values.pbb).toBe('59\u00a0200,00');
    expect(values.feeFull).toBe('31,42');
    expect(values.arvode.split('\n')[0]).toBe('A1L; Kategori 1, låg (10 %); 10');
    expect(readRateValues(values, year2026)).toEqual({ input: year2026, problems: {} });
  });

  it('reads kronor and percent as an officer types them', () => {
    const { input } = readRateValues(
      {
        ...rateValues(year2026),
        pbb: '59 300 kr',
        feeFull: '31.5 %',
        threshold: '1 000,50',
        omkostnad: 'O1; Nivå 1; 10,5\n\nO2; Nivå 2; 25',
      },
      year2026,
    );
    expect(input?.prisbasbeloppOre).toBe(5_930_000);
    expect(input?.employerFee.fullBp).toBe(3150);
    expect(input?.feeThresholdOre).toBe(100_050);
    expect(input?.omkostnadLevels).toEqual([
      { code: 'O1', label: 'Nivå 1', percentBp: 1050 },
      { code: 'O2', label: 'Nivå 2', percentBp: 2500 },
    ]);
  });

  it('names the field with text in it instead of blaming the level lines', () => {
    const { input, problems } = readRateValues(
      {
        ...rateValues(year2026),
        feeFull: 'trettioett',
        zeroBorn: '19x7',
        reducedAge: '90',
        sideIncome: '130',
        pbb: 'sextio tusen',
        arvode: 'A1L; Kategori 1; 10\nA1M; Kategori 1 mellan',
      },
      year2026,
    );
    expect(input).toBeNull();
    expect(problems).toEqual({
      feeFull: 'Ange procent som ett tal, t.ex. 31,42.',
      zeroBorn: 'Ange ett heltal.',
      reducedAge: 'Ange en ålder mellan 50 och 80.',
      sideIncome: 'Ange högst 100 %.',
      pbb: 'Ange prisbasbeloppet i kronor, t.ex. 59 200.',
      arvode: 'Rad 2: skriv "KOD; Benämning; procent", t.ex. "A1L; Kategori 1, låg; 10".',
    });
  });

  it('puts an input path from main on the field it was typed in', () => {
    expect(rateFieldOf('arvodeLevels.2.code')).toBe('arvode');
    expect(rateFieldOf('omkostnadLevels')).toBe('omkostnad');
    expect(rateFieldOf('employerFee.zeroBornUpToYear')).toBe('zeroBorn');
    expect(rateFieldOf('year')).toBe('year');
  });
});
