import type { IvoReportLine } from '../../shared/ipc/procedures/reports';
import { esc, page } from './html';

interface Report {
  period: { start: string; end: string };
  lines: IvoReportLine[];
  summary: {
    total: number;
    byKind: Record<string, number>;
    byGender: { man: number; kvinna: number };
    byLegalBasis: Record<string, number>;
    byWait: { upTo6Months: number; upTo12Months: number; over12Months: number };
  };
}

/** The quarter's individrapporter (pseudonymous codes only) and the anonymous summary, as one printable document. */
export function ivoReportHtml(r: Report, unitName: string, printedAt: string): string {
  const rows = r.lines
    .map(
      (l) =>
        `<tr><td class="nowrap">${esc(l.code)}</td><td class="nowrap">${esc(l.legalReference)}</td><td class="nowrap">${esc(l.decisionDate)}</td><td>${esc(l.kindLabel)}</td><td class="nowrap">${esc(l.interruptionDate ?? '')}</td><td class="nowrap">${esc(l.closedDate ?? '')}</td><td class="num">${l.daysWaited}</td><td>${esc(l.offers.map((o) => `${o.date} ${o.outcome}`).join(', '))}</td><td>${esc(l.delayReason)}</td></tr>`,
    )
    .join('');
  const s = r.summary;
  const list = (o: Record<string, number>) =>
    Object.entries(o)
      .map(([k, n]) => `<tr><td>${esc(k)}</td><td class="num">${n}</td></tr>`)
      .join('');
  return page({
    title: `Ej verkställda beslut ${r.period.start} – ${r.period.end}`,
    unitName,
    date: printedAt,
    body: `<h1>Ej verkställda beslut och avbrott</h1>
<p>Rapportperiod ${esc(r.period.start)} – ${esc(r.period.end)}. Individerna anges med IVO:s kod, aldrig med namn eller personnummer.</p>
<table><thead><tr><th>Kod</th><th>Lagrum</th><th>Beslut</th><th>Typ</th><th>Avbrott</th><th>Verkställt/avslutat</th><th class="num">Dagar</th><th>Erbjudanden</th><th>Skäl</th></tr></thead><tbody>${rows || '<tr><td colspan="9">Inga beslut att rapportera.</td></tr>'}</tbody></table>
<h2>Sammanställning för kommunfullmäktige och revisorer</h2>
<table><tbody>
<tr><td>Totalt</td><td class="num">${s.total}</td></tr>
<tr><td>Kvinnor</td><td class="num">${s.byGender.kvinna}</td></tr>
<tr><td>Män</td><td class="num">${s.byGender.man}</td></tr>
${list(s.byKind)}${list(s.byLegalBasis)}
<tr><td>Väntat högst 6 månader</td><td class="num">${s.byWait.upTo6Months}</td></tr>
<tr><td>Väntat 6–12 månader</td><td class="num">${s.byWait.upTo12Months}</td></tr>
<tr><td>Väntat mer än 12 månader</td><td class="num">${s.byWait.over12Months}</td></tr>
</tbody></table>`,
  });
}
