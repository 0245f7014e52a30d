import { z } from 'zod';
import { procedure } from '../define';

export const IMPORT_KINDS = ['contact_persons', 'clients'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Fields a column can be mapped to, per kind (labels in Swedish for the mapping screen). */
export const IMPORT_FIELDS: Record<ImportKind, Record<string, string>> = {
  contact_persons: {
    personnummer: 'Personnummer',
    firstName: 'Förnamn',
    lastName: 'Efternamn',
    street: 'Gatuadress',
    postalCode: 'Postnummer',
    city: 'Ort',
    phone: 'Telefon',
    email: 'E-post',
    bankClearing: 'Clearingnummer',
    bankAccount: 'Kontonummer',
    area: 'Område',
    languages: 'Språk',
    interests: 'Intressen',
  },
  clients: {
    personnummer: 'Personnummer',
    firstName: 'Förnamn',
    lastName: 'Efternamn',
    street: 'Gatuadress',
    postalCode: 'Postnummer',
    city: 'Ort',
    phone: 'Telefon',
    area: 'Område',
    languages: 'Språk',
    interests: 'Intressen',
  },
};

const file = z.object({
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string().regex(/\.(xlsx|csv)$/i, 'Välj en .xlsx- eller .csv-fil.'),
  /** The file's bytes, base64 (the renderer reads a file the user picked; max about 10 MB). */
  dataBase64: z.string().max(14_000_000, 'Filen är för stor (högst 10 MB).'),
  /** Field -> column header; empty means "guess from the headers". */
  mapping: z.record(z.string(), z.string()).default({}),
});

export const importRowReport = z.object({
  row: z.number(),
  name: z.string(),
  errors: z.array(z.string()),
  warnings: z.array(z.string()),
});

export const importProcedures = {
  'import.preview': procedure({
    access: ['handlaggare'],
    input: file,
    output: z.object({
      headers: z.array(z.string()),
      mapping: z.record(z.string(), z.string()),
      rows: z.number(),
      valid: z.number(),
      report: z.array(importRowReport),
    }),
  }),
  'import.commit': procedure({
    access: ['handlaggare'],
    input: file.extend({ excludeRows: z.array(z.number().int().positive()).default([]) }),
    output: z.object({ imported: z.number() }),
  }),
} as const;
