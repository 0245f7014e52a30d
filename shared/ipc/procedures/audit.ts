import { z } from 'zod';
import { procedure } from '../define';
import { empty, id, isoDate, ok } from '../fields';

export const auditEntry = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.number().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  detail: z.string().nullable(),
  /** The workstation that wrote the row; null on rows from before it was recorded. */
  workstation: z.string().nullable(),
});

export type AuditEntry = z.infer<typeof auditEntry>;

export const auditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number(),
  /** First broken row and why, when not ok. */
  firstBrokenId: z.number().nullable(),
  reason: z.string().nullable(),
});

export type AuditVerifyResult = z.infer<typeof auditVerifyResult>;

export const auditFilter = z.object({
  userId: id.optional(),
  /** A person's personnummer: every log line about that contact person or client. */
  personnummer: z.string().trim().max(13).default(''),
  actionPrefix: z.string().trim().max(60).default(''),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const LOG_REVIEW_CATEGORIES = [
  'skyddad_identitet',
  'utanfor_kontorstid',
  'massutdrag',
  'misslyckade_inloggningar',
  'betalningsuppgifter',
] as const;

export const LOG_REVIEW_LABELS: Record<(typeof LOG_REVIEW_CATEGORIES)[number], string> = {
  skyddad_identitet: 'Läsningar av personer med skyddade personuppgifter',
  utanfor_kontorstid: 'Åtkomst utanför kontorstid',
  massutdrag: 'Exporter och utskrifter i mängd',
  misslyckade_inloggningar: 'Misslyckade inloggningar',
  betalningsuppgifter: 'Ändrade betalningsuppgifter',
};

const reviewEntry = z.object({
  id: z.number(),
  at: z.string(),
  localTime: z.string(),
  username: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  detail: z.string().nullable(),
  workstation: z.string().nullable(),
});

export const logReviewOutput = z.object({
  from: z.string(),
  to: z.string(),
  categories: z.array(
    z.object({ key: z.enum(LOG_REVIEW_CATEGORIES), label: z.string(), entries: z.array(reviewEntry) }),
  ),
  totalRows: z.number(),
  reviews: z.array(
    z.object({
      id: z.number(),
      periodFrom: z.string(),
      periodTo: z.string(),
      reviewedAt: z.string(),
      reviewedBy: z.string(),
      note: z.string(),
      counts: z.record(z.string(), z.number()),
    }),
  ),
});

const period = z
  .object({ from: isoDate, to: isoDate })
  .refine((v) => v.from <= v.to, { path: ['to'], message: 'Slutdatum kan inte vara före startdatum.' });

export const auditProcedures = {
  'audit.list': procedure({
    access: ['admin'],
    input: auditFilter.extend({ beforeId: id.optional(), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(auditEntry),
  }),
  'audit.export': procedure({
    access: ['admin'],
    input: auditFilter,
    output: z.object({ savedTo: z.string().nullable(), rows: z.number() }),
  }),
  'audit.verify': procedure({ access: ['admin'], input: empty, output: auditVerifyResult }),
  'audit.review': procedure({ access: ['admin'], input: period, output: logReviewOutput }),
  'audit.exportReview': procedure({
    access: ['admin'],
    input: z.object({ from: isoDate, to: isoDate, format: z.enum(['xlsx', 'csv']) }),
    output: z.object({ savedTo: z.string().nullable() }),
  }),
  'audit.signOffReview': procedure({
    access: ['admin'],
    input: z.object({ from: isoDate, to: isoDate, note: z.string().trim().max(2000).default('') }),
    output: ok,
  }),
} as const;
