import { z } from 'zod';
import { procedure } from '../define';
import { empty, id, isoDate } from '../fields';
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
  .refine((v) => v.endDate === null || v.endDate >= v.startDate, { path: ['endDate'], message: 'Slutdatum kan inte vara före startdatum.' });
export type AgreementData = z.infer<typeof agreementData>;

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

const versionRow = <T extends z.ZodType>(data: T) => z.object({ version: z.number(), data, createdAt: z.string(), createdBy: z.string().nullable() });

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

const ok = z.object({ ok: z.literal(true) });

export const documentProcedures = {
  'documents.getSettings': procedure({ access: 'session', input: empty, output: documentSettings }),
  'documents.saveSettings': procedure({ access: ['admin'], input: documentSettings, output: ok }),
  'agreements.list': procedure({ access: ['handlaggare'], input: z.object({ assignmentId: id }), output: z.array(versionRow(agreementData)) }),
  'agreements.save': procedure({ access: ['handlaggare'], input: z.object({ assignmentId: id, data: agreementData }), output: z.object({ version: z.number() }) }),
  'plans.list': procedure({ access: ['handlaggare'], input: z.object({ assignmentId: id }), output: z.array(versionRow(planData)) }),
  'plans.save': procedure({ access: ['handlaggare'], input: z.object({ assignmentId: id, data: planData }), output: z.object({ version: z.number() }) }),
  'followUps.list': procedure({ access: ['handlaggare'], input: z.object({ assignmentId: id.optional(), openOnly: z.boolean().default(true) }), output: z.array(followUpRow) }),
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
  'documents.preview': procedure({ access: ['handlaggare'], input: documentRef, output: z.object({ title: z.string(), html: z.string() }) }),
  'documents.createPdf': procedure({ access: ['handlaggare'], input: documentRef, output: z.object({ documentId: z.number() }) }),
  'documents.print': procedure({ access: ['handlaggare'], input: documentRef, output: z.object({ printed: z.boolean() }) }),
  'documents.archive': procedure({
    access: ['handlaggare'],
    input: z.object({ assignmentId: id.optional(), contactPersonId: id.optional() }),
    output: z.array(z.object({ id: z.number(), kind: z.enum(DOCUMENT_KINDS), title: z.string(), createdAt: z.string(), createdBy: z.string().nullable(), bytes: z.number() })),
  }),
  'documents.exportPdf': procedure({ access: ['handlaggare'], input: z.object({ documentId: id }), output: z.object({ savedTo: z.string().nullable() }) }),
} as const;
