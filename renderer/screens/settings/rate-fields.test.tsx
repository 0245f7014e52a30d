import { describe, expect, it } from 'vitest';
import { numberFieldProblems } from './rate-fields';

describe('rate editor number fields', () => {
  it('names the field with text in it instead of blaming the level lines', () => {
    const ok = {
      feeFull: '31,42',
      feeReduced: '10,21 %',
      sideIncome: '30',
      omkMax: '40',
      reducedAge: '67',
      zeroBorn: '1937',
    };
    expect(numberFieldProblems(ok)).toEqual([]);
    expect(numberFieldProblems({ ...ok, feeFull: 'trettioett', zeroBorn: '19x7' })).toEqual([
      ['feeFull', 'Ange procent som ett tal, t.ex. 31,42.'],
      ['zeroBorn', 'Ange ett heltal.'],
    ]);
  });
});
