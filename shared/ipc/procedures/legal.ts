import { z } from 'zod';
import { procedure } from '../define';
import { empty } from '../fields';
import { DEFAULT_LAW_PARAGRAPHS } from '../../legal/laws';

const paragraphs = z
  .array(z.string().trim().min(1, 'Ange paragrafen.').max(60, 'Paragrafen är för lång.'))
  .min(1, 'Ange minst en paragraf per lag.')
  .max(20);

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
    avbrottMonths: z
      .number({ error: 'Ange antal månader.' })
      .int('Ange hela månader.')
      .min(1, 'Minst 1 månad.')
      .max(12, 'Högst 12 månader.'),
    officeHoursStart: clock,
    officeHoursEnd: clock,
    bulkExportRows: z.number({ error: 'Ange antal rader.' }).int().min(1, 'Minst 1 rad.').max(100_000),
    logReviewMonths: z
      .number({ error: 'Ange antal månader.' })
      .int()
      .min(1, 'Minst 1 månad.')
      .max(12, 'Högst 12 månader.'),
  })
  .refine((v) => v.lssReferenceDay <= v.lssDeadlineDay, {
    path: ['lssDeadlineDay'],
    message: 'Sista dag kan inte vara före referensdagen.',
  })
  .refine((v) => v.officeHoursStart < v.officeHoursEnd, {
    path: ['officeHoursEnd'],
    message: 'Kontorstiden måste sluta efter att den börjar.',
  });

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

export const legalProcedures = {
  'legal.settings': procedure({ access: 'session', input: empty, output: legalSettings }),
  'legal.saveSettings': procedure({ access: ['admin'], input: legalSettings, output: legalSettings }),
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
} as const;
