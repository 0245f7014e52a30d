import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes semicolon CSV with a BOM and quotes what needs it', () => {
    expect(toCsv([['Namn', 'Not'], ['Åsa; Öberg', 'sa "hej"\nigen'], [null, 12]])).toBe('\uFEFFNamn;Not\r\n"Åsa; Öberg";"sa ""hej""\nigen"\r\n;12\r\n');
  });
});
