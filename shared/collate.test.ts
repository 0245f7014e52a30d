import { describe, expect, it } from 'vitest';
import { sortBySv } from './collate';

describe('Swedish order', () => {
  it('puts å before ä before ö, after z, and numbers naturally', () => {
    expect(sortBySv(['Öberg', 'Äng', 'Åkesson', 'Zetterberg', 'Andersson'], (s) => s)).toEqual([
      'Andersson',
      'Zetterberg',
      'Åkesson',
      'Äng',
      'Öberg',
    ]);
    expect(sortBySv(['Område 10', 'Område 2'], (s) => s)).toEqual(['Område 2', 'Område 10']);
  });
});
