import type { IsoDate } from '../dates';

/**
 * The laws a kontaktperson decision can be made under. Sources:
 * - Lag (1993:387) om stöd och service till vissa funktionshindrade (LSS), 9 § 4: biträde av kontaktperson.
 * - Socialtjänstlag (2001:453), 4 kap. 1 § (bistånd) and 3 kap. 6 b § (kontaktperson): repealed 2025-07-01.
 * - Socialtjänstlag (SFS 2025:400), in force 2025-07-01 (prop. 2024/25:89); insatser efter individuell
 *   behovsprövning and, new, insatser utan individuell behovsprövning (10 kap. 1 § nya SoL per
 *   kommunala tjänsteutlåtanden 2025). The paragraph numbers in 2025:400 are kept as data the unit edits
 *   (Inställningar → Lagrum), because the brief could not verify them against the printed SFS.
 */
export const LAWS = ['LSS 1993:387', 'SoL 2001:453', 'SoL 2025:400'] as const;
export type Law = (typeof LAWS)[number];

export const LAW_LABELS: Record<Law, string> = {
  'LSS 1993:387': 'lagen (1993:387) om stöd och service till vissa funktionshindrade (LSS)',
  'SoL 2001:453': 'socialtjänstlagen (2001:453)',
  'SoL 2025:400': 'socialtjänstlagen (2025:400)',
};

export const LAW_SHORT: Record<Law, string> = {
  'LSS 1993:387': 'LSS',
  'SoL 2001:453': 'SoL (2001:453)',
  'SoL 2025:400': 'SoL (2025:400)',
};

/** SFS 2025:400 entered into force on 1 July 2025 and replaced SoL (2001:453) (prop. 2024/25:89). */
export const SOL_2025_IN_FORCE: IsoDate = '2025-07-01';

/** Default paragraphs per law; the unit edits the list (Inställningar → Lagrum). */
export const DEFAULT_LAW_PARAGRAPHS: Record<Law, string[]> = {
  'LSS 1993:387': ['9 § 4'],
  'SoL 2001:453': ['4 kap. 1 §', '3 kap. 6 b §'],
  // [unverified] Falkenberg's summary of the bill: the bistånd paragraph becomes 11 kap. 1 §.
  'SoL 2025:400': ['11 kap. 1 §'],
};

/** The SoL that applied on the decision date. */
export function solForDate(decisionDate: IsoDate): Law {
  return decisionDate >= SOL_2025_IN_FORCE ? 'SoL 2025:400' : 'SoL 2001:453';
}

/**
 * Best guess for a decision stored before laws were recorded: the free legal-basis text names LSS or
 * not; a SoL decision follows its date (migration 0008 and decisions created without a law).
 */
export function guessLaw(legalBasis: string, decisionDate: IsoDate): Law {
  return /LSS|1993:387/i.test(legalBasis) ? 'LSS 1993:387' : solForDate(decisionDate);
}

/** Why a law cannot apply to a decision of this date, or null. */
export function lawDateProblem(law: Law, decisionDate: IsoDate): string | null {
  if (law === 'SoL 2001:453' && decisionDate >= SOL_2025_IN_FORCE)
    return 'Beslut från och med 2025-07-01 fattas enligt socialtjänstlagen (2025:400).';
  if (law === 'SoL 2025:400' && decisionDate < SOL_2025_IN_FORCE)
    return 'Socialtjänstlagen (2025:400) gäller från 2025-07-01; äldre beslut fattades enligt socialtjänstlagen (2001:453).';
  return null;
}

/** What documents, letters and reports print: "9 § 4 lagen (1993:387) om stöd och service …". */
export function legalReference(law: string, paragraph: string): string {
  const label = (LAW_LABELS as Record<string, string>)[law] ?? law;
  return paragraph ? `${paragraph} ${label}` : label;
}

/** Short form for tables: "9 § 4 LSS". */
export function legalReferenceShort(law: string, paragraph: string): string {
  const short = (LAW_SHORT as Record<string, string>)[law] ?? law;
  return paragraph ? `${paragraph} ${short}` : short;
}

/**
 * Personkrets, 1 § LSS: the groups the act covers. Socialstyrelsen's LSS register asks for it per person
 * (SOSFS 2005:21, bilaga as amended by HSLF-FS 2016:48: "Personkrets enl. 1 § 1, 2 och 3 LSS").
 */
export const PERSONKRETSAR = ['1', '2', '3'] as const;
export type Personkrets = (typeof PERSONKRETSAR)[number];
export const PERSONKRETS_HELP: Record<Personkrets, string> = {
  '1': '1 § 1 LSS: utvecklingsstörning, autism eller autismliknande tillstånd',
  '2': '1 § 2 LSS: betydande och bestående begåvningsmässigt funktionshinder efter hjärnskada i vuxen ålder (yttre våld eller kroppslig sjukdom)',
  '3': '1 § 3 LSS: andra varaktiga fysiska eller psykiska funktionshinder, stora svårigheter i den dagliga livsföringen och omfattande behov av stöd eller service',
};
