import { describe, expect, it } from 'vitest';
import { DEFAULT_AGREEMENT_TEMPLATE, MERGE_FIELDS, mergeText, templateProblems, type MergeValues } from './merge';

describe('agreement template merge fields', () => {
  it('accepts the default template', () => expect(templateProblems(DEFAULT_AGREEMENT_TEMPLATE)).toEqual([]));
  it('refuses an unknown or broken field with a Swedish message', () => {
    expect(
      templateProblems([{ heading: 'A', text: 'Hej {{kontaktperson.namn}} och {{kontaktperson.skonummer}}' }]),
    ).toEqual(['Stycke 1: okänt kopplingsfält {{kontaktperson.skonummer}}.']);
    expect(
      templateProblems([
        { heading: 'A', text: 'ok' },
        { heading: '{{enhet.namn', text: '' },
      ]),
    ).toEqual(['Stycke 2: ofullständigt kopplingsfält (saknar {{ eller }}).']);
  });
  it('fills every field', () => {
    const values = Object.fromEntries(Object.keys(MERGE_FIELDS).map((k) => [k, `<${k}>`])) as MergeValues;
    expect(mergeText('{{ brukare.namn }} träffar {{kontaktperson.namn}}', values)).toBe(
      '<brukare.namn> träffar <kontaktperson.namn>',
    );
  });
});
