import { z } from 'zod';
import { procedure } from '../define';
import { isoDate } from '../fields';
import { AGE_GROUPS } from '../../legal/participants';

/** A participant in an insats utan individuell behovsprövning (SoL 2025:400): the minimum the nämnd decides. */
export const participantInput = z.object({
  name: z.string().trim().min(1, 'Ange förnamn eller kod.').max(60, 'Högst 60 tecken.'),
  ageGroup: z.enum(AGE_GROUPS, { error: 'Välj åldersgrupp.' }),
  area: z.string().trim().min(1, 'Ange område.').max(100),
  startDate: isoDate,
  meetingsPerPeriod: z.number().int().min(1, 'Minst en träff.').max(31).default(2),
  hoursPerMonth: z.number().int().min(1, 'Ange timmar per månad.').max(200).default(8),
});

export const participantProcedures = {
  'participants.create': procedure({
    access: ['handlaggare'],
    input: participantInput,
    output: z.object({ clientId: z.number(), decisionId: z.number() }),
  }),
} as const;
