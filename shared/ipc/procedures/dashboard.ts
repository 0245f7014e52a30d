import { z } from 'zod';
import { procedure } from '../define';
import { empty } from '../fields';

export const dashboardProcedures = {
  'dashboard.trends': procedure({
    access: 'session',
    input: empty,
    output: z.object({
      months: z.array(
        z.object({
          month: z.string(),
          queueLength: z.number(),
          averageWaitDays: z.number().nullable(),
          activeAssignments: z.number(),
          payoutsOre: z.number(),
        }),
      ),
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
      approachingDeadline: z.array(
        z.object({
          decisionId: z.number(),
          clientId: z.number(),
          name: z.string(),
          decisionDate: z.string(),
          deadline: z.string(),
          daysLeft: z.number(),
        }),
      ),
      activeAssignments: z.number(),
      openOffers: z.number(),
      followUpsOverdue: z.number(),
      followUpsSoon: z.number(),
    }),
  }),
} as const;
