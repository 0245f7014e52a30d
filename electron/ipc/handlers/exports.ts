import type { Handlers } from '../router';
import { DomainError } from '../../../shared/errors';
import { CP_STATUS_LABELS } from '../../../shared/contact-persons/status';
import { ASSIGNMENT_STATUS_LABELS } from '../../../shared/assignments/status';
import { audit } from '../../core/session';
import { xlsxTable } from '../../exports/xlsx';
import { contactPersonQueue, searchContactPersons } from '../../services/contact-persons/read';
import { searchClients } from '../../services/clients/read';
import { listAssignments } from '../../services/assignments/read';
import { listFollowUps } from '../../services/documents/follow-ups';
import { ivoReport } from '../../services/reports/ivo';
import { yearSummary } from '../../services/payouts/year-summary';

const kr = (ore: number | null) => (ore === null ? null : ore / 100);

/** Every list screen and report as .xlsx (written only where the user chooses; logged). */
export const exportHandlers: Pick<Handlers, 'export.xlsx'> = {
  'export.xlsx': async (core, input) => {
    const ctx = core.serviceContext();
    const isCase = ctx.actor.roles.includes('handlaggare');
    if (input.list !== 'arssammanstallning' && !isCase) throw new DomainError('FORBIDDEN', 'Du har inte behörighet för den här åtgärden.');
    let headers: string[];
    let rows: Array<Array<string | number | null>>;
    switch (input.list) {
      case 'kontaktpersoner': {
        const r = await searchContactPersons(ctx, { query: '', statuses: [], limit: 100_000 });
        headers = ['Namn', 'Personnummer', 'Status', 'Område', 'Ort', 'Telefon'];
        rows = r.rows.map((x) => [x.name, x.personnummerMasked, CP_STATUS_LABELS[x.status], x.area, x.city, x.phone]);
        break;
      }
      case 'ko': {
        const r = await contactPersonQueue(ctx, { area: '', interest: '', language: '', target: 'alla', sort: 'vantetid' });
        headers = ['Namn', 'I kön sedan', 'Dagar', 'Område', 'Språk', 'Intressen', 'Barn', 'Vuxna'];
        rows = r.map((x) => [x.name, x.queueSince, x.daysWaiting, x.area, x.languages.join(', '), x.interests.join(', '), x.prefersChildren ? 'ja' : 'nej', x.prefersAdults ? 'ja' : 'nej']);
        break;
      }
      case 'brukare': {
        const r = await searchClients(ctx, { query: '', waitingOnly: false });
        headers = ['Namn', 'Personnummer', 'Barn/vuxen', 'Område', 'Väntar sedan', 'Dagar'];
        rows = r.map((x) => [x.name, x.personnummerMasked, x.isChild ? 'Barn' : 'Vuxen', x.area, x.waitingSince, x.daysWaiting]);
        break;
      }
      case 'uppdrag': {
        const r = await listAssignments(ctx, { statuses: [] });
        headers = ['Brukare', 'Kontaktperson', 'Insats', 'Status', 'Erbjudet', 'Start', 'Slut', 'Skäl'];
        rows = r.map((x) => [x.clientName, x.contactPersonName, x.legalBasis, ASSIGNMENT_STATUS_LABELS[x.status], x.offeredDate, x.startDate, x.endDate, x.endReason]);
        break;
      }
      case 'uppfoljningar': {
        const r = await listFollowUps(ctx, { openOnly: false });
        headers = ['Planerad', 'Läge', 'Genomförd', 'Brukare', 'Kontaktperson', 'Deltagare', 'Resultat'];
        rows = r.map((x) => [x.plannedDate, x.state, x.doneDate, x.clientName, x.contactPersonName, x.participants, x.outcome]);
        break;
      }
      case 'ivo': {
        if (!input.quarter) throw new DomainError('INVALID_INPUT', 'Ange kvartal.');
        const r = await ivoReport(ctx, input.quarter);
        headers = ['Kod', 'Kön', 'Barn', 'Insats', 'Beslutsdatum', 'Typ', 'Avbrott från', 'Tremånadersgräns', 'Verkställt/avslutat', 'Dagar', 'Skäl till dröjsmål', 'Erbjudanden', 'Lagrum'];
        rows = r.lines.map((l) => [l.code, l.gender, l.isChild ? 'ja' : 'nej', l.legalBasis, l.decisionDate, l.kindLabel, l.interruptionDate, l.deadline, l.closedDate, l.daysWaited, l.delayReason, l.offers.map((o) => `${o.date} ${o.outcome}`).join(', '), l.legalReference]);
        break;
      }
      case 'arssammanstallning': {
        if (!input.year) throw new DomainError('INVALID_INPUT', 'Ange år.');
        const r = await yearSummary(ctx, input.year);
        headers = ['Kontaktperson', 'Personnummer', 'Månad', 'Arvode (kr)', 'Skatt (kr)', 'Omkostnad (kr)', 'AGI 011', 'AGI 131', 'AGI 001', 'AGI 020'];
        rows = r.flatMap((p) => p.months.map((m) => [p.name, p.personnummer, m.month, kr(m.arvodeOre), kr(m.taxOre), kr(m.omkostnadOre), m.agi011, m.agi131, m.agi001, m.agi020]));
        break;
      }
    }
    const name = `${input.list}${input.quarter ? `-${input.quarter.year}-K${input.quarter.q}` : ''}${input.year ? `-${input.year}` : ''}.xlsx`;
    const savedTo = await core.exportSink(name, await xlsxTable(input.list, headers, rows));
    if (savedTo) await audit(ctx, ctx.db, { action: 'export.xlsx', entityType: 'export', detail: `${input.list}, ${rows.length} rader` });
    return { savedTo, rows: rows.length };
  },
};
