import { z } from 'zod';
import { procedure } from '../define';
import { id } from '../fields';

export const matchRow = z.object({
  contactPersonId: z.number(),
  name: z.string(),
  /** ÅÅÅÅ-MM-DD, beside the name so namesakes can be told apart. */
  birthDate: z.string(),
  area: z.string(),
  daysWaiting: z.number(),
  score: z.number(),
  factors: z.array(z.object({ points: z.number(), text: z.string() })),
  conflicts: z.array(z.string()),
  excluded: z.array(z.string()),
});

export type MatchRow = z.infer<typeof matchRow>;

export const matchingProcedures = {
  'matching.suggest': procedure({
    access: ['handlaggare'],
    input: z.object({ decisionId: id }),
    output: z.array(matchRow),
  }),
} as const;
