import { z } from 'zod';
import { procedure } from '../define';
import { empty, expectedVersion, id, isoDate, ok } from '../fields';
import { LAWS, PERSONKRETSAR } from '../../legal/laws';

export const PERIODS = ['vecka', 'manad'] as const;

export const lawField = z.enum(LAWS, { error: 'Välj lag.' });

export const personkretsField = z.enum(PERSONKRETSAR, { error: 'Välj personkrets 1, 2 eller 3.' });

export const decisionInput = z
  .object({
    clientId: id,
    legalBasis: z.string().trim().min(1, 'Välj lagrum.'),
    decisionDate: isoDate,
    diarienummer: z.string().trim().max(50).default(''),
    validFrom: isoDate,
    validTo: isoDate.nullable().default(null),
    meetingsPerPeriod: z.number().int().min(1, 'Minst en träff.').max(31),
    period: z.enum(PERIODS),
    hoursPerMonth: z.number().int().min(1, 'Ange timmar per månad.').max(200),
    needsSpecialQualification: z.boolean().default(false),
    /** The law (LSS 1993:387, SoL 2001:453, SoL 2025:400); left out, it follows the insats label and the decision date. */
    law: lawField.optional(),
    /** From the unit's list for the law; left out, the list's first. */
    paragraph: z.string().trim().max(60).optional(),
    /** 1 § 1, 2 or 3 LSS: required for LSS decisions (Socialstyrelsen's LSS register). */
    personkrets: personkretsField.nullable().default(null),
  })
  .refine((v) => v.validTo === null || v.validTo >= v.validFrom, {
    path: ['validTo'],
    message: 'Slutdatum kan inte vara före startdatum.',
  });

export type DecisionInput = z.input<typeof decisionInput>;

export const setLawInput = z.object({
  id,
  expectedVersion,
  law: lawField,
  paragraph: z.string().trim().min(1, 'Välj paragraf.').max(60),
  personkrets: personkretsField.nullable().default(null),
});

export const guessedLawRow = z.object({
  decisionId: z.number(),
  /** Row version, sent back with decisions.setLaw (optimistic locking). */
  version: z.number(),
  clientId: z.number(),
  clientName: z.string(),
  decisionDate: z.string(),
  legalBasis: z.string(),
  law: z.string(),
  paragraph: z.string(),
  personkrets: z.string().nullable(),
});

export const decisionProcedures = {
  'decisions.create': procedure({
    access: ['handlaggare'],
    input: decisionInput,
    output: z.object({ id: z.number() }),
  }),
  'decisions.updateNotes': procedure({
    access: ['handlaggare'],
    input: z.object({
      id,
      delayReason: z.string().trim().max(5000),
      interimSupport: z.string().trim().max(5000),
      expectedVersion,
    }),
    output: ok,
  }),
  'decisions.end': procedure({
    access: ['handlaggare'],
    input: z.object({
      id,
      date: isoDate,
      reason: z.string().trim().min(1, 'Ange skälet till att beslutet upphör.').max(500),
    }),
    output: ok,
  }),
  'decisions.interrupt': procedure({
    access: ['handlaggare'],
    input: z.object({
      id,
      fromDate: isoDate,
      reason: z.string().trim().min(1, 'Ange orsaken till avbrottet.').max(500),
    }),
    output: ok,
  }),
  'decisions.resume': procedure({
    access: ['handlaggare'],
    input: z.object({ interruptionId: id, date: isoDate }),
    output: ok,
  }),
  'decisions.guessedLaws': procedure({ access: ['handlaggare'], input: empty, output: z.array(guessedLawRow) }),
  'decisions.setLaw': procedure({ access: ['handlaggare'], input: setLawInput, output: ok }),
} as const;
