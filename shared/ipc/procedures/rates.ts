import { z } from 'zod';
import { procedure } from '../define';
import { empty, ok } from '../fields';
import { rateYear } from '../../compensation/rates';

export const rateProcedures = {
  'rates.list': procedure({ access: 'session', input: empty, output: z.array(rateYear) }),
  'rates.save': procedure({ access: ['admin'], input: rateYear, output: ok }),
  'rates.status': procedure({
    access: 'session',
    input: empty,
    output: z.object({
      warning: z
        .object({
          year: z.number().int(),
          kind: z.enum(['missing-current', 'missing-next', 'demo']),
          message: z.string(),
        })
        .nullable(),
    }),
  }),
  'rates.createYear': procedure({
    access: ['admin'],
    input: z.object({
      year: z
        .number({ error: 'Ange året med fyra siffror, t.ex. 2027.' })
        .int('Ange året med fyra siffror, t.ex. 2027.')
        .min(2000, 'Ange ett år från 2000.')
        .max(2100, 'Ange ett år till och med 2100.'),
      prisbasbeloppOre: z
        .number({ error: 'Ange prisbasbeloppet i kronor.' })
        .int()
        .min(10_000_00, 'Prisbasbeloppet verkar för lågt (minst 10 000 kr).')
        .max(1_000_000_00, 'Prisbasbeloppet verkar för högt.'),
      source: z.string().trim().min(1, 'Ange källan, t.ex. SFS-numret för förordningen om prisbasbeloppet.').max(200),
    }),
    output: rateYear,
  }),
} as const;
