import { legalReference } from '../../../shared/legal/laws';
import { DomainError } from '../../../shared/errors';
import { formatPersonnummer } from '../../../shared/personnummer';
import { formatKronor } from '../../../shared/money';
import { toLocalIsoDate } from '../../../shared/dates';
import { monthlyAmount } from '../../../shared/compensation/amounts';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../../../shared/ipc/procedures/documents';
import { type AgreementData } from '../../../shared/ipc/procedures/agreements';
import { type PlanData } from '../../../shared/ipc/procedures/plans';
import type { MergeValues } from '../../../shared/documents/merge';
import { audit, type ServiceContext } from '../../core/session';
import { readSettings } from '../settings';
import { readDocumentSettings } from './settings';
import { agreementHtml, approvalLetterHtml, endLetterHtml, offerLetterHtml, planHtml, type Party } from '../../documents/case-documents';
import { rateFor } from '../payouts/settings';
import { hours, meetingsPer } from '../../../shared/plural';

export interface DocumentRef {
  kind: DocumentKind;
  assignmentId?: number;
  contactPersonId?: number;
  version?: number;
  revealReason: string;
}

const HIDDEN = 'Skyddad adress – lämnas inte ut';
const HIDDEN_PHONE = 'Skyddat telefonnummer – lämnas inte ut';

/**
 * What an agreement needs before it can be signed, in the officer's words with where to fill it in.
 * A protected address is not missing: it is left out on purpose.
 */
function agreementGaps(o: {
  docs: { municipality: string; unitAddress: string; unitPhone: string };
  cp: { street: string; city: string; phone: string; protected_identity: number };
  client: { street: string; city: string; protected_identity: number };
  decision: { diarienummer: string | null };
  assignment: { arvode_level: string | null; omkostnad_level: string | null };
}): string[] {
  const gaps: string[] = [];
  const settings = 'Inställningar → Dokument och avtalsmall';
  if (!o.docs.municipality) gaps.push(`kommunens namn (${settings})`);
  if (!o.docs.unitAddress) gaps.push(`enhetens adress (${settings})`);
  if (!o.docs.unitPhone) gaps.push(`enhetens telefon (${settings})`);
  if (!o.decision.diarienummer) gaps.push('beslutets diarienummer (Brukare och beslut)');
  if (o.cp.protected_identity !== 1 && !(o.cp.street && o.cp.city)) gaps.push('kontaktpersonens adress (Kontaktpersoner → Ändra uppgifter)');
  if (!o.cp.phone) gaps.push('kontaktpersonens telefon (Kontaktpersoner → Ändra uppgifter)');
  if (o.client.protected_identity !== 1 && !(o.client.street && o.client.city)) gaps.push('brukarens adress (Brukare och beslut → Ändra uppgifter)');
  if (!o.assignment.arvode_level) gaps.push('arvodesnivå (Ersättning och utbetalning → Nivåer)');
  if (!o.assignment.omkostnad_level) gaps.push('omkostnadsnivå (Ersättning och utbetalning → Nivåer)');
  return gaps;
}
const address = (r: { street: string; postal_code: string; city: string }) => [r.street, `${r.postal_code.replace(/^(\d{3})(\d{2})$/, '$1 $2')} ${r.city}`.trim()].filter(Boolean).join(', ');

/**
 * Builds a document's HTML from the database. A protected person's address is left out unless the
 * user gives a reason, which is logged with the document.
 */
export async function renderDocument(ctx: ServiceContext, ref: DocumentRef, opts: { final?: boolean } = {}): Promise<{ title: string; html: string; assignmentId: number | null; contactPersonId: number | null }> {
  const unit = await readSettings(ctx.db);
  const docs = await readDocumentSettings(ctx.db);
  const today = toLocalIsoDate(ctx.now());
  const revealed: string[] = [];
  const party = (r: { first_name: string; last_name: string; street: string; postal_code: string; city: string; phone: string; protected_identity: number }, who: string): Party => {
    const hidden = r.protected_identity === 1 && !ref.revealReason;
    if (r.protected_identity === 1 && ref.revealReason) revealed.push(who);
    return { name: `${r.first_name} ${r.last_name}`, address: hidden ? HIDDEN : address(r), phone: hidden ? HIDDEN_PHONE : r.phone };
  };
  const common = { unitName: unit.unitName, municipality: docs.municipality, logo: docs.logoDataUrl, unitAddress: docs.unitAddress, date: today, signer: ctx.actor.displayName };
  if (ref.revealReason && ref.revealReason.length < 5) throw new DomainError('INVALID_INPUT', 'Ange skälet till att adressen skrivs ut (minst 5 tecken).', { fields: { revealReason: 'Minst 5 tecken.' } });

  let out: { title: string; html: string; assignmentId: number | null; contactPersonId: number | null };
  if (ref.kind === 'brev-godkand') {
    if (!ref.contactPersonId) throw new DomainError('INVALID_INPUT', 'Ange kontaktperson.');
    const cp = await ctx.db.selectFrom('contact_persons').selectAll().where('id', '=', ref.contactPersonId).executeTakeFirst();
    if (!cp) throw new DomainError('NOT_FOUND', 'Kontaktpersonen finns inte.');
    if (!cp.queue_since) throw new DomainError('RULE_VIOLATION', 'Personen har inte godkänts.');
    out = { title: DOCUMENT_KIND_LABELS[ref.kind], html: approvalLetterHtml({ ...common, to: party(cp, 'kontaktperson'), approvedDate: cp.queue_since }), assignmentId: null, contactPersonId: cp.id };
  } else {
    if (!ref.assignmentId) throw new DomainError('INVALID_INPUT', 'Ange uppdrag.');
    const a = await ctx.db.selectFrom('assignments').selectAll().where('id', '=', ref.assignmentId).executeTakeFirst();
    if (!a) throw new DomainError('NOT_FOUND', 'Uppdraget finns inte.');
    const d = await ctx.db.selectFrom('decisions').selectAll().where('id', '=', a.decision_id).executeTakeFirstOrThrow();
    const client = await ctx.db.selectFrom('clients').selectAll().where('id', '=', d.client_id).executeTakeFirstOrThrow();
    const cp = await ctx.db.selectFrom('contact_persons').selectAll().where('id', '=', a.contact_person_id).executeTakeFirstOrThrow();
    const cpParty = party(cp, 'kontaktperson');
    const base = { assignmentId: a.id, contactPersonId: cp.id };
    if (ref.kind === 'brev-erbjudande') {
      const meetings = `${meetingsPer(d.meetings_per_period, d.period)}, cirka ${hours(d.hours_per_month)} per månad`;
      out = { ...base, title: DOCUMENT_KIND_LABELS[ref.kind], html: offerLetterHtml({ ...common, to: cpParty, clientFirstName: client.first_name, area: client.area, meetings, legalReference: legalReference(d.law, d.paragraph) }) };
    } else if (ref.kind === 'brev-avslut') {
      if (!a.end_date) throw new DomainError('RULE_VIOLATION', 'Uppdraget är inte avslutat.');
      out = { ...base, title: DOCUMENT_KIND_LABELS[ref.kind], html: endLetterHtml({ ...common, to: cpParty, clientFirstName: client.first_name, endDate: a.end_date, reason: a.end_reason ?? '', legalReference: legalReference(d.law, d.paragraph) }) };
    } else {
      const table = ref.kind === 'avtal' ? 'agreements' : 'implementation_plans';
      let q = ctx.db.selectFrom(table).select(['version', 'data', 'created_at']).where('assignment_id', '=', a.id);
      q = ref.version ? q.where('version', '=', ref.version) : q.orderBy('version', 'desc');
      const v = await q.executeTakeFirst();
      if (!v) throw new DomainError('NOT_FOUND', ref.kind === 'avtal' ? 'Inget avtal är skrivet för uppdraget.' : 'Ingen genomförandeplan är skriven för uppdraget.');
      const clientParty = party(client, 'brukare');
      if (ref.kind === 'genomforandeplan') {
        out = { ...base, title: `${DOCUMENT_KIND_LABELS[ref.kind]} version ${v.version}`, html: planHtml({ ...common, version: v.version, client: clientParty.name, contactPerson: cpParty.name, legalBasis: legalReference(d.law, d.paragraph), plan: JSON.parse(v.data) as PlanData }) };
      } else {
        const data = JSON.parse(v.data) as AgreementData;
        const rate = await rateFor(ctx.db, Number(data.startDate.slice(0, 4)));
        const level = (levels: typeof rate.arvodeLevels, code: string | null) => {
          const l = levels.find((x) => x.code === code);
          return l ? `${formatKronor(monthlyAmount(rate.prisbasbeloppOre, l.percentBp))} (${l.label}, prisbasbelopp ${rate.year})` : 'enligt nämndens beslut (nivå ej fastställd)';
        };
        const values: MergeValues = {
          'enhet.namn': unit.unitName,
          'enhet.adress': docs.unitAddress || '–',
          'enhet.telefon': docs.unitPhone || '–',
          'kontaktperson.namn': cpParty.name,
          'kontaktperson.personnummer': formatPersonnummer(cp.personnummer),
          'kontaktperson.adress': cpParty.address,
          'kontaktperson.telefon': cpParty.phone || '–',
          'brukare.namn': clientParty.name,
          'brukare.adress': clientParty.address,
          'brukare.telefon': clientParty.phone || '–',
          'beslut.lagrum': legalReference(d.law, d.paragraph),
          'beslut.datum': d.decision_date,
          'avtal.version': `${v.version} (${v.created_at.slice(0, 10)})`,
          'avtal.startdatum': data.startDate,
          'avtal.giltighet': data.endDate ? `till och med ${data.endDate}` : 'tills vidare',
          'avtal.uppsagningstid': `${data.noticeWeeks} veckors`,
          'avtal.traffar': `${meetingsPer(data.meetingsPerPeriod, data.period)}, cirka ${hours(data.hoursPerMeeting)} per träff`,
          'avtal.mal': data.goals.replace(/([^.!?])$/, '$1.'),
          'avtal.arvode': level(rate.arvodeLevels, a.arvode_level),
          'avtal.omkostnad': level(rate.omkostnadLevels, a.omkostnad_level),
          'avtal.forsakring': docs.insuranceNote,
        };
        const missing = agreementGaps({ docs, cp, client, decision: d, assignment: a });
        if (opts.final && missing.length) {
          throw new DomainError('RULE_VIOLATION', `Avtalet kan inte skapas eller skrivas ut förrän detta finns: ${missing.join('; ')}. Förhandsgranskningen visar var uppgifterna saknas.`);
        }
        out = { ...base, title: `${DOCUMENT_KIND_LABELS[ref.kind]} version ${v.version}`, html: agreementHtml({ ...common, diarienummer: d.diarienummer || undefined, template: docs.agreementTemplate, values, contactPerson: cpParty.name, missing }) };
      }
    }
  }
  if (revealed.length) await audit(ctx, ctx.db, { action: 'document.address.reveal', entityType: out.contactPersonId ? 'contact_person' : 'client', entityId: out.contactPersonId ?? out.assignmentId, detail: `${out.title}: ${revealed.join(', ')} – ${ref.revealReason}` });
  return out;
}
