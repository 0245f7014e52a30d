import { z } from 'zod';
import { procedure } from '../define';
import { id, isoDate, versionRow } from '../fields';

export const agreementData = z
  .object({
    startDate: isoDate,
    endDate: isoDate.nullable().default(null),
    noticeWeeks: z.number().int().min(0).max(52),
    meetingsPerPeriod: z.number().int().min(1, 'Minst en träff.').max(31),
    period: z.enum(['vecka', 'manad']),
    hoursPerMeeting: z.number().min(0.5, 'Ange träffens längd.').max(24),
    goals: z.string().trim().min(1, 'Skriv målen för uppdraget.').max(5000),
  })
  .refine((v) => v.endDate === null || v.endDate >= v.startDate, {
    path: ['endDate'],
    message: 'Slutdatum kan inte vara före startdatum.',
  });

export type AgreementData = z.infer<typeof agreementData>;

export const agreementProcedures = {
  'agreements.list': procedure({
    access: ['handlaggare'],
    input: z.object({ assignmentId: id }),
    output: z.array(versionRow(agreementData)),
  }),
  'agreements.save': procedure({
    access: ['handlaggare'],
    input: z.object({ assignmentId: id, data: agreementData }),
    output: z.object({ version: z.number() }),
  }),
} as const;
