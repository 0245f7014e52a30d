import { ageOn } from '../personnummer';
import { daysBetween, type IsoDate } from '../dates';

export interface MatchClient {
  birthDate: IsoDate;
  /** Set for a participant without needs assessment (age group, no birth date). */
  isChild?: boolean;
  interests: string[];
  languages: string[];
  area: string;
  street: string;
  city: string;
  workplace: string;
  residence: string;
  preferredGender: '' | 'man' | 'kvinna';
  preferredAgeMin: number | null;
  preferredAgeMax: number | null;
  /** Staff, god man, förvaltare, vårdnadshavare: by name and (optionally) personnummer. */
  connections: Array<{ role: string; name: string; personnummer: string }>;
  /** Skyddad identitet: conflict texts must not say where the client lives or works. */
  protectedIdentity?: boolean;
}

export interface MatchCandidate {
  id: number;
  personnummer: string;
  name: string;
  birthDate: IsoDate;
  gender: 'man' | 'kvinna';
  interests: string[];
  languages: string[];
  area: string;
  street: string;
  city: string;
  workplace: string;
  prefersChildren: boolean;
  prefersAdults: boolean;
  speciallyQualified: boolean;
  queueSince: IsoDate | null;
  /** Latest belastningsregister extract date, if any. */
  belastningExtractDate: IsoDate | null;
  /** Has an open offer or proposal elsewhere. */
  hasOpenOffer: boolean;
  /** Skyddad identitet: conflict texts must not say where the person lives or works. */
  protectedIdentity?: boolean;
}

/** Said instead of the address and workplace reasons when either party has skyddad identitet (the reason would reveal the address). */
export const PROTECTED_CONFLICT = 'Möjlig jävssituation. Skyddade uppgifter: kontrollera i akten.';

export interface MatchFactor {
  points: number;
  text: string;
}

export interface MatchResult {
  candidateId: number;
  score: number;
  factors: MatchFactor[];
  /** Conflicts of interest (jäv): shown in red, need a written reason to propose anyway. */
  conflicts: string[];
  /** Reasons the person cannot take this assignment at all (e.g. does not want children). */
  excluded: string[];
}

const norm = (s: string) => s.trim().toLocaleLowerCase('sv-SE');
const same = (a: string, b: string) => norm(a) !== '' && norm(a) === norm(b);
const GENDER_WORD = { man: 'en man', kvinna: 'en kvinna' } as const;

/** Conflicts of interest between a contact person and a client (domain.md §4.3, issue 4). */
export function conflictsOfInterest(c: MatchClient, k: MatchCandidate): string[] {
  const out: string[] = [];
  const place: string[] = [];
  if (same(k.workplace, c.workplace))
    place.push(`Arbetar där brukaren arbetar eller har daglig verksamhet (${k.workplace}).`);
  if (same(k.workplace, c.residence)) place.push(`Arbetar där brukaren bor (${k.workplace}).`);
  if (same(k.street, c.street) && same(k.city, c.city)) place.push('Bor på samma adress som brukaren.');
  // A reason that names a shared address or workplace would turn matching into an address oracle for a protected person.
  if (place.length > 0) out.push(...(c.protectedIdentity || k.protectedIdentity ? [PROTECTED_CONFLICT] : place));
  for (const conn of c.connections) {
    const byPnr = conn.personnummer !== '' && conn.personnummer === k.personnummer;
    if (byPnr || same(conn.name, k.name)) out.push(`Är brukarens ${conn.role} (${conn.name}).`);
  }
  return out;
}

/**
 * Ranks one candidate for one client on `onDate`. Every factor carries its points and a plain
 * Swedish sentence, so the officer sees why someone is suggested. Pure: the same input gives the same answer.
 */
export function scoreCandidate(
  c: MatchClient,
  k: MatchCandidate,
  opts: { onDate: IsoDate; needsSpecialQualification: boolean },
): MatchResult {
  const factors: MatchFactor[] = [];
  const excluded: string[] = [];
  const add = (points: number, text: string) => factors.push({ points, text });
  const clientIsChild = c.isChild ?? ageOn(c.birthDate, opts.onDate) < 18;

  if (clientIsChild && !k.prefersChildren) excluded.push('Vill inte ha uppdrag med barn.');
  if (!clientIsChild && !k.prefersAdults) excluded.push('Vill inte ha uppdrag med vuxna.');
  if (clientIsChild) {
    if (!k.belastningExtractDate) add(-20, 'Utdrag ur belastningsregistret saknas (krävs för uppdrag med barn).');
    else if (daysBetween(k.belastningExtractDate, opts.onDate) > 365)
      add(-10, `Utdraget ur belastningsregistret (${k.belastningExtractDate}) är äldre än ett år; nytt utdrag behövs.`);
  }

  const shared = k.interests.filter((i) => c.interests.some((x) => same(x, i)));
  if (shared.length > 0) add(Math.min(30, shared.length * 10), `Gemensamma intressen: ${shared.join(', ')}.`);
  else if (c.interests.length > 0) add(0, 'Inga gemensamma intressen.');

  if (same(k.area, c.area)) add(20, `Samma område (${k.area}).`);
  else if (c.area) add(0, `Annat område (${k.area || 'okänt'}, brukaren: ${c.area}).`);

  const needed = c.languages.filter((l) => !same(l, 'svenska'));
  for (const lang of needed) {
    if (k.languages.some((l) => same(l, lang))) add(20, `Talar ${lang}.`);
    else add(-10, `Talar inte ${lang}.`);
  }

  if (c.preferredGender) {
    if (k.gender === c.preferredGender) add(15, `Brukaren önskar ${GENDER_WORD[c.preferredGender]}: uppfyllt.`);
    else add(-30, `Brukaren önskar ${GENDER_WORD[c.preferredGender]}.`);
  }
  if (c.preferredAgeMin !== null || c.preferredAgeMax !== null) {
    const age = ageOn(k.birthDate, opts.onDate);
    const min = c.preferredAgeMin ?? 0;
    const max = c.preferredAgeMax ?? 200;
    const wish = `${c.preferredAgeMin ?? ''}–${c.preferredAgeMax ?? ''} år`;
    if (age >= min && age <= max) add(10, `Ålder ${age} år, inom önskemålet ${wish}.`);
    else add(-15, `Ålder ${age} år, utanför önskemålet ${wish}.`);
  }

  if (opts.needsSpecialQualification) {
    if (k.speciallyQualified) add(20, 'Särskilt kvalificerad, vilket beslutet kräver.');
    else add(-40, 'Inte särskilt kvalificerad, vilket beslutet kräver.');
  }

  if (k.queueSince) {
    const days = Math.max(0, daysBetween(k.queueSince, opts.onDate));
    add(Math.min(10, Math.floor(days / 30)), `Har väntat i kön ${days} dagar.`);
  }
  if (k.hasOpenOffer) add(-5, 'Har redan ett pågående förslag eller erbjudande.');

  const conflicts = conflictsOfInterest(c, k);
  return { candidateId: k.id, score: factors.reduce((s, f) => s + f.points, 0), factors, conflicts, excluded };
}

/** All candidates, best first: excluded ones last, then conflicts, then by score, then longest wait. */
export function rankCandidates(
  c: MatchClient,
  candidates: MatchCandidate[],
  opts: { onDate: IsoDate; needsSpecialQualification: boolean },
): MatchResult[] {
  const byId = new Map(candidates.map((k) => [k.id, k]));
  return candidates
    .map((k) => scoreCandidate(c, k, opts))
    .sort(
      (a, b) =>
        Number(a.excluded.length > 0) - Number(b.excluded.length > 0) ||
        Number(a.conflicts.length > 0) - Number(b.conflicts.length > 0) ||
        b.score - a.score ||
        (byId.get(a.candidateId)!.queueSince ?? '9999').localeCompare(byId.get(b.candidateId)!.queueSince ?? '9999') ||
        a.candidateId - b.candidateId,
    );
}
