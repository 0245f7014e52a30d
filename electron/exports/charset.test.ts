import { describe, expect, it } from 'vitest';
import { cleanText, payeeName } from './charset';

describe('bank-file names (issue 13, point 6)', () => {
  it('transliterates letters outside the character set instead of dropping them', () => {
    expect(cleanText('Øystein Łukasz Þórsson', true, 70)).toBe('Oystein Lukasz Thorsson');
    expect(cleanText('Дмитрий Иванов', true, 70)).toBe('Dmitriy Ivanov');
    expect(cleanText('Åsa Öberg-Ärlig', true, 70)).toBe('Åsa Öberg-Ärlig');
    expect(cleanText('Åsa Öberg-Ärlig', false, 70)).toBe('Asa Oberg-Arlig');
    expect(cleanText('José Müller & Co', true, 70)).toBe('Jose Muller Co');
  });
  it('never gives an empty payee name', () => {
    // Invisible characters only (zero-width space, direction marks): nothing printable is left.
    expect(cleanText('\u200b\u200e \u200f', true, 70)).toBe('');
    expect(payeeName('\u200b\u200e \u200f', true, 70, 42)).toBe('Kontaktperson 42');
    expect(payeeName('李小龍', false, 70, 1)).not.toBe('');
  });
});
