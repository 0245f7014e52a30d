import { luhnControlDigit } from '../../shared/personnummer';
import type { Rng } from './random';

/** Fictional surnames (test-style) so no generated person matches a real one by design. */
export const SURNAMES = [
  'Provsson',
  'Testberg',
  'Exempeldotter',
  'Demoström',
  'Fiktivsson',
  'Påhittad',
  'Låtsasberg',
  'Mockgren',
  'Syntesson',
  'Övningsdal',
  'Prövlund',
  'Skissberg',
  'Utkastsson',
  'Modellin',
  'Stickprov',
] as const;
export const FIRST_NAMES_F = [
  'Anna',
  'Eva',
  'Maria',
  'Karin',
  'Sara',
  'Lena',
  'Emma',
  'Åsa',
  'Ingrid',
  'Fatima',
  'Noor',
  'Elin',
  'Hanna',
  'Maja',
  'Ylva',
] as const;
export const FIRST_NAMES_M = [
  'Erik',
  'Lars',
  'Karl',
  'Anders',
  'Johan',
  'Per',
  'Ali',
  'Mohammed',
  'Oskar',
  'Nils',
  'Björn',
  'Emil',
  'Olle',
  'Hugo',
  'Sven',
] as const;
export const AREAS = ['Centrum', 'Norrby', 'Söderåsen', 'Västervik', 'Östermalm', 'Lillbyn'] as const;
export const INTERESTS = [
  'friluftsliv',
  'fotboll',
  'musik',
  'bad',
  'bio',
  'matlagning',
  'djur',
  'spel',
  'bibliotek',
  'fiske',
  'konst',
  'dans',
  'promenader',
  'gym',
] as const;
export const LANGUAGES = [
  'svenska',
  'engelska',
  'arabiska',
  'somaliska',
  'persiska',
  'finska',
  'teckenspråk',
  'tigrinja',
] as const;
export const DISABILITIES = [
  'autism',
  'intellektuell funktionsnedsättning',
  'adhd',
  'rörelsenedsättning',
  'psykisk ohälsa',
] as const;
export const STREETS = ['Provgatan', 'Testvägen', 'Exempelstigen', 'Demogränd', 'Övningsallén', 'Skissbacken'] as const;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A checksum-valid personnummer for a birth date, with the gender digit set; serials keep it unique. */
export function syntheticPersonnummer(r: Rng, birthYear: number, gender: 'man' | 'kvinna', serial: number): string {
  const month = r.int(1, 12);
  const day = r.int(1, 28);
  const yymmdd = `${pad(birthYear % 100)}${pad(month)}${pad(day)}`;
  // Third digit of the serial decides gender: odd for men, even for women.
  const base = (serial % 50) * 2 + (gender === 'man' ? 1 : 0);
  const nnn = pad(base + 100 * Math.floor(serial / 50), 3).slice(-3);
  return `${birthYear}${yymmdd.slice(2)}${nnn}${luhnControlDigit(yymmdd + nnn)}`;
}
