import { z } from 'zod';
import { procedure } from '../define';
import { id, isoDate, versionRow } from '../fields';

export const planData = z.object({
  goals: z.string().trim().min(1, 'Skriv målen enligt beslutet.').max(5000),
  activities: z
    .array(
      z.object({
        what: z.string().trim().min(1, 'Ange aktiviteten.').max(300),
        how: z.string().trim().max(1000).default(''),
        who: z.string().trim().max(200).default(''),
        when: z.string().trim().max(200).default(''),
        howOften: z.string().trim().max(200).default(''),
        howLong: z.string().trim().max(200).default(''),
      }),
    )
    .min(1, 'Lägg till minst en aktivitet.')
    .max(30),
  nextFollowUp: isoDate,
  participation: z.string().trim().max(2000).default(''),
});

export type PlanData = z.infer<typeof planData>;

export const planProcedures = {
  'plans.list': procedure({
    access: ['handlaggare'],
    input: z.object({ assignmentId: id }),
    output: z.array(versionRow(planData)),
  }),
  'plans.save': procedure({
    access: ['handlaggare'],
    input: z.object({ assignmentId: id, data: planData }),
    output: z.object({ version: z.number() }),
  }),
} as const;
