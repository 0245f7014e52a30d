import { legalReference } from '../../../../shared/legal/laws';
import { DomainError } from '../../../../shared/errors';
import { formatPersonnummer } from '../../../../shared/personnummer';
import { formatKronor } from '../../../../shared/money';
import { monthlyAmount } from '../../../../shared/compensation/amounts';
import { agreementData } from '../../../../shared/ipc/procedures/agreements';
import { DOCUMENT_KIND_LABELS } from '../../../../shared/ipc/procedures/documents';
import type { MergeValues } from '../../../../shared/documents/merge';
import { hours, meetingsPer } from '../../../../shared/plural';
import { agreementHtml } from '../../../documents/case-documents';
import { rateFor } from '../../payouts/settings';
import { assignmentCase } from './context';
import { readVersion, storedVersion } from './versions';
import { defineKind } from './define';

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
  if (o.cp.protected_identity !== 1 && !(o.cp.street && o.cp.city))
    gaps.push('kontaktpersonens adress (Kontaktpersoner → Ändra uppgifter)');
  if (!o.cp.phone) gaps.push('kontaktpersonens telefon (Kontaktpersoner → Ändra uppgifter)');
  if (o.client.protected_identity !== 1 && !(o.client.street && o.client.city))
    gaps.push('brukarens adress (Brukare och beslut → Ändra uppgifter)');
  if (!o.assignment.arvode_level) gaps.push('arvodesnivå (Ersättning och utbetalning → Nivåer)');
  if (!o.assignment.omkostnad_level) gaps.push('omkostnadsnivå (Ersättning och utbetalning → Nivåer)');
  return gaps;
}

/** The saved data of a version, and its fields' Swedish names for errors (also used when listing versions). */
export const agreementVersion = {
  data: agreementData,
  labels: {
    'data.startDate': 'startdatum',
    'data.endDate': 'slutdatum',
    'data.noticeWeeks': 'uppsägningstid',
    'data.meetingsPerPeriod': 'antal träffar',
    'data.period': 'period',
    'data.hoursPerMeeting': 'timmar per träff',
    'data.goals': 'mål',
  },
};

/** Uppdragsavtal: the saved agreement version merged into the unit's template. */
export const agreementKind = defineKind({
  schema: storedVersion(agreementVersion.data),
  labels: agreementVersion.labels,
  read: async (rc) => {
    const { a } = await assignmentCase(rc);
    return readVersion(rc, a.id, 'agreements');
  },
  render: async (rc, { version, createdAt, data }) => {
    const { ctx, docs, unit } = rc;
    const { a, d, client, cp } = await assignmentCase(rc);
    const cpParty = rc.party(cp, 'kontaktperson');
    const clientParty = rc.party(client, 'brukare');
    const rate = await rateFor(ctx.db, Number(data.startDate.slice(0, 4)));
    const level = (levels: typeof rate.arvodeLevels, code: string | null) => {
      const l = levels.find((x) => x.code === code);
      return l
        ? `${formatKronor(monthlyAmount(rate.prisbasbeloppOre, l.percentBp))} (${l.label}, prisbasbelopp ${rate.year})`
        : 'enligt nämndens beslut (nivå ej fastställd)';
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
      'avtal.version': `${version} (${createdAt.slice(0, 10)})`,
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
    if (rc.final && missing.length) {
      throw new DomainError(
        'RULE_VIOLATION',
        `Avtalet kan inte skapas eller skrivas ut förrän detta finns: ${missing.join('; ')}. Förhandsgranskningen visar var uppgifterna saknas.`,
      );
    }
    const html = agreementHtml({
      ...rc.common,
      diarienummer: d.diarienummer || undefined,
      template: docs.agreementTemplate,
      values,
      contactPerson: cpParty.name,
      missing,
    });
    return {
      title: `${DOCUMENT_KIND_LABELS.avtal} version ${version}`,
      html,
      assignmentId: a.id,
      contactPersonId: cp.id,
    };
  },
});
