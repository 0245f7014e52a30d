import { z } from 'zod';
import { procedure } from '../define';
import { empty, id, isoDate } from '../fields';
import { DEFAULT_LAW_PARAGRAPHS, LAWS, PERSONKRETSAR } from '../../legal/laws';
import { AGE_GROUPS } from '../../legal/participants';

const paragraphs = z.array(z.string().trim().min(1, 'Ange paragrafen.').max(60, 'Paragrafen är för lång.')).min(1, 'Ange minst en paragraf per lag.').max(20);
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Ange månad och dag som MM-DD.');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Ange klockslag som TT:MM.');

/**
 * Legal lists and reporting figures the unit edits (Inställningar → Lagrum och rapporter). Nothing here is
 * hard-coded in the rules: the dates come from SOSFS 2005:21 2 § (the LSS register concerns 1 October and is
 * due 25 October), the three months from IVO's rule for interruptions (28 f–h §§ LSS; 16 kap. 6 f § SoL 2001:453
 * and its counterpart in SoL 2025:400; ivo.se EVB), the review interval from the unit's own logging routine
 * (GDPR art. 32 and lag (2001:454) om behandling av personuppgifter inom socialtjänsten; municipal practice is
 * monthly, e.g. Tibro's "Logguppföljning ska ske varje månad").
 */
export const legalSettings = z
  .object({
    lawParagraphs: z.object({ 'LSS 1993:387': paragraphs, 'SoL 2001:453': paragraphs, 'SoL 2025:400': paragraphs }),
    lssReferenceDay: monthDay,
    lssDeadlineDay: monthDay,
    avbrottMonths: z.number({ error: 'Ange antal månader.' }).int('Ange hela månader.').min(1, 'Minst 1 månad.').max(12, 'Högst 12 månader.'),
    officeHoursStart: clock,
    officeHoursEnd: clock,
    bulkExportRows: z.number({ error: 'Ange antal rader.' }).int().min(1, 'Minst 1 rad.').max(100_000),
    logReviewMonths: z.number({ error: 'Ange antal månader.' }).int().min(1, 'Minst 1 månad.').max(12, 'Högst 12 månader.'),
  })
  .refine((v) => v.lssReferenceDay <= v.lssDeadlineDay, { path: ['lssDeadlineDay'], message: 'Sista dag kan inte vara före referensdagen.' })
  .refine((v) => v.officeHoursStart < v.officeHoursEnd, { path: ['officeHoursEnd'], message: 'Kontorstiden måste sluta efter att den börjar.' });
export type LegalSettings = z.infer<typeof legalSettings>;

export const LEGAL_SETTINGS_DEFAULTS: LegalSettings = {
  lawParagraphs: DEFAULT_LAW_PARAGRAPHS,
  lssReferenceDay: '10-01',
  lssDeadlineDay: '10-25',
  avbrottMonths: 3,
  officeHoursStart: '07:00',
  officeHoursEnd: '18:00',
  bulkExportRows: 50,
  logReviewMonths: 1,
};

export const lawField = z.enum(LAWS, { error: 'Välj lag.' });
export const personkretsField = z.enum(PERSONKRETSAR, { error: 'Välj personkrets 1, 2 eller 3.' });

export const setLawInput = z.object({ id, law: lawField, paragraph: z.string().trim().min(1, 'Välj paragraf.').max(60), personkrets: personkretsField.nullable().default(null) });

export const guessedLawRow = z.object({
  decisionId: z.number(),
  clientId: z.number(),
  clientName: z.string(),
  decisionDate: z.string(),
  legalBasis: z.string(),
  law: z.string(),
  paragraph: z.string(),
  personkrets: z.string().nullable(),
});


export const lssRegisterOutput = z.object({
  referenceDate: z.string(),
  deadline: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  issues: z.array(z.object({ decisionId: z.number(), clientId: z.number(), name: z.string(), severity: z.enum(['fel', 'kontrollera']), problem: z.string() })),
  counts: z.object({ persons: z.number(), byPersonkrets: z.record(z.string(), z.number()), withoutPersonkrets: z.number() }),
});

export const possibleAvbrottRow = z.object({
  assignmentId: z.number(),
  decisionId: z.number(),
  clientId: z.number(),
  clientName: z.string(),
  contactPersonName: z.string(),
  startDate: z.string(),
  lastMeetingDate: z.string().nullable(),
  silentSince: z.string(),
  silentMonths: z.array(z.string()),
});

export const LOG_REVIEW_CATEGORIES = ['skyddad_identitet', 'utanfor_kontorstid', 'massutdrag', 'misslyckade_inloggningar', 'betalningsuppgifter'] as const;
export const LOG_REVIEW_LABELS: Record<(typeof LOG_REVIEW_CATEGORIES)[number], string> = {
  skyddad_identitet: 'Läsningar av personer med skyddade personuppgifter',
  utanfor_kontorstid: 'Åtkomst utanför kontorstid',
  massutdrag: 'Exporter och utskrifter i mängd',
  misslyckade_inloggningar: 'Misslyckade inloggningar',
  betalningsuppgifter: 'Ändrade betalningsuppgifter',
};
const reviewEntry = z.object({ id: z.number(), at: z.string(), localTime: z.string(), username: z.string().nullable(), action: z.string(), entityType: z.string().nullable(), entityId: z.string().nullable(), detail: z.string().nullable() });
export const logReviewOutput = z.object({
  from: z.string(),
  to: z.string(),
  categories: z.array(z.object({ key: z.enum(LOG_REVIEW_CATEGORIES), label: z.string(), entries: z.array(reviewEntry) })),
  totalRows: z.number(),
  reviews: z.array(z.object({ id: z.number(), periodFrom: z.string(), periodTo: z.string(), reviewedAt: z.string(), reviewedBy: z.string(), note: z.string(), counts: z.record(z.string(), z.number()) })),
});
const period = z.object({ from: isoDate, to: isoDate }).refine((v) => v.from <= v.to, { path: ['to'], message: 'Slutdatum kan inte vara före startdatum.' });

const ok = z.object({ ok: z.literal(true) });

/** A participant in an insats utan individuell behovsprövning (SoL 2025:400): the minimum the nämnd decides. */
export const participantInput = z.object({
  name: z.string().trim().min(1, 'Ange förnamn eller kod.').max(60, 'Högst 60 tecken.'),
  ageGroup: z.enum(AGE_GROUPS, { error: 'Välj åldersgrupp.' }),
  area: z.string().trim().min(1, 'Ange område.').max(100),
  startDate: isoDate,
  meetingsPerPeriod: z.number().int().min(1, 'Minst en träff.').max(31).default(2),
  hoursPerMonth: z.number().int().min(1, 'Ange timmar per månad.').max(200).default(8),
});


export const legalProcedures = {
  'legal.settings': procedure({ access: 'session', input: empty, output: legalSettings }),
  'legal.saveSettings': procedure({ access: ['admin'], input: legalSettings, output: legalSettings }),
  'decisions.guessedLaws': procedure({ access: ['handlaggare'], input: empty, output: z.array(guessedLawRow) }),
  'decisions.setLaw': procedure({ access: ['handlaggare'], input: setLawInput, output: ok }),
  'reports.lssRegister': procedure({ access: ['handlaggare'], input: z.object({ referenceDate: isoDate }), output: lssRegisterOutput }),
  'reports.exportLssRegister': procedure({ access: ['handlaggare'], input: z.object({ referenceDate: isoDate, format: z.enum(['xlsx', 'csv']) }), output: z.object({ savedTo: z.string().nullable() }) }),
  'assignments.possibleAvbrott': procedure({ access: ['handlaggare'], input: empty, output: z.array(possibleAvbrottRow) }),
  'assignments.registerAvbrott': procedure({ access: ['handlaggare'], input: z.object({ assignmentId: id }), output: z.object({ fromDate: z.string() }) }),
  'legal.reminders': procedure({
    access: 'session',
    input: empty,
    output: z.object({
      lssRegister: z.object({ referenceDate: z.string(), deadline: z.string() }).nullable(),
      guessedLaws: z.number(),
      possibleAvbrott: z.number(),
      logReview: z.object({ lastReviewedAt: z.string().nullable() }).nullable(),
      /** Counted apart from clients with decisions (SoL 2025:400, no individual needs assessment). */
      participants: z.object({ registered: z.number(), activeAssignments: z.number() }),
    }),
  }),
  'participants.create': procedure({ access: ['handlaggare'], input: participantInput, output: z.object({ clientId: z.number(), decisionId: z.number() }) }),
  'audit.review': procedure({ access: ['admin'], input: period, output: logReviewOutput }),
  'audit.exportReview': procedure({ access: ['admin'], input: z.object({ from: isoDate, to: isoDate, format: z.enum(['xlsx', 'csv']) }), output: z.object({ savedTo: z.string().nullable() }) }),
  'audit.signOffReview': procedure({ access: ['admin'], input: z.object({ from: isoDate, to: isoDate, note: z.string().trim().max(2000).default('') }), output: ok }),
} as const;
