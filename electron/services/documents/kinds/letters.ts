import { z } from 'zod';
import { legalReference } from '../../../../shared/legal/laws';
import { DomainError } from '../../../../shared/errors';
import { isoDate } from '../../../../shared/ipc/fields';
import { DOCUMENT_KIND_LABELS } from '../../../../shared/ipc/procedures/documents';
import { PERIODS } from '../../../../shared/ipc/procedures/decisions';
import { hours, meetingsPer } from '../../../../shared/plural';
import { approvalLetterHtml, endLetterHtml, offerLetterHtml } from '../../../documents/case-documents';
import { assignmentCase } from './context';
import { defineKind } from './define';

// Letters print facts from the register rather than a saved version; the schema checks those facts.
const REMEDY = 'Rätta uppgifterna i registret, eller kontakta systemförvaltaren.';

/** "Godkänd som kontaktperson": to the contact person, with the approval date. */
export const approvalLetterKind = defineKind({
  schema: z.object({ approvedDate: isoDate }),
  labels: { approvedDate: 'datum för godkännande' },
  read: async ({ ctx, ref }) => {
    if (!ref.contactPersonId) throw new DomainError('INVALID_INPUT', 'Ange kontaktperson.');
    const cp = await ctx.db
      .selectFrom('contact_persons')
      .select('queue_since')
      .where('id', '=', ref.contactPersonId)
      .executeTakeFirst();
    if (!cp) throw new DomainError('NOT_FOUND', 'Kontaktpersonen finns inte.');
    if (!cp.queue_since) throw new DomainError('RULE_VIOLATION', 'Personen har inte godkänts.');
    return { raw: { approvedDate: cp.queue_since }, what: 'Brevet om godkännande', remedy: REMEDY };
  },
  render: async ({ ctx, ref, common, party }, { approvedDate }) => {
    const cp = await ctx.db
      .selectFrom('contact_persons')
      .selectAll()
      .where('id', '=', ref.contactPersonId ?? 0)
      .executeTakeFirstOrThrow();
    const html = approvalLetterHtml({ ...common, to: party(cp, 'kontaktperson'), approvedDate });
    return { title: DOCUMENT_KIND_LABELS['brev-godkand'], html, assignmentId: null, contactPersonId: cp.id };
  },
});

/** "Erbjudande om uppdrag": to the contact person, with the decision's scope and law. */
export const offerLetterKind = defineKind({
  schema: z.object({
    meetingsPerPeriod: z.number().int().positive(),
    period: z.enum(PERIODS),
    hoursPerMonth: z.number().positive(),
  }),
  labels: {
    meetingsPerPeriod: 'beslutets antal träffar',
    period: 'beslutets period',
    hoursPerMonth: 'beslutets timmar per månad',
  },
  read: async (rc) => {
    const { d } = await assignmentCase(rc);
    const raw = { meetingsPerPeriod: d.meetings_per_period, period: d.period, hoursPerMonth: d.hours_per_month };
    return { raw, what: 'Brevet med erbjudande om uppdrag', remedy: REMEDY };
  },
  render: async (rc, f) => {
    const { a, d, client, cp } = await assignmentCase(rc);
    const meetings = `${meetingsPer(f.meetingsPerPeriod, f.period)}, cirka ${hours(f.hoursPerMonth)} per månad`;
    const html = offerLetterHtml({
      ...rc.common,
      to: rc.party(cp, 'kontaktperson'),
      clientFirstName: client.first_name,
      area: client.area,
      meetings,
      legalReference: legalReference(d.law, d.paragraph),
    });
    return { title: DOCUMENT_KIND_LABELS['brev-erbjudande'], html, assignmentId: a.id, contactPersonId: cp.id };
  },
});

/** "Uppdraget avslutas": to the contact person, with the end date and reason. */
export const endLetterKind = defineKind({
  schema: z.object({ endDate: isoDate, reason: z.string() }),
  labels: { endDate: 'uppdragets slutdatum', reason: 'skäl till avslut' },
  read: async (rc) => {
    const { a } = await assignmentCase(rc);
    if (!a.end_date) throw new DomainError('RULE_VIOLATION', 'Uppdraget är inte avslutat.');
    return {
      raw: { endDate: a.end_date, reason: a.end_reason ?? '' },
      what: 'Brevet om avslutat uppdrag',
      remedy: REMEDY,
    };
  },
  render: async (rc, f) => {
    const { a, d, client, cp } = await assignmentCase(rc);
    const html = endLetterHtml({
      ...rc.common,
      to: rc.party(cp, 'kontaktperson'),
      clientFirstName: client.first_name,
      endDate: f.endDate,
      reason: f.reason,
      legalReference: legalReference(d.law, d.paragraph),
    });
    return { title: DOCUMENT_KIND_LABELS['brev-avslut'], html, assignmentId: a.id, contactPersonId: cp.id };
  },
});
