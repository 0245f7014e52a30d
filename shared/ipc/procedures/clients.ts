import { z } from 'zod';
import { procedure } from '../define';
import {
  addressOutput,
  expectedVersion,
  id,
  personBaseValues,
  protectedIdentityReason,
  revealAddressInput,
} from '../fields';
import { personnummerField } from './cp';
import { PERIODS } from './decisions';

export const CONNECTION_ROLES = ['vardnadshavare', 'god_man', 'forvaltare', 'personal', 'annan'] as const;

export const CONNECTION_ROLE_LABELS: Record<(typeof CONNECTION_ROLES)[number], string> = {
  vardnadshavare: 'vårdnadshavare',
  god_man: 'god man',
  forvaltare: 'förvaltare',
  personal: 'personal',
  annan: 'annan kontakt',
};

const tags = z.array(z.string().trim().min(1).max(60)).max(30).default([]);

const age = z
  .number()
  .int()
  .min(15, 'Åldern ska vara 15–99 år.')
  .max(99, 'Åldern ska vara 15–99 år.')
  .nullable()
  .default(null);

export const connectionInput = z.object({
  role: z.enum(CONNECTION_ROLES),
  name: z.string().trim().min(1, 'Ange namn på kontakten.').max(100),
  personnummer: z.union([z.literal(''), personnummerField]).default(''),
  phone: z.string().trim().max(20).default(''),
  email: z.union([z.literal(''), z.email('Ange en giltig e-postadress.')]).default(''),
});

export const clientInput = z
  .object({
    personnummer: personnummerField,
    firstName: z.string().trim().min(1, 'Ange förnamn.').max(100),
    lastName: z.string().trim().min(1, 'Ange efternamn.').max(100),
    street: z.string().trim().max(200).default(''),
    postalCode: z
      .string()
      .trim()
      .regex(/^(\d{3} ?\d{2})?$/, 'Postnumret ska ha fem siffror.')
      .default(''),
    city: z.string().trim().max(100).default(''),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9 +()-]{0,20}$/, 'Telefonnumret får bara innehålla siffror, mellanslag, +, - och parenteser.')
      .default(''),
    area: z.string().trim().max(100).default(''),
    workplace: z.string().trim().max(200).default(''),
    residence: z.string().trim().max(200).default(''),
    languages: tags,
    interests: tags,
    wishes: z.string().trim().max(5000).default(''),
    preferredGender: z.enum(['', 'man', 'kvinna']).default(''),
    preferredAgeMin: age,
    preferredAgeMax: age,
    protectedIdentity: z.boolean().default(false),
    protectedIdentityReason,
    connections: z.array(connectionInput).max(20).default([]),
  })
  .refine((v) => v.preferredAgeMin === null || v.preferredAgeMax === null || v.preferredAgeMin <= v.preferredAgeMax, {
    path: ['preferredAgeMax'],
    message: 'Högsta ålder kan inte vara lägre än lägsta.',
  });

export type ClientInput = z.input<typeof clientInput>;

export const clientListRow = z.object({
  id: z.number(),
  name: z.string(),
  personnummerMasked: z.string(),
  isChild: z.boolean(),
  area: z.string(),
  protectedIdentity: z.boolean(),
  waitingSince: z.string().nullable(),
  daysWaiting: z.number().nullable(),
});

export type ClientListRow = z.infer<typeof clientListRow>;

const assignmentSummary = z.object({
  id: z.number(),
  contactPersonId: z.number(),
  contactPersonName: z.string(),
  status: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});

export const decisionView = z.object({
  id: z.number(),
  /** Row version (optimistic locking): sent back by the decision's edit forms as expectedVersion. */
  version: z.number(),
  legalBasis: z.string(),
  decisionDate: z.string(),
  diarienummer: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  meetingsPerPeriod: z.number(),
  period: z.enum(PERIODS),
  hoursPerMonth: z.number(),
  needsSpecialQualification: z.boolean(),
  law: z.string(),
  paragraph: z.string(),
  personkrets: z.string().nullable(),
  /** True while the law is the update's guess and not yet confirmed. */
  lawGuessed: z.boolean(),
  /** What documents print, e.g. "9 § 4 lagen (1993:387) om stöd och service till vissa funktionshindrade (LSS)". */
  legalReference: z.string(),
  executedDate: z.string().nullable(),
  endedDate: z.string().nullable(),
  endReason: z.string().nullable(),
  delayReason: z.string(),
  interimSupport: z.string(),
  ivoDeadline: z.string(),
  daysSinceDecision: z.number(),
  interruptions: z.array(
    z.object({ id: z.number(), fromDate: z.string(), resumedDate: z.string().nullable(), reason: z.string() }),
  ),
  assignments: z.array(assignmentSummary),
});

export type DecisionView = z.infer<typeof decisionView>;

export const clientDetail = z.object({
  id: z.number(),
  /** Row version (optimistic locking): the edit form sends it back as clients.update's expectedVersion. */
  version: z.number(),
  values: personBaseValues.extend({
    area: z.string(),
    workplace: z.string(),
    residence: z.string(),
    languages: z.array(z.string()),
    interests: z.array(z.string()),
    wishes: z.string(),
    preferredGender: z.enum(['', 'man', 'kvinna']),
    preferredAgeMin: z.number().nullable(),
    preferredAgeMax: z.number().nullable(),
    protectedIdentity: z.boolean(),
    connections: z.array(
      z.object({
        role: z.enum(CONNECTION_ROLES),
        name: z.string(),
        personnummer: z.string(),
        phone: z.string(),
        email: z.string(),
      }),
    ),
  }),
  addressHidden: z.boolean(),
  birthDate: z.string(),
  isChild: z.boolean(),
  ivoCode: z.string(),
  /** A participant in an insats utan individuell behovsprövning (SoL 2025:400): no personnummer, an age group. */
  withoutAssessment: z.boolean(),
  ageGroup: z.string(),
  decisions: z.array(decisionView),
});

export type ClientDetail = z.infer<typeof clientDetail>;

export const clientProcedures = {
  'clients.search': procedure({
    access: ['handlaggare'],
    input: z.object({ query: z.string().trim().max(100).default(''), waitingOnly: z.boolean().default(false) }),
    output: z.array(clientListRow),
  }),
  'clients.get': procedure({ access: ['handlaggare'], input: z.object({ id }), output: clientDetail }),
  'clients.create': procedure({ access: ['handlaggare'], input: clientInput, output: z.object({ id: z.number() }) }),
  'clients.update': procedure({
    access: ['handlaggare'],
    input: z.object({ id, values: clientInput, expectedVersion }),
    output: z.object({ id: z.number() }),
  }),
  'clients.revealAddress': procedure({
    access: ['handlaggare'],
    input: revealAddressInput,
    output: addressOutput,
  }),
} as const;
