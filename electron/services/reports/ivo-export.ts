import type { Quarter } from '../../../shared/ivo/report';
import { toLocalIsoDate } from '../../../shared/dates';
import type { ServiceContext } from '../../core/session';
import { ivoReportHtml } from '../../documents/ivo-report';
import { readSettings } from '../settings';
import { saveExport, type ExportOutputs } from '../save-export';
import { ivoCsv, ivoReport, ivoSummaryCsv } from './ivo';

export type IvoExportFormat = 'csv' | 'summary-csv' | 'pdf';

/** A quarter's IVO report as the line CSV, the summary CSV or a PDF, where the user chooses; logged once saved. */
export async function exportIvo(
  ctx: ServiceContext,
  out: ExportOutputs,
  input: Quarter & { format: IvoExportFormat },
): Promise<{ savedTo: string | null }> {
  const report = await ivoReport(ctx, input);
  const content =
    input.format === 'pdf'
      ? await out.pdf(ivoReportHtml(report, (await readSettings(ctx.db)).unitName, toLocalIsoDate(ctx.now())))
      : Buffer.from(input.format === 'csv' ? ivoCsv(report) : ivoSummaryCsv(report), 'utf8');
  const base = input.format === 'summary-csv' ? 'ivo-sammanstallning' : 'ivo-ej-verkstallda';
  const name = `${base}-${input.year}-K${input.q}.${input.format === 'pdf' ? 'pdf' : 'csv'}`;
  const event = { action: 'report.ivo.export', entityType: 'report', detail: `${name} (${report.lines.length} rader)` };
  return { savedTo: await saveExport(ctx, out.sink, { name, content }, event) };
}
