import { z } from 'zod';
import { procedure } from '../define';
import { empty } from '../fields';

/** Gallring rules (domain.md §6.2): the unit's own decisions, as settings. 0 = the rule is off. */
export const retentionSettings = z.object({
  rejectedApplicantsMonths: z.number().int().min(0).max(240),
  endedContactPersonsMonths: z.number().int().min(0).max(600),
  registerCheckNotesMonths: z.number().int().min(0).max(240),
  /** Ended assignments: agreements, plans, reports, follow-ups, letters (payout lines stay for bookkeeping). */
  endedAssignmentsMonths: z.number().int().min(0).max(600).default(60),
});
export type RetentionSettings = z.infer<typeof retentionSettings>;

export const RETENTION_RULES = [
  'ej_godkanda',
  'avslutade_kontaktpersoner',
  'registernoteringar',
  'avslutade_uppdrag',
] as const;
export type RetentionRule = (typeof RETENTION_RULES)[number];
export const RETENTION_LABELS: Record<RetentionRule, string> = {
  ej_godkanda: 'Sökande som inte godkändes',
  avslutade_kontaktpersoner: 'Avslutade kontaktpersoner utan uppdrag',
  registernoteringar: 'Bedömningar av registerutdrag',
  avslutade_uppdrag: 'Avslutade uppdrag (avtal, planer, rapporter, uppföljningar, brev)',
};

export const retentionProcedures = {
  'retention.getSettings': procedure({ access: ['admin'], input: empty, output: retentionSettings }),
  'retention.saveSettings': procedure({
    access: ['admin'],
    input: retentionSettings,
    output: z.object({ ok: z.literal(true) }),
  }),
  'retention.preview': procedure({
    access: ['admin'],
    input: empty,
    output: z.array(
      z.object({ rule: z.enum(RETENTION_RULES), label: z.string(), count: z.number(), cutoff: z.string().nullable() }),
    ),
  }),
  'retention.run': procedure({
    access: ['admin'],
    input: z.object({ confirm: z.literal(true, { error: 'Bekräfta gallringen.' }) }),
    output: z.object({ removed: z.record(z.string(), z.number()) }),
  }),
} as const;
