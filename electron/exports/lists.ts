import { DomainError } from '../../shared/errors';
import { CP_STATUS_LABELS, CP_STATUSES, type CpStatus } from '../../shared/contact-persons/status';
import { ASSIGNMENT_STATUS_LABELS, type AssignmentStatus } from '../../shared/assignments/status';
import type { ProcParsedInput } from '../../shared/ipc/contract';
import type { ServiceContext } from '../core/session';
import type { ExportSink } from '../core/export-sink';
import { saveExport } from '../services/save-export';
import { xlsxTable } from './xlsx';
import { contactPersonQueue, searchContactPersons } from '../services/contact-persons/read';
import { searchClients } from '../services/clients/read';
import { listAssignments } from '../services/assignments/read';
import { listFollowUps } from '../services/documents/follow-ups';
import { ivoReport, ivoTable } from '../services/reports/ivo';
import { yearSummary } from '../services/payouts/year-summary';

export type ExportListInput = ProcParsedInput<'export.xlsx'>;

const kr = (ore: number | null) => (ore === null ? null : ore / 100);

type Cell = string | number | null;
const collator = new Intl.Collator('sv', { numeric: true, sensitivity: 'base' });

/** The same order as the list on screen (renderer/components/sort.ts): empty cells last, Swedish collation. */
export function sortRows(
  headers: string[],
  rows: Cell[][],
  sort: { column: string; descending: boolean } | null | undefined,
): Cell[][] {
  if (!sort) return rows;
  const i = headers.indexOf(sort.column);
  if (i < 0) throw new DomainError('INVALID_INPUT', `Listan har ingen kolumn som heter ”${sort.column}”.`);
  const dir = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a[i];
    const y = b[i];
    if (x === null || x === '') return y === null || y === '' ? 0 : 1;
    if (y === null || y === '') return -1;
    return dir * (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y)));
  });
}

/** Rows whose text columns contain every word of the query (case-insensitive). */
function matches(query: string, ...texts: Array<string | null>): boolean {
  const hay = texts.filter(Boolean).join(' ').toLocaleLowerCase('sv');
  return query
    .toLocaleLowerCase('sv')
    .split(/[\s,]+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/** Every list screen and report as .xlsx, with the rows and order on screen (written only where the user chooses; logged). */
export async function exportListXlsx(
  ctx: ServiceContext,
  sink: ExportSink,
  input: ExportListInput,
): Promise<{ savedTo: string | null; rows: number }> {
  const isCase = ctx.actor.roles.includes('handlaggare');
  if (input.list !== 'arssammanstallning' && !isCase)
    throw new DomainError('FORBIDDEN', 'Du har inte behörighet för den här åtgärden.');
  const view = input.view ?? { query: '', statuses: [], waitingOnly: false, sort: null };
  let headers: string[];
  let rows: Cell[][];
  switch (input.list) {
    case 'kontaktpersoner': {
      const r = await searchContactPersons(ctx, {
        query: view.query,
        statuses: view.statuses.filter((s): s is CpStatus => (CP_STATUSES as readonly string[]).includes(s)),
        limit: 100_000,
      });
      headers = ['Namn', 'Personnummer', 'Status', 'Område', 'Ort', 'Telefon'];
      rows = r.rows.map((x) => [x.name, x.personnummerMasked, CP_STATUS_LABELS[x.status], x.area, x.city, x.phone]);
      break;
    }
    case 'ko': {
      const r = await contactPersonQueue(ctx, {
        area: '',
        interest: '',
        language: '',
        target: 'alla',
        sort: 'vantetid',
      });
      headers = ['Namn', 'I kön sedan', 'Dagar', 'Område', 'Språk', 'Intressen', 'Barn', 'Vuxna'];
      rows = r.map((x) => [
        x.name,
        x.queueSince,
        x.daysWaiting,
        x.area,
        x.languages.join(', '),
        x.interests.join(', '),
        x.prefersChildren ? 'ja' : 'nej',
        x.prefersAdults ? 'ja' : 'nej',
      ]);
      break;
    }
    case 'brukare': {
      const r = await searchClients(ctx, { query: view.query, waitingOnly: view.waitingOnly });
      headers = ['Namn', 'Personnummer', 'Barn/vuxen', 'Område', 'Väntar sedan', 'Dagar'];
      rows = r.map((x) => [
        x.name,
        x.personnummerMasked,
        x.isChild ? 'Barn' : 'Vuxen',
        x.area,
        x.waitingSince,
        x.daysWaiting,
      ]);
      break;
    }
    case 'uppdrag': {
      const r = (
        await listAssignments(ctx, {
          statuses: view.statuses.filter((s): s is AssignmentStatus => s in ASSIGNMENT_STATUS_LABELS),
        })
      ).filter((x) => matches(view.query, x.clientName, x.contactPersonName, x.legalBasis));
      headers = ['Brukare', 'Kontaktperson', 'Insats', 'Status', 'Erbjudet', 'Start', 'Slut', 'Skäl'];
      rows = r.map((x) => [
        x.clientName,
        x.contactPersonName,
        x.legalBasis,
        ASSIGNMENT_STATUS_LABELS[x.status],
        x.offeredDate,
        x.startDate,
        x.endDate,
        x.endReason,
      ]);
      break;
    }
    case 'uppfoljningar': {
      const r = (await listFollowUps(ctx, { openOnly: view.statuses.includes('open') })).filter((x) =>
        matches(view.query, x.clientName, x.contactPersonName),
      );
      headers = ['Planerad', 'Läge', 'Genomförd', 'Brukare', 'Kontaktperson', 'Deltagare', 'Resultat'];
      rows = r.map((x) => [
        x.plannedDate,
        x.state,
        x.doneDate,
        x.clientName,
        x.contactPersonName,
        x.participants,
        x.outcome,
      ]);
      break;
    }
    case 'ivo': {
      if (!input.quarter) throw new DomainError('INVALID_INPUT', 'Ange kvartal.');
      ({ headers, rows } = ivoTable(await ivoReport(ctx, input.quarter)));
      break;
    }
    case 'arssammanstallning': {
      if (!input.year) throw new DomainError('INVALID_INPUT', 'Ange år.');
      const r = await yearSummary(ctx, input.year);
      headers = [
        'Kontaktperson',
        'Personnummer',
        'Månad',
        'Arvode (kr)',
        'Skatt (kr)',
        'Omkostnad (kr)',
        'AGI 011',
        'AGI 131',
        'AGI 001',
        'AGI 020',
      ];
      rows = r.flatMap((p) =>
        p.months.map((m) => [
          p.name,
          p.personnummer,
          m.month,
          kr(m.arvodeOre),
          kr(m.taxOre),
          kr(m.omkostnadOre),
          m.agi011,
          m.agi131,
          m.agi001,
          m.agi020,
        ]),
      );
      break;
    }
  }
  rows = sortRows(headers, rows, view.sort);
  const name = `${input.list}${input.quarter ? `-${input.quarter.year}-K${input.quarter.q}` : ''}${input.year ? `-${input.year}` : ''}.xlsx`;
  const file = { name, content: await xlsxTable(input.list, headers, rows) };
  const savedTo = await saveExport(ctx, sink, file, {
    action: 'export.xlsx',
    entityType: 'export',
    detail: `${input.list}, ${rows.length} rader`,
  });
  return { savedTo, rows: rows.length };
}
