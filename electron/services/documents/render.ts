import { DomainError } from '../../../shared/errors';
import { formatPersonnummer } from '../../../shared/personnummer';
import { formatKronor } from '../../../shared/money';
import { toLocalIsoDate } from '../../../shared/dates';
import { monthlyAmount } from '../../../shared/compensation/amounts';
import { DOCUMENT_KIND_LABELS, type AgreementData, type DocumentKind, type PlanData } from '../../../shared/ipc/procedures/documents';
import type { MergeValues } from '../../../shared/documents/merge';
import { audit, type ServiceContext } from '../../core/session';
import { readSettings } from '../settings';
import { readDocumentSettings } from './settings';
import { agreementHtml, approvalLetterHtml, endLetterHtml, offerLetterHtml, planHtml, type Party } from '../../documents/case-documents';
import { rateFor } from '../payouts/settings';

export interface DocumentRef {
  kind: DocumentKind;
  assignmentId?: number;
  contactPersonId?: number;
  version?: number;
  revealReason: string;
}

const HIDDEN = 'Skyddad adress – lämnas inte ut';
const HIDDEN_PHONE = 'Skyddat telefonnummer – lämnas inte ut';
const address = (r: { street: string; postal_code: string; city: string }) => [r.street, `${r.postal_code.replace(/^(\d{3})(\d{2})$/, '$1 $2')} ${r.city}`.trim()].filter(Boolean).join(', ');

/**
 * Builds a document's HTML from the database. A protected person's address is left out unless the
 * user gives a reason, which is logged with the document.
 */
export async function renderDocument(ctx: ServiceContext, ref: DocumentRef): Promise<{ title: string; html: string; assignmentId: number | null; contactPersonId: number | null }> {
  const unit = await readSettings(ctx.db);
  const docs = await readDocumentSettings(ctx.db);
  const today = toLocalIsoDate(ctx.now());
  const revealed: string[] = [];
  const party = (r: { first_name: string; last_name: string; street: string; postal_code: string; city: string; phone: string; protected_identity: number }, who: string): Party => {
    const hidden = r.protected_identity === 1 && !ref.revealReason;
    if (r.protected_identity === 1 && ref.revealReason) revealed.push(who);
    return { name: `${r.first_name} ${r.last_name}`, address: hidden ? HIDDEN : address(r), phone: hidden ? HIDDEN_PHONE : r.phone };
  };
  const common = { unitName: unit.unitName, logo: docs.logoDataUrl, unitAddress: docs.unitAddress, date: today, signer: ctx.actor.displayName };
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
      const meetings = `${d.meetings_per_period} träffar per ${d.period === 'vecka' ? 'vecka' : 'månad'}, cirka ${d.hours_per_month} timmar per månad`;
      out = { ...base, title: DOCUMENT_KIND_LABELS[ref.kind], html: offerLetterHtml({ ...common, to: cpParty, clientFirstName: client.first_name, area: client.area, meetings }) };
    } else if (ref.kind === 'brev-avslut') {
      if (!a.end_date) throw new DomainError('RULE_VIOLATION', 'Uppdraget är inte avslutat.');
      out = { ...base, title: DOCUMENT_KIND_LABELS[ref.kind], html: endLetterHtml({ ...common, to: cpParty, clientFirstName: client.first_name, endDate: a.end_date, reason: a.end_reason ?? '' }) };
    } else {
      const table = ref.kind === 'avtal' ? 'agreements' : 'implementation_plans';
      let q = ctx.db.selectFrom(table).select(['version', 'data', 'created_at']).where('assignment_id', '=', a.id);
      q = ref.version ? q.where('version', '=', ref.version) : q.orderBy('version', 'desc');
      const v = await q.executeTakeFirst();
      if (!v) throw new DomainError('NOT_FOUND', ref.kind === 'avtal' ? 'Inget avtal är skrivet för uppdraget.' : 'Ingen genomförandeplan är skriven för uppdraget.');
      const clientParty = party(client, 'brukare');
      if (ref.kind === 'genomforandeplan') {
        out = { ...base, title: `${DOCUMENT_KIND_LABELS[ref.kind]} version ${v.version}`, html: planHtml({ ...common, version: v.version, client: clientParty.name, contactPerson: cpParty.name, legalBasis: d.legal_basis, plan: JSON.parse(v.data) as PlanData }) };
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
          'beslut.lagrum': d.legal_basis,
          'beslut.datum': d.decision_date,
          'avtal.version': `${v.version} (${v.created_at.slice(0, 10)})`,
          'avtal.startdatum': data.startDate,
          'avtal.giltighet': data.endDate ? `till och med ${data.endDate}` : 'tills vidare',
          'avtal.uppsagningstid': `${data.noticeWeeks} veckors`,
          'avtal.traffar': `${data.meetingsPerPeriod} träffar per ${data.period === 'vecka' ? 'vecka' : 'månad'}, cirka ${String(data.hoursPerMeeting).replace('.', ',')} timmar per träff`,
          'avtal.mal': data.goals.replace(/([^.!?])$/, '$1.'),
          'avtal.arvode': level(rate.arvodeLevels, a.arvode_level),
          'avtal.omkostnad': level(rate.omkostnadLevels, a.omkostnad_level),
          'avtal.forsakring': docs.insuranceNote,
        };
        out = { ...base, title: `${DOCUMENT_KIND_LABELS[ref.kind]} version ${v.version}`, html: agreementHtml({ ...common, template: docs.agreementTemplate, values, contactPerson: cpParty.name }) };
      }
    }
  }
  if (revealed.length) await audit(ctx, ctx.db, { action: 'document.address.reveal', entityType: out.contactPersonId ? 'contact_person' : 'client', entityId: out.contactPersonId ?? out.assignmentId, detail: `${out.title}: ${revealed.join(', ')} – ${ref.revealReason}` });
  return out;
}
