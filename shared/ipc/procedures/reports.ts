import { z } from 'zod';
import { procedure } from '../define';
import { id, isoDate, monthField, ok } from '../fields';

export const quarterInput = z.object({
  year: z.number().int().min(2000).max(2100),
  q: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
});

export const ivoReportLine = z.object({
  code: z.string(),
  gender: z.enum(['man', 'kvinna']),
  isChild: z.boolean(),
  legalBasis: z.string(),
  /** Law and paragraph, e.g. "9 § 4 LSS", "11 kap. 1 § SoL (2025:400)". */
  legalReference: z.string(),
  decisionDate: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  interruptionDate: z.string().nullable(),
  deadline: z.string(),
  closedDate: z.string().nullable(),
  daysWaited: z.number(),
  delayReason: z.string(),
  interimSupport: z.string(),
  offers: z.array(z.object({ date: z.string(), outcome: z.string() })),
  decisionId: z.number(),
});

export type IvoReportLine = z.infer<typeof ivoReportLine>;

export const ivoSummary = z.object({
  total: z.number(),
  byKind: z.record(z.string(), z.number()),
  byGender: z.object({ man: z.number(), kvinna: z.number() }),
  byLegalBasis: z.record(z.string(), z.number()),
  byWait: z.object({ upTo6Months: z.number(), upTo12Months: z.number(), over12Months: z.number() }),
  /** Participants in an insats utan individuell behovsprövning (SoL 2025:400) with an assignment running at the quarter's end: not reported to IVO, counted apart. */
  participantsWithoutAssessment: z.number(),
});

export const reportRow = z.object({
  assignmentId: z.number(),
  /** The assignment's row version, sent back by the levels form (optimistic locking). */
  assignmentVersion: z.number(),
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

const meetingDates = z.array(isoDate).max(62).default([]);

export const lssRegisterOutput = z.object({
  referenceDate: z.string(),
  deadline: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  issues: z.array(
    z.object({
      decisionId: z.number(),
      clientId: z.number(),
      name: z.string(),
      severity: z.enum(['fel', 'kontrollera']),
      problem: z.string(),
    }),
  ),
  counts: z.object({
    persons: z.number(),
    byPersonkrets: z.record(z.string(), z.number()),
    withoutPersonkrets: z.number(),
  }),
});

export const reportProcedures = {
  'reports.lssRegister': procedure({
    access: ['handlaggare'],
    input: z.object({ referenceDate: isoDate }),
    output: lssRegisterOutput,
  }),
  'reports.exportLssRegister': procedure({
    access: ['handlaggare'],
    input: z.object({ referenceDate: isoDate, format: z.enum(['xlsx', 'csv']) }),
    output: z.object({ savedTo: z.string().nullable() }),
  }),
  'reports.month': procedure({
    access: ['handlaggare', 'attestant'],
    input: z.object({ month: monthField }),
    output: z.array(reportRow),
  }),
  'reports.submit': procedure({
    access: ['handlaggare'],
    input: z
      .object({
        assignmentId: id,
        month: monthField,
        meetingDates,
        hours: z.number().min(0, 'Timmar kan inte vara negativa.').max(300, 'Högst 300 timmar per månad.'),
        activities: z.string().trim().max(2000).default(''),
        expensesOre: z.number().int().min(0, 'Utlägg kan inte vara negativa.').max(10_000_000).default(0),
        receiptsNote: z.string().trim().max(500).default(''),
      })
      .refine((v) => v.expensesOre === 0 || v.receiptsNote.length > 0, {
        path: ['receiptsNote'],
        message: 'Ange vilka kvitton som lämnats in för utläggen.',
      }),
    output: ok,
  }),
  'reports.approve': procedure({
    access: ['handlaggare'],
    input: z.object({ assignmentId: id, month: monthField }),
    output: ok,
  }),
  'reports.ivo': procedure({
    access: ['handlaggare'],
    input: quarterInput,
    output: z.object({
      period: z.object({ start: z.string(), end: z.string() }),
      lines: z.array(ivoReportLine),
      summary: ivoSummary,
    }),
  }),
  'reports.exportIvo': procedure({
    access: ['handlaggare'],
    input: quarterInput.extend({ format: z.enum(['csv', 'summary-csv', 'pdf']) }),
    output: z.object({ savedTo: z.string().nullable() }),
  }),
} as const;
