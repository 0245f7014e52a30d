import { z } from 'zod';
import { procedure } from '../define';
import { empty, id, ok } from '../fields';
import { templateProblems } from '../../documents/merge';

const paragraph = z.object({ heading: z.string().trim().max(200), text: z.string().trim().max(5000) });

export const documentSettings = z.object({
  /** The municipality's name on the letterhead ("Provköpings kommun"). */
  municipality: z.string().trim().max(200).default(''),
  unitAddress: z.string().trim().max(300),
  unitPhone: z.string().trim().max(30),
  insuranceNote: z.string().trim().max(2000),
  /** The unit's logo for printed documents, as a data URL (PNG or JPEG, at most 200 kB). */
  logoDataUrl: z
    .string()
    .max(280_000, 'Logotypen får vara högst 200 kB.')
    .regex(/^(data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+)?$/, 'Logotypen ska vara en PNG- eller JPEG-bild.')
    .default(''),
  followUpChildMonths: z.number().int().min(1, 'Minst en månad.').max(24),
  followUpAdultMonths: z.number().int().min(1, 'Minst en månad.').max(36),
  agreementTemplate: z
    .array(paragraph)
    .min(1, 'Mallen behöver minst ett stycke.')
    .max(40)
    .superRefine((paragraphs, ctx) => {
      for (const message of templateProblems(paragraphs)) ctx.addIssue({ code: 'custom', message });
    }),
});

export type DocumentSettings = z.infer<typeof documentSettings>;

export const DOCUMENT_KINDS = ['avtal', 'genomforandeplan', 'brev-godkand', 'brev-erbjudande', 'brev-avslut'] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  avtal: 'Uppdragsavtal',
  genomforandeplan: 'Genomförandeplan',
  'brev-godkand': 'Brev: godkänd som kontaktperson',
  'brev-erbjudande': 'Brev: erbjudande om uppdrag',
  'brev-avslut': 'Brev: uppdraget avslutas',
};

export const documentRef = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  assignmentId: id.optional(),
  contactPersonId: id.optional(),
  version: z.number().int().positive().optional(),
  /** Print a protected person's address anyway: the reason is logged. */
  revealReason: z.string().trim().max(500).default(''),
});

export const documentProcedures = {
  'documents.getSettings': procedure({ access: 'session', input: empty, output: documentSettings }),
  'documents.saveSettings': procedure({ access: ['admin'], input: documentSettings, output: ok }),
  'documents.preview': procedure({
    access: ['handlaggare'],
    input: documentRef,
    output: z.object({ title: z.string(), html: z.string() }),
  }),
  'documents.createPdf': procedure({
    access: ['handlaggare'],
    input: documentRef,
    output: z.object({ documentId: z.number() }),
  }),
  'documents.print': procedure({
    access: ['handlaggare'],
    input: documentRef,
    output: z.object({ printed: z.boolean() }),
  }),
  'documents.archive': procedure({
    access: ['handlaggare'],
    input: z.object({ assignmentId: id.optional(), contactPersonId: id.optional() }),
    output: z.array(
      z.object({
        id: z.number(),
        kind: z.enum(DOCUMENT_KINDS),
        title: z.string(),
        createdAt: z.string(),
        createdBy: z.string().nullable(),
        bytes: z.number(),
      }),
    ),
  }),
  'documents.exportPdf': procedure({
    access: ['handlaggare'],
    input: z.object({ documentId: id }),
    output: z.object({ savedTo: z.string().nullable() }),
  }),
} as const;
