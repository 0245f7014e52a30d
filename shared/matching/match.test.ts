import { describe, expect, it } from 'vitest';
import { conflictsOfInterest, rankCandidates, scoreCandidate, type MatchCandidate, type MatchClient } from './match';

const client: MatchClient = {
  birthDate: '2014-05-01',
  interests: ['fotboll', 'Musik', 'bad'],
  languages: ['svenska', 'arabiska'],
  area: 'Norrby',
  street: 'Björkvägen 2',
  city: 'Provköping',
  workplace: 'Norrbyskolan',
  residence: '',
  preferredGender: 'man',
  preferredAgeMin: 20,
  preferredAgeMax: 45,
  connections: [{ role: 'god man', name: 'Gode Mannsson', personnummer: '' }],
};
const base: MatchCandidate = {
  id: 1,
  personnummer: '199001011234',
  name: 'Kalle Provsson',
  birthDate: '1990-01-01',
  gender: 'man',
  interests: ['musik', 'fotboll'],
  languages: ['svenska', 'arabiska'],
  area: 'norrby',
  street: 'Annan väg 1',
  city: 'Provköping',
  workplace: '',
  prefersChildren: true,
  prefersAdults: false,
  speciallyQualified: false,
  queueSince: '2026-05-26',
  belastningExtractDate: '2026-06-01',
  hasOpenOffer: false,
};
const opts = { onDate: '2026-11-22', needsSpecialQualification: false };

describe('scoreCandidate', () => {
  it('explains each factor in Swedish with its points', () => {
    const r = scoreCandidate(client, base, opts);
    expect(r.factors).toEqual([
      { points: 20, text: 'Gemensamma intressen: musik, fotboll.' },
      { points: 20, text: 'Samma område (norrby).' },
      { points: 20, text: 'Talar arabiska.' },
      { points: 15, text: 'Brukaren önskar en man: uppfyllt.' },
      { points: 10, text: 'Ålder 36 år, inom önskemålet 20–45 år.' },
      { points: 6, text: 'Har väntat i kön 180 dagar.' },
    ]);
    expect(r.score).toBe(91);
    expect(r.conflicts).toEqual([]);
    expect(r.excluded).toEqual([]);
  });

  it('penalises unmet wishes and a missing qualification', () => {
    const r = scoreCandidate(
      client,
      { ...base, gender: 'kvinna', birthDate: '1960-01-01', languages: ['svenska'], speciallyQualified: false },
      { ...opts, needsSpecialQualification: true },
    );
    expect(r.factors.map((f) => f.text)).toEqual(
      expect.arrayContaining([
        'Talar inte arabiska.',
        'Brukaren önskar en man.',
        'Ålder 66 år, utanför önskemålet 20–45 år.',
        'Inte särskilt kvalificerad, vilket beslutet kräver.',
      ]),
    );
  });

  it('excludes a person who does not want children, and flags an old or missing extract', () => {
    expect(scoreCandidate(client, { ...base, prefersChildren: false, prefersAdults: true }, opts).excluded).toEqual([
      'Vill inte ha uppdrag med barn.',
    ]);
    expect(scoreCandidate(client, { ...base, belastningExtractDate: null }, opts).factors[0]!.text).toMatch(/saknas/);
    expect(scoreCandidate(client, { ...base, belastningExtractDate: '2025-11-01' }, opts).factors[0]!.text).toMatch(
      /äldre än ett år/,
    );
    // Adults: no register extract needed.
    const adult = { ...client, birthDate: '1990-01-01' };
    expect(
      scoreCandidate(adult, { ...base, prefersAdults: true, belastningExtractDate: null }, opts).factors.some((f) =>
        /belastning/.test(f.text),
      ),
    ).toBe(false);
  });
});

describe('conflicts of interest', () => {
  it('flags working where the client works or lives, same address, and being god man', () => {
    expect(conflictsOfInterest(client, { ...base, workplace: 'norrbyskolan' })).toEqual([
      'Arbetar där brukaren arbetar eller har daglig verksamhet (norrbyskolan).',
    ]);
    expect(
      conflictsOfInterest(
        { ...client, residence: 'Gruppbostaden Linden' },
        { ...base, workplace: 'Gruppbostaden Linden' },
      ),
    ).toEqual(['Arbetar där brukaren bor (Gruppbostaden Linden).']);
    expect(conflictsOfInterest(client, { ...base, street: 'björkvägen 2' })).toEqual([
      'Bor på samma adress som brukaren.',
    ]);
    expect(conflictsOfInterest(client, { ...base, name: 'Gode Mannsson' })).toEqual([
      'Är brukarens god man (Gode Mannsson).',
    ]);
    expect(
      conflictsOfInterest(
        { ...client, connections: [{ role: 'personal', name: 'X', personnummer: base.personnummer }] },
        base,
      ),
    ).toEqual(['Är brukarens personal (X).']);
  });
});

describe('rankCandidates', () => {
  it('puts eligible people without conflicts first, best score first, ties by longest wait', () => {
    const list = rankCandidates(
      client,
      [
        { ...base, id: 1 },
        { ...base, id: 2, queueSince: '2026-01-01' },
        { ...base, id: 3, workplace: 'Norrbyskolan', queueSince: '2025-01-01' },
        { ...base, id: 4, prefersChildren: false, queueSince: '2024-01-01' },
        { ...base, id: 5, interests: [], queueSince: '2026-05-26' },
      ],
      opts,
    );
    expect(list.map((r) => r.candidateId)).toEqual([2, 1, 5, 3, 4]);
  });
});
