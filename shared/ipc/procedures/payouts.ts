import { z } from 'zod';
import { procedure } from '../define';
import { empty, id, isoDate } from '../fields';
import { rateYear } from '../../compensation/rates';

export const monthField = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Ange månad som ÅÅÅÅ-MM.');
export const BANK_PROFILES = ['swedbank', 'seb', 'handelsbanken', 'nordea', 'generic'] as const;
export const BANK_PROFILE_LABELS: Record<(typeof BANK_PROFILES)[number], string> = {
  swedbank: 'Swedbank',
  seb: 'SEB (ISO Lön)',
  handelsbanken: 'Handelsbanken',
  nordea: 'Nordea',
  generic: 'Annan bank (endast A–Z)',
};
export const PAYOUT_FORMATS = ['pain001', 'bgc-lon', 'paxml', 'csv'] as const;
export type PayoutFormat = (typeof PAYOUT_FORMATS)[number];

export const paymentSettings = z.object({
  payerName: z.string().trim().min(1, 'Ange betalarens namn.').max(70),
  orgNumber: z.string().trim().regex(/^\d{6}-?\d{4}$/, 'Organisationsnumret ska ha tio siffror.'),
  bankProfile: z.enum(BANK_PROFILES),
  debtorClearing: z.string().trim().regex(/^\d{4,5}$/, 'Clearingnumret ska ha 4 eller 5 siffror.'),
  debtorAccount: z.string().trim().regex(/^\d{1,15}$/, 'Ange kontonumret med siffror.'),
  debtorBic: z.string().trim().regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, 'BIC ska ha 8 eller 11 tecken, t.ex. SWEDSESS.'),
  /** Bank-specific initiating-party id (Swedbank: Signer-ID/avtals-id; others: organisation number). */
  initiatorId: z.string().trim().max(35).default(''),
  bgcCustomerNumber: z.string().trim().regex(/^\d{0,6}$/, 'Kundnumret har högst sex siffror.').default(''),
  bgcBankgiro: z.string().trim().regex(/^(\d{7,8})?$/, 'Bankgironumret ska ha 7 eller 8 siffror.').default(''),
  payCodeArvode: z.string().trim().min(1).max(20),
  payCodeOmkostnad: z.string().trim().min(1).max(20),
  payCodeUtlagg: z.string().trim().min(1).max(20),
  paymentDayOfMonth: z.number().int().min(1).max(28),
  /** Whoever approved a month's reports may not attest its payout. */
  twoPersonRule: z.boolean(),
});
export type PaymentSettings = z.infer<typeof paymentSettings>;

export const reportRow = z.object({
  assignmentId: z.number(),
  contactPersonName: z.string(),
  clientName: z.string(),
  activeDays: z.number(),
  daysInMonth: z.number(),
  arvodeLevel: z.string().nullable(),
  omkostnadLevel: z.string().nullable(),
  report: z
    .object({
      id: z.number(),
      status: z.enum(['inlamnad', 'godkand']),
      meetingDates: z.array(z.string()),
      minutes: z.number(),
      activities: z.string(),
      expensesOre: z.number(),
      receiptsNote: z.string(),
      approvedBy: z.string().nullable(),
    })
    .nullable(),
});
export type ReportRow = z.infer<typeof reportRow>;

export const payoutLine = z.object({
  id: z.number(),
  contactPersonId: z.number(),
  name: z.string(),
  personnummer: z.string(),
  arvodeOre: z.number(),
  omkostnadOre: z.number(),
  expensesOre: z.number(),
  taxOre: z.number().nullable(),
  taxMode: z.string(),
  netOre: z.number().nullable(),
  feeOre: z.number(),
  feeRateBp: z.number(),
  belowThreshold: z.boolean(),
  details: z.array(z.string()),
});
export type PayoutLine = z.infer<typeof payoutLine>;

export const payoutBatch = z.object({
  id: z.number(),
  month: z.string(),
  kind: z.enum(['ordinarie', 'rättelse']),
  status: z.enum(['utkast', 'attesterad']),
  paymentDate: z.string(),
  createdBy: z.string().nullable(),
  attestedBy: z.string().nullable(),
  attestedAt: z.string().nullable(),
  exports: z.array(z.object({ format: z.string(), at: z.string(), reason: z.string().nullable() })),
  lines: z.array(payoutLine),
  totals: z.object({ arvodeOre: z.number(), omkostnadOre: z.number(), expensesOre: z.number(), taxOre: z.number(), netOre: z.number(), feeOre: z.number() }),
  missing: z.array(z.string()),
  problems: z.array(z.string()),
});
export type PayoutBatch = z.infer<typeof payoutBatch>;

const ok = z.object({ ok: z.literal(true) });
const meetingDates = z.array(isoDate).max(62).default([]);

export const payoutProcedures = {
  'rates.list': procedure({ access: 'session', input: empty, output: z.array(rateYear) }),
  'rates.save': procedure({ access: ['admin'], input: rateYear, output: ok }),
  'rates.status': procedure({
    access: 'session',
    input: empty,
    output: z.object({ warning: z.object({ year: z.number().int(), kind: z.enum(['missing-current', 'missing-next', 'demo']), message: z.string() }).nullable() }),
  }),
  'rates.createYear': procedure({
    access: ['admin'],
    input: z.object({
      year: z.number().int().min(2000, 'Ange ett år från 2000.').max(2100, 'Ange ett år till och med 2100.'),
      prisbasbeloppOre: z.number({ error: 'Ange prisbasbeloppet i kronor.' }).int().min(10_000_00, 'Prisbasbeloppet verkar för lågt (minst 10 000 kr).').max(1_000_000_00, 'Prisbasbeloppet verkar för högt.'),
      source: z.string().trim().min(1, 'Ange källan, t.ex. SFS-numret för förordningen om prisbasbeloppet.').max(200),
    }),
    output: rateYear,
  }),
  'payments.getSettings': procedure({ access: ['admin', 'attestant', 'handlaggare'], input: empty, output: paymentSettings }),
  'payments.saveSettings': procedure({ access: ['admin'], input: paymentSettings, output: ok }),
  'assignments.setCompensation': procedure({
    access: ['handlaggare'],
    input: z.object({ id, arvodeLevel: z.string().min(1, 'Välj arvodesnivå.'), omkostnadLevel: z.string().min(1, 'Välj omkostnadsnivå.') }),
    output: ok,
  }),
  'reports.month': procedure({ access: ['handlaggare', 'attestant'], input: z.object({ month: monthField }), output: z.array(reportRow) }),
  'reports.submit': procedure({
    access: ['handlaggare'],
    input: z.object({
      assignmentId: id,
      month: monthField,
      meetingDates,
      hours: z.number().min(0, 'Timmar kan inte vara negativa.').max(300, 'Högst 300 timmar per månad.'),
      activities: z.string().trim().max(2000).default(''),
      expensesOre: z.number().int().min(0, 'Utlägg kan inte vara negativa.').max(10_000_000).default(0),
      receiptsNote: z.string().trim().max(500).default(''),
    }).refine((v) => v.expensesOre === 0 || v.receiptsNote.length > 0, { path: ['receiptsNote'], message: 'Ange vilka kvitton som lämnats in för utläggen.' }),
    output: ok,
  }),
  'reports.approve': procedure({ access: ['handlaggare'], input: z.object({ assignmentId: id, month: monthField }), output: ok }),
  'payouts.list': procedure({ access: ['handlaggare', 'attestant'], input: z.object({ month: monthField }), output: z.array(payoutBatch) }),
  'payouts.create': procedure({ access: ['handlaggare'], input: z.object({ month: monthField, paymentDate: isoDate.optional() }), output: z.object({ id: z.number() }) }),
  'payouts.setTableTax': procedure({ access: ['handlaggare', 'attestant'], input: z.object({ lineId: id, taxOre: z.number().int().min(0) }), output: ok }),
  'payouts.attest': procedure({ access: ['attestant'], input: z.object({ batchId: id }), output: ok }),
  'payouts.export': procedure({
    access: ['attestant', 'handlaggare'],
    input: z.object({ batchId: id, format: z.enum(PAYOUT_FORMATS), reason: z.string().trim().max(500).default('') }),
    output: z.object({ savedTo: z.string().nullable(), fileName: z.string() }),
  }),
  'payouts.exportPdf': procedure({
    access: ['attestant', 'handlaggare'],
    input: z.object({ batchId: id, document: z.enum(['attestlista', 'specifikationer']) }),
    output: z.object({ savedTo: z.string().nullable() }),
  }),
  'payouts.yearSummary': procedure({
    access: ['attestant', 'handlaggare'],
    input: z.object({ year: z.number().int().min(2000).max(2100) }),
    output: z.array(
      z.object({
        contactPersonId: z.number(),
        name: z.string(),
        personnummer: z.string(),
        months: z.array(z.object({ month: z.string(), arvodeOre: z.number(), taxOre: z.number(), omkostnadOre: z.number(), agi011: z.number(), agi131: z.number(), agi001: z.number(), agi020: z.number() })),
        totals: z.object({ arvodeOre: z.number(), taxOre: z.number(), omkostnadOre: z.number() }),
      }),
    ),
  }),
} as const;
