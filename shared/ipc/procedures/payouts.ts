import { z } from 'zod';
import { procedure } from '../define';
import { id, isoDate, monthField, ok } from '../fields';

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

export const LEGACY_WARNING =
  'Bankgirot Löner (KI) är ett äldre format som flera banker har slutat ta emot (Handelsbanken 2022, Danske Bank 2025). Använd pain.001 om banken tar emot det.';

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
  redates: z.array(
    z.object({ from: z.string(), to: z.string(), at: z.string(), by: z.string().nullable(), reason: z.string() }),
  ),
  createdBy: z.string().nullable(),
  attestedBy: z.string().nullable(),
  attestedAt: z.string().nullable(),
  exports: z.array(
    z.object({
      id: z.number(),
      format: z.string(),
      at: z.string(),
      reason: z.string().nullable(),
      msgId: z.string().nullable(),
      voidedAt: z.string().nullable(),
      voidReason: z.string().nullable(),
    }),
  ),
  lines: z.array(payoutLine),
  totals: z.object({
    arvodeOre: z.number(),
    omkostnadOre: z.number(),
    expensesOre: z.number(),
    taxOre: z.number(),
    netOre: z.number(),
    feeOre: z.number(),
  }),
  missing: z.array(z.string()),
  problems: z.array(z.string()),
});

export type PayoutBatch = z.infer<typeof payoutBatch>;

export const payoutProcedures = {
  'payouts.list': procedure({
    access: ['handlaggare', 'attestant'],
    input: z.object({ month: monthField }),
    output: z.array(payoutBatch),
  }),
  'payouts.create': procedure({
    access: ['handlaggare'],
    input: z.object({ month: monthField, paymentDate: isoDate.optional() }),
    output: z.object({ id: z.number() }),
  }),
  'payouts.defaultPaymentDate': procedure({
    access: ['handlaggare', 'attestant'],
    input: z.object({ month: monthField }),
    output: z.object({ paymentDate: z.string() }),
  }),
  'payouts.deleteDraft': procedure({ access: ['handlaggare'], input: z.object({ batchId: id }), output: ok }),
  'payouts.redate': procedure({
    access: ['handlaggare', 'attestant'],
    input: z.object({ batchId: id, paymentDate: isoDate, reason: z.string().trim().max(500).default('') }),
    output: ok,
  }),
  'payouts.checkAccountChange': procedure({
    access: ['attestant'],
    input: z.object({ lineId: id, checked: z.boolean() }),
    output: ok,
  }),
  'payouts.voidExport': procedure({
    access: ['attestant'],
    input: z.object({ batchId: id, reason: z.string().trim().min(1, 'Ange skälet till makuleringen.').max(500) }),
    output: ok,
  }),
  'payouts.paymentDetailChanges': procedure({
    access: ['attestant', 'handlaggare', 'admin'],
    input: z.object({ from: isoDate, to: isoDate }),
    output: z.array(
      z.object({
        at: z.string(),
        contactPersonId: z.number(),
        name: z.string(),
        personnummerMasked: z.string(),
        field: z.string(),
        before: z.string(),
        after: z.string(),
        by: z.string().nullable(),
      }),
    ),
  }),
  'payouts.setTableTax': procedure({
    access: ['handlaggare', 'attestant'],
    input: z.object({ lineId: id, taxOre: z.number().int().min(0) }),
    output: ok,
  }),
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
        months: z.array(
          z.object({
            month: z.string(),
            arvodeOre: z.number(),
            taxOre: z.number(),
            omkostnadOre: z.number(),
            agi011: z.number(),
            agi131: z.number(),
            agi001: z.number(),
            agi020: z.number(),
          }),
        ),
        totals: z.object({ arvodeOre: z.number(), taxOre: z.number(), omkostnadOre: z.number() }),
      }),
    ),
  }),
} as const;
