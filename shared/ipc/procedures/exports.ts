import { z } from 'zod';
import { procedure } from '../define';
import { quarterInput } from './reports';

export const EXPORT_LISTS = ['kontaktpersoner', 'ko', 'brukare', 'uppdrag', 'uppfoljningar', 'ivo', 'arssammanstallning'] as const;

export const exportProcedures = {
  'export.xlsx': procedure({
    access: ['handlaggare', 'attestant'],
    input: z.object({
      list: z.enum(EXPORT_LISTS),
      quarter: quarterInput.optional(),
      year: z.number().int().min(2000).max(2100).optional(),
    }),
    output: z.object({ savedTo: z.string().nullable(), rows: z.number() }),
  }),
} as const;
