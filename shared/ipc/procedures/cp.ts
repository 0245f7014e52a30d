import { z } from 'zod';
import { procedure } from '../define';
import {
  addressOutput,
  expectedVersion,
  id,
  isoDate,
  personBaseValues,
  protectedIdentityReason,
  revealAddressInput,
} from '../fields';
import { CP_STATUSES } from '../../contact-persons/status';
import { OUTCOMES, REGISTERS } from '../../contact-persons/register-checks';
import { checkPersonnummerShape } from '../../personnummer';

const text = (max: number, label: string) => z.string().trim().max(max, `${label} är för långt (högst ${max} tecken).`);
const tags = z
  .array(z.string().trim().min(1).max(60, 'Ett värde är för långt (högst 60 tecken).'))
  .max(30, 'För många värden (högst 30).')
  .default([]);

/**
 * 10 or 12 digits with checksum. The core makes it the canonical 12 digits with today's date
 * (electron/services/personnummer.ts): the century of a 10-digit number depends on it.
 */
export const personnummerField = z.string().transform((v, ctx) => {
  const r = checkPersonnummerShape(v);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.message });
    return z.NEVER;
  }
  return r.value;
});

export const TAX_MODES = ['side_income_30', 'table', 'percentage'] as const;
export const TAX_MODE_LABELS: Record<(typeof TAX_MODES)[number], string> = {
  side_income_30: '30 % (sidoinkomst)',
  table: 'Skattetabell och kolumn',
  percentage: 'Annan procentsats (beslut från Skatteverket)',
};

export const contactPersonInput = z
  .object({
    personnummer: personnummerField,
    firstName: z.string().trim().min(1, 'Ange förnamn.').max(100, 'Förnamnet är för långt.'),
    lastName: z.string().trim().min(1, 'Ange efternamn.').max(100, 'Efternamnet är för långt.'),
    street: text(200, 'Adressen'),
    postalCode: z
      .string()
      .trim()
      .regex(/^(\d{3} ?\d{2})?$/, 'Postnumret ska ha fem siffror.'),
    city: text(100, 'Orten'),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9 +()-]{0,20}$/, 'Telefonnumret får bara innehålla siffror, mellanslag, +, - och parenteser.'),
    email: z.union([z.literal(''), z.email('Ange en giltig e-postadress.')]),
    bankClearing: z
      .string()
      .trim()
      .regex(/^(\d{4}(-?\d)?)?$/, 'Clearingnumret ska ha 4 eller 5 siffror.'),
    bankAccount: z
      .string()
      .trim()
      .regex(/^[\d -]{0,20}$/, 'Kontonumret får bara innehålla siffror.'),
    /** Anställningsnummer in the payroll system (optional): PAXml and the payroll CSV use it when set. */
    employeeNumber: z
      .string()
      .trim()
      .regex(
        /^[A-Za-z0-9-]{0,20}$/,
        'Anställningsnumret får bara innehålla bokstäver, siffror och bindestreck (högst 20).',
      )
      .default(''),
    taxMode: z.enum(TAX_MODES),
    taxTable: z.number().int().min(29, 'Skattetabell 29–42.').max(42, 'Skattetabell 29–42.').nullable().default(null),
    taxColumn: z.number().int().min(1, 'Kolumn 1–6.').max(6, 'Kolumn 1–6.').nullable().default(null),
    taxPercent: z
      .number()
      .int()
      .min(0, 'Procentsatsen ska vara 0–100.')
      .max(100, 'Procentsatsen ska vara 0–100.')
      .nullable()
      .default(null),
    languages: tags,
    interests: tags,
    area: text(100, 'Området'),
    workplace: text(200, 'Arbetsplatsen'),
    hasCar: z.boolean().default(false),
    hasPets: z.boolean().default(false),
    smoker: z.boolean().default(false),
    prefersChildren: z.boolean().default(false),
    prefersAdults: z.boolean().default(false),
    disabilityKinds: tags,
    availability: text(500, 'Tillgängligheten'),
    speciallyQualified: z.boolean().default(false),
    protectedIdentity: z.boolean().default(false),
    protectedIdentityReason,
  })
  .superRefine((v, ctx) => {
    if (v.taxMode === 'table' && (v.taxTable === null || v.taxColumn === null)) {
      ctx.addIssue({ code: 'custom', path: ['taxTable'], message: 'Ange skattetabell och kolumn.' });
    }
    if (v.taxMode === 'percentage' && v.taxPercent === null) {
      ctx.addIssue({ code: 'custom', path: ['taxPercent'], message: 'Ange procentsatsen.' });
    }
    if (Boolean(v.bankClearing) !== Boolean(v.bankAccount)) {
      ctx.addIssue({
        code: 'custom',
        path: [v.bankClearing ? 'bankAccount' : 'bankClearing'],
        message: 'Ange både clearingnummer och kontonummer.',
      });
    }
  });
export type ContactPersonInput = z.input<typeof contactPersonInput>;

export const cpListRow = z.object({
  id: z.number(),
  name: z.string(),
  personnummerMasked: z.string(),
  status: z.enum(CP_STATUSES),
  area: z.string(),
  phone: z.string(),
  /** Empty for protected identity. */
  city: z.string(),
  protectedIdentity: z.boolean(),
});
export type CpListRow = z.infer<typeof cpListRow>;

export const cpQueueRow = cpListRow.extend({
  queueSince: z.string(),
  daysWaiting: z.number(),
  languages: z.array(z.string()),
  interests: z.array(z.string()),
  prefersChildren: z.boolean(),
  prefersAdults: z.boolean(),
  speciallyQualified: z.boolean(),
});
export type CpQueueRow = z.infer<typeof cpQueueRow>;

const event = z.object({
  id: z.number(),
  at: z.string(),
  date: z.string(),
  user: z.string().nullable(),
  kind: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
});

export const cpDetail = z.object({
  id: z.number(),
  /** Row version (optimistic locking): the edit form sends it back as cp.update's expectedVersion. */
  version: z.number(),
  values: personBaseValues.extend({
    email: z.string(),
    bankClearing: z.string(),
    bankAccount: z.string(),
    employeeNumber: z.string(),
    taxMode: z.enum(TAX_MODES),
    taxTable: z.number().nullable(),
    taxColumn: z.number().nullable(),
    taxPercent: z.number().nullable(),
    languages: z.array(z.string()),
    interests: z.array(z.string()),
    area: z.string(),
    workplace: z.string(),
    hasCar: z.boolean(),
    hasPets: z.boolean(),
    smoker: z.boolean(),
    prefersChildren: z.boolean(),
    prefersAdults: z.boolean(),
    disabilityKinds: z.array(z.string()),
    availability: z.string(),
    speciallyQualified: z.boolean(),
    protectedIdentity: z.boolean(),
  }),
  /** True when street/postal code/city were withheld (protected identity, not revealed). */
  addressHidden: z.boolean(),
  birthDate: z.string(),
  gender: z.string(),
  status: z.enum(CP_STATUSES),
  statusChangedAt: z.string(),
  queueSince: z.string().nullable(),
  daysWaiting: z.number().nullable(),
  consentDate: z.string().nullable(),
  bankCheck: z.object({
    status: z.enum(['ok', 'doubtful', 'invalid', 'missing']),
    message: z.string().nullable(),
    bankName: z.string().nullable(),
  }),
  interviews: z.array(z.object({ id: z.number(), date: z.string(), interviewer: z.string(), notes: z.string() })),
  references: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      phone: z.string(),
      relation: z.string(),
      notes: z.string(),
      contactedDate: z.string().nullable(),
    }),
  ),
  registerChecks: z.array(
    z.object({
      id: z.number(),
      register: z.enum(REGISTERS),
      extractDate: z.string(),
      shownDate: z.string(),
      outcome: z.enum(OUTCOMES),
      assessmentNote: z.string().nullable(),
      checkedBy: z.string().nullable(),
      usableUntil: z.string().nullable(),
    }),
  ),
  approvalBlockers: z.array(z.string()),
  /** Set when the belastningsregister extract will be too old for an assignment with a child starting within 30 days. */
  extractWarning: z.string().nullable(),
  allowedTransitions: z.array(z.enum(CP_STATUSES)),
  events: z.array(event),
});
export type CpDetail = z.infer<typeof cpDetail>;

const saved = z.object({ id: z.number(), warnings: z.array(z.string()) });

export const contactPersonProcedures = {
  'cp.search': procedure({
    access: ['handlaggare'],
    input: z.object({
      query: z.string().trim().max(100).default(''),
      statuses: z.array(z.enum(CP_STATUSES)).default([]),
      limit: z.number().int().min(1).max(10_000).default(200),
    }),
    output: z.object({ rows: z.array(cpListRow), total: z.number() }),
  }),
  'cp.get': procedure({ access: ['handlaggare'], input: z.object({ id }), output: cpDetail }),
  'cp.create': procedure({ access: ['handlaggare'], input: contactPersonInput, output: saved }),
  'cp.update': procedure({
    access: ['handlaggare'],
    input: z.object({ id, values: contactPersonInput, expectedVersion }),
    output: saved,
  }),
  'cp.transition': procedure({
    access: ['handlaggare'],
    input: z
      .object({ id, to: z.enum(CP_STATUSES), date: isoDate, note: z.string().trim().max(2000).default('') })
      .refine((v) => v.to !== 'ej_godkand' || v.note.length > 0, {
        path: ['note'],
        message: 'Ange skälet till att personen inte godkänns.',
      }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'cp.addInterview': procedure({
    access: ['handlaggare'],
    input: z.object({
      id,
      date: isoDate,
      interviewer: z.string().trim().min(1, 'Ange vem som höll intervjun.').max(100),
      notes: z.string().trim().min(1, 'Skriv anteckningar från intervjun.').max(10_000),
    }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'cp.addReference': procedure({
    access: ['handlaggare'],
    input: z.object({
      id,
      name: z.string().trim().min(1, 'Ange referensens namn.').max(100),
      phone: z
        .string()
        .trim()
        .regex(/^[0-9 +()-]{5,20}$/, 'Ange ett telefonnummer.'),
      relation: z.string().trim().max(100).default(''),
      notes: z.string().trim().max(5000).default(''),
      contactedDate: isoDate.nullable().default(null),
    }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'cp.setConsent': procedure({
    access: ['handlaggare'],
    input: z.object({ id, date: isoDate }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'cp.addRegisterCheck': procedure({
    access: ['handlaggare'],
    input: z
      .object({
        id,
        register: z.enum(REGISTERS),
        extractDate: isoDate,
        shownDate: isoDate,
        outcome: z.enum(OUTCOMES),
        assessmentNote: z.string().trim().max(5000).default(''),
      })
      .refine((v) => v.extractDate <= v.shownDate, {
        path: ['shownDate'],
        message: 'Utdraget kan inte ha visats före utdragsdatumet.',
      })
      .refine((v) => v.outcome !== 'anteckningar' || v.assessmentNote.length > 0, {
        path: ['assessmentNote'],
        message: 'Skriv en bedömning när utdraget har anteckningar.',
      }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'cp.queue': procedure({
    access: ['handlaggare'],
    input: z.object({
      area: z.string().trim().max(100).default(''),
      interest: z.string().trim().max(60).default(''),
      language: z.string().trim().max(60).default(''),
      target: z.enum(['alla', 'barn', 'vuxna']).default('alla'),
      sort: z.enum(['vantetid', 'namn', 'omrade']).default('vantetid'),
    }),
    output: z.array(cpQueueRow),
  }),
  'cp.revealAddress': procedure({
    access: ['handlaggare'],
    input: revealAddressInput,
    output: addressOutput,
  }),
} as const;
