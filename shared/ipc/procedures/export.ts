import { z } from 'zod';
import { procedure } from '../define';
import { quarterInput } from './reports';

export const EXPORT_LISTS = [
  'kontaktpersoner',
  'ko',
  'brukare',
  'uppdrag',
  'uppfoljningar',
  'ivo',
  'arssammanstallning',
] as const;

export const exportProcedures = {
  'export.xlsx': procedure({
    access: ['handlaggare', 'attestant'],
    input: z.object({
      list: z.enum(EXPORT_LISTS),
      quarter: quarterInput.optional(),
      year: z.number().int().min(2000).max(2100).optional(),
      /** What the list on screen shows: the export holds the same rows in the same order. */
      view: z
        .object({
          query: z.string().trim().max(100).default(''),
          /** Status codes to keep (empty: all). */
          statuses: z.array(z.string().max(40)).max(20).default([]),
          waitingOnly: z.boolean().default(false),
          /** Sorted by this column (its heading, as in the export) and direction. */
          sort: z
            .object({ column: z.string().max(60), descending: z.boolean() })
            .nullable()
            .default(null),
        })
        .optional(),
    }),
    output: z.object({ savedTo: z.string().nullable(), rows: z.number() }),
  }),
} as const;
