import { ageOn } from '../personnummer';
import type { IsoDate } from '../dates';

/**
 * Insats utan individuell behovsprövning (socialtjänstlagen 2025:400, in force 2025-07-01; prop. 2024/25:89):
 * the nämnd offers the insats to anyone in its target group without a needs assessment, and may decide that the
 * documentation leaves out data that would reveal the person's identity. A participant is therefore registered
 * with the minimum the nämnd decides: a first name or a code, an age group and an area. There is no gynnande
 * beslut after a needs assessment, so IVO's reporting duty does not apply; the statistics count them apart.
 */
export const AGE_GROUPS = ['barn', 'ungdom', 'vuxen', 'aldre'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const AGE_GROUP_LABELS: Record<AgeGroup, string> = {
  barn: 'Barn (0–12 år)',
  ungdom: 'Ungdom (13–17 år)',
  vuxen: 'Vuxen (18–64 år)',
  aldre: 'Äldre (65 år och äldre)',
};

/** The clients table needs a unique key where others have a personnummer; it is never shown. */
export const PARTICIPANT_KEY_PREFIX = 'deltagare:';
export const isParticipantKey = (personnummer: string) => personnummer.startsWith(PARTICIPANT_KEY_PREFIX);

/** The label the insats gets on the participant's (nämnd-level) decision row. */
export const WITHOUT_ASSESSMENT_LABEL = 'Insats utan individuell behovsprövning';

/** Child or not: from the age group for a participant, else from the birth date. */
export function isChildOn(birthDate: string, ageGroup: string, onDate: IsoDate): boolean {
  if (ageGroup) return ageGroup === 'barn' || ageGroup === 'ungdom';
  return ageOn(birthDate, onDate) < 18;
}
