import { lssDates, lssRegister, type LssDecisionFacts } from '../../../shared/legal/lss-register';
import { audit, type ServiceContext } from '../../core/session';
import { toCsv } from '../../exports/csv';
import { xlsxTable } from '../../exports/xlsx';
import { legalSettingsStore } from './settings';
import type { ExportSink } from '../../core/export-sink';
import { saveExport } from '../save-export';

/** Every LSS decision taken by the reference date, with what the register rule needs. */
async function loadFacts(ctx: ServiceContext, referenceDate: string): Promise<LssDecisionFacts[]> {
  const decisions = await ctx.db
    .selectFrom('decisions')
    .innerJoin('clients', 'clients.id', 'decisions.client_id')
    .select([
      'decisions.id',
      'decisions.client_id',
      'decisions.law',
      'decisions.law_guessed',
      'decisions.personkrets',
      'decisions.decision_date',
      'decisions.executed_date',
      'decisions.ended_date',
      'clients.personnummer',
      'clients.first_name',
      'clients.last_name',
    ])
    .where((eb) => eb.or([eb('decisions.law', '=', 'LSS 1993:387'), eb('decisions.law_guessed', '=', 1)]))
    .where('decisions.decision_date', '<=', referenceDate)
    .orderBy('decisions.id')
    .execute();
  const interruptions = await ctx.db
    .selectFrom('decision_interruptions')
    .innerJoin('decisions', 'decisions.id', 'decision_interruptions.decision_id')
    .select([
      'decision_interruptions.decision_id',
      'decision_interruptions.from_date',
      'decision_interruptions.resumed_date',
    ])
    .where('decisions.law', '=', 'LSS 1993:387')
    .execute();
  const assignments = await ctx.db
    .selectFrom('assignments')
    .innerJoin('decisions', 'decisions.id', 'assignments.decision_id')
    .select(['assignments.decision_id', 'assignments.start_date', 'assignments.end_date'])
    .where('decisions.law', '=', 'LSS 1993:387')
    .where('assignments.start_date', 'is not', null)
    .execute();
  return decisions.map((d) => ({
    decisionId: d.id,
    clientId: d.client_id,
    name: `${d.first_name} ${d.last_name}`,
    personnummer: d.personnummer,
    law: d.law,
    lawGuessed: d.law_guessed === 1,
    personkrets: d.personkrets,
    decisionDate: d.decision_date,
    executedDate: d.executed_date,
    endedDate: d.ended_date,
    interruptions: interruptions
      .filter((i) => i.decision_id === d.id)
      .map((i) => ({ fromDate: i.from_date, resumedDate: i.resumed_date })),
    assignments: assignments
      .filter((a) => a.decision_id === d.id)
      .map((a) => ({ startDate: a.start_date, endDate: a.end_date })),
  }));
}

/** The yearly LSS register for a reference date, with the pre-check. Reads personnummer: logged. */
export async function lssRegisterReport(ctx: ServiceContext, referenceDate: string) {
  const settings = await legalSettingsStore.read(ctx.db);
  const report = lssRegister(await loadFacts(ctx, referenceDate), referenceDate);
  await audit(ctx, ctx.db, {
    action: 'report.lss',
    entityType: 'report',
    detail: `${referenceDate}: ${report.rows.length} rader`,
  });
  return { referenceDate, deadline: lssDates(Number(referenceDate.slice(0, 4)), settings).deadline, ...report };
}

/** The register as xlsx or CSV where the user chooses; logged once saved. */
export async function exportLssRegister(
  ctx: ServiceContext,
  sink: ExportSink,
  referenceDate: string,
  format: 'xlsx' | 'csv',
): Promise<{ savedTo: string | null }> {
  const r = await lssRegisterReport(ctx, referenceDate);
  const name = `lss-register-${referenceDate}.${format}`;
  const content =
    format === 'csv'
      ? Buffer.from(toCsv([r.columns, ...r.rows]), 'utf8')
      : await xlsxTable(`LSS ${referenceDate}`, r.columns, r.rows);
  const event = { action: 'report.lss.export', entityType: 'report', detail: `${name} (${r.rows.length} rader)` };
  return { savedTo: await saveExport(ctx, sink, { name, content }, event) };
}
