import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as enDictionary } from '@zxcvbn-ts/language-en';
import { DomainError } from '../../shared/errors';
import { MIN_PASSWORD_LENGTH } from '../../shared/ipc/fields';

/**
 * Swedish words people build passwords from. There is no maintained Swedish zxcvbn language pack,
 * so this short list (plus the common and English packs) stands in for one.
 */
const SWEDISH = [
  'lösenord',
  'losenord',
  'hemlig',
  'hemligt',
  'sommar',
  'vinter',
  'hösten',
  'hosten',
  'våren',
  'varen',
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
  'måndag',
  'tisdag',
  'onsdag',
  'torsdag',
  'fredag',
  'lördag',
  'söndag',
  'kommun',
  'kommunen',
  'kontakt',
  'kontaktperson',
  'kontaktregistret',
  'brukare',
  'socialtjänst',
  'socialtjanst',
  'handläggare',
  'handlaggare',
  'attestant',
  'admin',
  'administratör',
  'välkommen',
  'valkommen',
  'sverige',
  'stockholm',
  'göteborg',
  'goteborg',
  'malmö',
  'malmo',
  'uppsala',
  'jultomte',
  'midsommar',
  'kanelbulle',
  'fotboll',
  'hockey',
  'älskling',
  'alskling',
  'hej',
  'hejsan',
  'tjena',
  'qwerty',
  'asdfgh',
  'kärlek',
  'karlek',
  'katt',
  'hund',
  'häst',
  'hast',
  'bil',
  'blomma',
  'solsken',
  'regn',
  'snö',
  'sno',
  'mamma',
  'pappa',
  'barn',
  'familj',
  'glass',
  'kaffe',
  'fika',
];

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...commonDictionary, ...enDictionary, sv: SWEDISH },
  graphs: adjacencyGraphs,
  useLevenshteinDistance: false,
});

/** zxcvbn's score 0–4; 3 means "safely unguessable: moderate protection from offline slow-hash scenario". */
export const MIN_SCORE = 3;

/** Null when the password is good enough, else a Swedish reason. */
export function passwordProblem(password: string, username: string, extra: string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Lösenordet ska ha minst ${MIN_PASSWORD_LENGTH} tecken.`;
  const lower = password.normalize('NFC').toLocaleLowerCase('sv-SE');
  const user = username.trim().toLocaleLowerCase('sv-SE');
  if (user.length >= 2 && lower.includes(user)) return 'Lösenordet får inte innehålla användarnamnet.';
  const result = zxcvbn.check(password.slice(0, 100), [user, ...extra.map((e) => e.toLocaleLowerCase('sv-SE'))]);
  if (result.score < MIN_SCORE)
    return 'Lösenordet är för lätt att gissa. Använd flera ovanliga ord eller en längre fras, inte namn, datum eller upprepningar.';
  return null;
}

/** Enforced inside the core for every way a password is set: setup, CLI init, creating a user, an admin reset, recovery, a change. */
export function assertPasswordPolicy(password: string, username: string, extra: string[] = []): void {
  const problem = passwordProblem(password, username, extra);
  if (problem) throw new DomainError('INVALID_INPUT', problem, { fields: { newPassword: problem, password: problem } });
}
