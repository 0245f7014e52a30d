import { z } from 'zod';
import { procedure } from '../define';
import { empty, id, isoDate } from '../fields';
import { rateYear } from '../../compensation/rates';
import { BANK_PROFILE_IDS, BANK_PROFILES_DEF, type BankProfileId } from '../../bank-profiles';

export const monthField = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Ange månad som ÅÅÅÅ-MM.');
export const BANK_PROFILES = BANK_PROFILE_IDS;
export const BANK_PROFILE_LABELS = Object.fromEntries(BANK_PROFILE_IDS.map((p) => [p, BANK_PROFILES_DEF[p].label])) as Record<BankProfileId, string>;
export const PAYOUT_FORMATS = ['pain001', 'bgc-lon', 'paxml', 'csv'] as const;
export type PayoutFormat = (typeof PAYOUT_FORMATS)[number];
/** Bankgirot Löner is legacy: Handelsbanken ended KI formats 2022-04-01 (Fortnox), Danske Bank 2025-11-14. */
export const LEGACY_FORMATS: readonly PayoutFormat[] = ['bgc-lon'];
export const PAYOUT_FORMAT_LABELS: Record<PayoutFormat, string> = {
  pain001: 'Bankfil ISO 20022 (pain.001)',
  'bgc-lon': 'Bankgirot Löner (äldre format)',
  paxml: 'Lön: PAXml 2.0',
  csv: 'Lön: CSV',
};
export const LEGACY_WARNING = 'Bankgirot Löner (KI) är ett äldre format som flera banker har slutat ta emot (Handelsbanken 2022, Danske Bank 2025). Använd pain.001 om banken tar emot det.';

export const paymentSettings = z.object({
  payerName: z.string().trim().min(1, 'Ange betalarens namn.').max(70),
  orgNumber: z.string().trim().regex(/^\d{6}-?\d{4}$/, 'Organisationsnumret ska ha tio siffror.'),
  bankProfile: z.enum(BANK_PROFILES),
  debtorClearing: z.string().trim().regex(/^\d{4,5}$/, 'Clearingnumret ska ha 4 eller 5 siffror.'),
  /** Empty until the unit enters it (the defaults must read back); an export is refused without it. */
  debtorAccount: z.string().trim().regex(/^\d{0,15}$/, 'Ange kontonumret med siffror.'),
  debtorBic: z.string().trim().regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, 'BIC ska ha 8 eller 11 tecken, t.ex. SWEDSESS.'),
  /** Bank-specific initiating-party id (InitgPty/Id): see shared/bank-profiles.ts per bank. */
  initiatorId: z.string().trim().max(35).regex(/^[A-Za-z0-9]*$/, 'Bara bokstäver A–Z och siffror.').default(''),
  /** Bank-specific debtor id (Dbtr/Id): Swedbank produktavtal, SEB kundnummer, Nordea avtalsnummer. */
  debtorId: z.string().trim().max(35).regex(/^[A-Za-z0-9]*$/, 'Bara bokstäver A–Z och siffror.').default(''),
  /** How the unit pays: a bank file (pain.001 or Löner) or payroll (PAXml or CSV). One channel per batch. */
  payoutChannel: z.enum(PAYOUT_FORMATS).default('pain001'),
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
  /** "19811228-****": tells namesakes apart without showing the whole number. */
  personnummerMasked: z.string(),
  birthDate: z.string(),
  /** As frozen at attest (for a draft: the current register values). */
  clearing: z.string().nullable(),
  account: z.string().nullable(),
  employeeNumber: z.string().nullable(),
  /** "Kontonummer ändrat sedan förra utbetalningen": the attestant must tick the line before attest. */
  accountChanged: z.boolean(),
  accountChangeNote: z.string().nullable(),
  accountChangeCheckedBy: z.string().nullable(),
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
  /** The date the bank file asks the bank to execute (the bank profile's rule). */
  executionDate: z.string(),
  channel: z.enum(PAYOUT_FORMATS).nullable(),
  bankProfile: z.string().nullable(),
  redates: z.array(z.object({ from: z.string(), to: z.string(), at: z.string(), by: z.string().nullable(), reason: z.string() })),
  createdBy: z.string().nullable(),
  attestedBy: z.string().nullable(),
  attestedAt: z.string().nullable(),
  exports: z.array(z.object({ id: z.number(), format: z.string(), at: z.string(), reason: z.string().nullable(), msgId: z.string().nullable(), voidedAt: z.string().nullable(), voidReason: z.string().nullable() })),
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
      year: z.number({ error: 'Ange året med fyra siffror, t.ex. 2027.' }).int('Ange året med fyra siffror, t.ex. 2027.').min(2000, 'Ange ett år från 2000.').max(2100, 'Ange ett år till och med 2100.'),
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
  'payouts.defaultPaymentDate': procedure({ access: ['handlaggare', 'attestant'], input: z.object({ month: monthField }), output: z.object({ paymentDate: z.string() }) }),
  'payouts.deleteDraft': procedure({ access: ['handlaggare'], input: z.object({ batchId: id }), output: ok }),
  'payouts.redate': procedure({
    access: ['handlaggare', 'attestant'],
    input: z.object({ batchId: id, paymentDate: isoDate, reason: z.string().trim().max(500).default('') }),
    output: ok,
  }),
  'payouts.checkAccountChange': procedure({ access: ['attestant'], input: z.object({ lineId: id, checked: z.boolean() }), output: ok }),
  'payouts.voidExport': procedure({
    access: ['attestant'],
    input: z.object({ batchId: id, reason: z.string().trim().min(1, 'Ange skälet till makuleringen.').max(500) }),
    output: ok,
  }),
  'payouts.paymentDetailChanges': procedure({
    access: ['attestant', 'handlaggare', 'admin'],
    input: z.object({ from: isoDate, to: isoDate }),
    output: z.array(z.object({ at: z.string(), contactPersonId: z.number(), name: z.string(), personnummerMasked: z.string(), field: z.string(), before: z.string(), after: z.string(), by: z.string().nullable() })),
  }),
  'payouts.setTableTax': procedure({ access: ['handlaggare', 'attestant'], input: z.object({ lineId: id, taxOre: z.number().int().min(0) }), output: ok }),
  'payouts.attest': procedure({ access: ['attestant'], input: z.object({ batchId: id }), output: ok }),
  'payouts.export': procedure({
    access: ['attestant', 'handlaggare'],
    input: z.object({ batchId: id, format: z.enum(PAYOUT_FORMATS), reason: z.string().trim().max(500).default('') }),
    output: z.object({ savedTo: z.string().nullable(), fileName: z.string(), warning: z.string().nullable() }),
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
