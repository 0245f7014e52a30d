import { addMonths, type IsoDate } from '../dates';
import { formatPersonnummer } from '../personnummer';

/**
 * Socialstyrelsen's LSS register (SOSFS 2005:21 2 §, bilaga as amended by HSLF-FS 2016:48): once a year, by
 * 25 October, every person with an executed LSS insats on 1 October, one row per person: personnummer
 * (ååååmmdd-xxxx), personkrets (1 § 1, 2 or 3 LSS) and a mark per insats. This app knows one insats,
 * kontaktperson (9 § 4 LSS); the other insats columns are left empty for the unit's LSS system to fill.
 */
/** The bilaga's columns, in its order (HSLF-FS 2016:48). */
export const LSS_REGISTER_COLUMNS = [
  'Brukarens personnummer (ååååmmdd-xxxx)',
  'Personkrets enl. 1 § 1, 2 och 3 LSS',
  'Personlig assistans enl. 9 § 2 LSS',
  'Ledsagarservice enl. 9 § 3 LSS',
  'Kontaktperson enl. 9 § 4 LSS',
  'Avlösarservice enl. 9 § 5 LSS',
  'Korttidsvistelse enl. 9 § 6 LSS',
  'Korttidstillsyn för skolungdom över 12 år enl. 9 § 7 LSS',
  'Boende barn/unga enl. 9 § 8 LSS, familjehem',
  'Boende barn/unga enl. 9 § 8 LSS, bostad med särskild service',
  'Boende vuxna enl. 9 § 9 LSS, bostad med särskild service',
  'Boende vuxna enl. 9 § 9 LSS, annan särskilt anpassad bostad',
  'Boendekommun (om boendet enl. 9 § 8 eller 9 LSS ligger i annan kommun)',
  'Daglig verksamhet enl. 9 § 10 LSS',
] as const;

export interface LssDecisionFacts {
  decisionId: number;
  clientId: number;
  name: string;
  /** Canonical 12 digits; anything else (a participant code) cannot be reported. */
  personnummer: string;
  law: string;
  personkrets: string | null;
  decisionDate: IsoDate;
  executedDate: IsoDate | null;
  endedDate: IsoDate | null;
  interruptions: Array<{ fromDate: IsoDate; resumedDate: IsoDate | null }>;
  /** The law is still migration 0008's guess (not confirmed by the officer). */
  lawGuessed?: boolean;
  /** Assignment periods (start, end) of the decision. */
  assignments: Array<{ startDate: IsoDate | null; endDate: IsoDate | null }>;
}

export interface LssIssue {
  decisionId: number;
  clientId: number;
  name: string;
  /** 'fel' must be fixed before the report is sent; 'kontrollera' explains why a decision is not in it. */
  severity: 'fel' | 'kontrollera';
  problem: string;
}

/** The printed form marks an insats with a cross. [I] Check the mark against Socialstyrelsen's current file instructions. */
export const LSS_MARK = 'X';
const KONTAKTPERSON_COLUMN = LSS_REGISTER_COLUMNS.indexOf('Kontaktperson enl. 9 § 4 LSS');

/** Executed on the reference date: executed on or before it, not ended before it, not in an interruption then. */
export function lssRegister(decisions: LssDecisionFacts[], referenceDate: IsoDate) {
  const issues: LssIssue[] = [];
  const included = new Map<number, LssDecisionFacts[]>();
  const issue = (d: LssDecisionFacts, severity: LssIssue['severity'], problem: string) =>
    issues.push({ decisionId: d.decisionId, clientId: d.clientId, name: d.name, severity, problem });
  const yearBefore = addMonths(referenceDate, -12);
  for (const d of decisions) {
    if (d.decisionDate > referenceDate) continue;
    const executedOnDate =
      d.executedDate !== null &&
      d.executedDate <= referenceDate &&
      (d.endedDate === null || d.endedDate >= referenceDate);
    if (d.law !== 'LSS 1993:387') {
      // A migrated decision guessed to be SoL may really be LSS: it would be missing from the register.
      if (d.lawGuessed && executedOnDate)
        issue(
          d,
          'kontrollera',
          'Lagrummet gissades som SoL vid uppdateringen – gäller beslutet LSS ska det bekräftas så, annars saknas det i registret.',
        );
      continue;
    }
    if (d.lawGuessed) issue(d, 'kontrollera', 'Lagrummet gissades vid uppdateringen – bekräfta det på beslutet.');
    if (d.executedDate && d.endedDate && d.endedDate < d.executedDate) {
      issue(d, 'fel', `Motsägelse: avslutat ${d.endedDate}, före verkställigheten ${d.executedDate}.`);
      continue;
    }
    const assignmentOnDate = d.assignments.some(
      (a) => a.startDate !== null && a.startDate <= referenceDate && (a.endDate === null || a.endDate >= referenceDate),
    );
    if (d.endedDate && d.endedDate < referenceDate) {
      if (d.endedDate >= yearBefore && d.executedDate)
        issue(d, 'kontrollera', `Avslutat ${d.endedDate}, före referensdagen – inte med.`);
      continue;
    }
    if (!d.executedDate) {
      if (assignmentOnDate)
        issue(d, 'fel', 'Motsägelse: ett uppdrag pågick på referensdagen men beslutet är inte verkställt.');
      continue;
    }
    if (d.executedDate > referenceDate) {
      issue(d, 'kontrollera', `Verkställt ${d.executedDate}, efter referensdagen – inte med.`);
      continue;
    }
    const interruption = d.interruptions.find(
      (i) => i.fromDate <= referenceDate && (i.resumedDate === null || i.resumedDate > referenceDate),
    );
    if (interruption) {
      // [I] An insats interrupted on 1 October is not being executed that day; the officer checks the case.
      issue(d, 'kontrollera', `Avbrott sedan ${interruption.fromDate} pågick på referensdagen – inte med.`);
      continue;
    }
    if (!assignmentOnDate) issue(d, 'kontrollera', 'Verkställt, men inget uppdrag pågick på referensdagen.');
    if (!/^\d{12}$/.test(d.personnummer)) {
      issue(d, 'fel', 'Personnummer saknas (registret kräver ååååmmdd-xxxx).');
      continue;
    }
    if (!d.personkrets) issue(d, 'fel', 'Personkrets saknas (1 § 1, 2 eller 3 LSS).');
    included.set(d.clientId, [...(included.get(d.clientId) ?? []), d]);
  }
  const rows: string[][] = [];
  const byPersonkrets: Record<string, number> = {};
  let withoutPersonkrets = 0;
  for (const ds of included.values()) {
    const kretsar = [...new Set(ds.map((d) => d.personkrets).filter((k): k is string => k !== null))];
    if (kretsar.length > 1)
      for (const d of ds) issue(d, 'fel', `Olika personkrets i brukarens beslut (${kretsar.join(' och ')}).`);
    const krets = kretsar.length === 1 ? (kretsar[0] ?? '') : '';
    if (krets) byPersonkrets[krets] = (byPersonkrets[krets] ?? 0) + 1;
    else withoutPersonkrets++;
    const [first] = ds;
    if (!first) throw new Error('lssRegister: a client is only included with a decision');
    const row = LSS_REGISTER_COLUMNS.map(() => '');
    row[0] = formatPersonnummer(first.personnummer);
    row[1] = krets;
    row[KONTAKTPERSON_COLUMN] = LSS_MARK;
    rows.push(row);
  }
  rows.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
  issues.sort((a, b) =>
    a.severity === b.severity ? a.name.localeCompare(b.name, 'sv-SE') : a.severity === 'fel' ? -1 : 1,
  );
  return {
    columns: [...LSS_REGISTER_COLUMNS],
    rows,
    issues,
    counts: { persons: rows.length, byPersonkrets, withoutPersonkrets },
  };
}

/** The reference date for a year ("1 October", yearly data) and the deadline ("25 October"). */
export function lssDates(
  year: number,
  s: { lssReferenceDay: string; lssDeadlineDay: string },
): { referenceDate: IsoDate; deadline: IsoDate } {
  return { referenceDate: `${year}-${s.lssReferenceDay}`, deadline: `${year}-${s.lssDeadlineDay}` };
}

/** From the reference day to the deadline, Översikt reminds (SOSFS 2005:21 2 §: by 25 October, about 1 October). */
export function lssReminder(today: IsoDate, s: { lssReferenceDay: string; lssDeadlineDay: string }) {
  const d = lssDates(Number(today.slice(0, 4)), s);
  return today >= d.referenceDate && today <= d.deadline ? d : null;
}
