import { describe, expect, it } from 'vitest';
import { compareToPrevious, judge, stats, TARGETS } from '../bench/stats';

describe('bench statistics', () => {
  it('gives median and spread of odd and even sample counts', () => {
    expect(stats([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, n: 3 });
    expect(stats([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, n: 4 });
    expect(() => stats([])).toThrow();
  });

  it('judges by median; absolute times only at full scale, ratios at any scale', () => {
    expect(judge(TARGETS.auditVerifyMs!, 1999, 1)).toBe('PASS');
    expect(judge(TARGETS.auditVerifyMs!, 2001, 1)).toBe('FAIL');
    expect(judge(TARGETS.auditVerifyMs!, 9000, 0.1)).toBe('(scale)');
    expect(judge(TARGETS.encPlainRatio!, 1.25, 0.1)).toBe('FAIL');
    expect(judge(TARGETS.kyselyHotRatio!, 1.3, 0.1)).toBe('PASS');
  });

  it('shows the change against the previous median, marking swings of 20 % or more', () => {
    const f = (median: number) => ({ median, min: median, max: median, n: 1 });
    expect(compareToPrevious(undefined, f(1))).toBe('');
    expect(compareToPrevious(f(100), f(100.2))).toBe('±0 %');
    expect(compareToPrevious(f(100), f(112))).toBe('+12 %');
    expect(compareToPrevious(f(100), f(125))).toBe('+25 % (slower)');
    expect(compareToPrevious(f(100), f(70))).toBe('−30 % (faster)');
  });
});
