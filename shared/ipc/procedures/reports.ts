import { z } from 'zod';
import { procedure } from '../define';
import { empty } from '../fields';

export const quarterInput = z.object({ year: z.number().int().min(2000).max(2100), q: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]) });

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

export const reportProcedures = {
  'reports.ivo': procedure({
    access: ['handlaggare'],
    input: quarterInput,
    output: z.object({ period: z.object({ start: z.string(), end: z.string() }), lines: z.array(ivoReportLine), summary: ivoSummary }),
  }),
  'reports.exportIvo': procedure({
    access: ['handlaggare'],
    input: quarterInput.extend({ format: z.enum(['csv', 'summary-csv', 'pdf']) }),
    output: z.object({ savedTo: z.string().nullable() }),
  }),
  'dashboard.trends': procedure({
    access: 'session',
    input: empty,
    output: z.object({
      months: z.array(z.object({ month: z.string(), queueLength: z.number(), averageWaitDays: z.number().nullable(), activeAssignments: z.number(), payoutsOre: z.number() })),
      quarters: z.array(z.object({ quarter: z.string(), overdueDecisions: z.number() })),
    }),
  }),
  'dashboard.summary': procedure({
    access: 'session',
    input: empty,
    output: z.object({
      queueLength: z.number(),
      averageQueueDays: z.number().nullable(),
      underAssessment: z.number(),
      clientsWaiting: z.number(),
      longestWaitDays: z.number().nullable(),
      approachingDeadline: z.array(z.object({ decisionId: z.number(), clientId: z.number(), name: z.string(), decisionDate: z.string(), deadline: z.string(), daysLeft: z.number() })),
      activeAssignments: z.number(),
      openOffers: z.number(),
      followUpsOverdue: z.number(),
      followUpsSoon: z.number(),
    }),
  }),
} as const;
