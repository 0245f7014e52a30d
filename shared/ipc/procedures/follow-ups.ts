import { z } from 'zod';
import { procedure } from '../define';
import { id, isoDate } from '../fields';

export const followUpRow = z.object({
  id: z.number(),
  assignmentId: z.number(),
  clientName: z.string(),
  contactPersonName: z.string(),
  plannedDate: z.string(),
  doneDate: z.string().nullable(),
  state: z.enum(['försenad', 'snart', 'planerad', 'genomförd']),
  participants: z.string(),
  notes: z.string(),
  outcome: z.string(),
});

export type FollowUpRow = z.infer<typeof followUpRow>;

export const followUpProcedures = {
  'followUps.list': procedure({
    access: ['handlaggare'],
    input: z.object({ assignmentId: id.optional(), openOnly: z.boolean().default(true) }),
    output: z.array(followUpRow),
  }),
  'followUps.record': procedure({
    access: ['handlaggare'],
    input: z.object({
      id,
      doneDate: isoDate,
      participants: z.string().trim().min(1, 'Ange vilka som deltog.').max(500),
      notes: z.string().trim().max(10_000).default(''),
      outcome: z.string().trim().min(1, 'Skriv resultatet av uppföljningen.').max(2000),
      nextDate: isoDate.nullable().default(null),
    }),
    output: z.object({ nextPlanned: z.string().nullable() }),
  }),
} as const;
