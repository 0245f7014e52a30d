import { ageOn } from '../../../shared/personnummer';
import { IVO_KIND_LABELS, ivoCode, ivoLines, quarterRange, type IvoDecision, type Quarter } from '../../../shared/ivo/report';
import type { IvoReportLine } from '../../../shared/ipc/procedures/reports';
import { audit, type ServiceContext } from '../../core/session';

/** The quarter's IVO individrapporter (pseudonymous) and the anonymous summary for kommunfullmäktige. */
export async function ivoReport(ctx: ServiceContext, quarter: Quarter) {
  const period = quarterRange(quarter);
  const decisions = await ctx.db
    .selectFrom('decisions')
    .innerJoin('clients', 'clients.id', 'decisions.client_id')
    .select(['decisions.id', 'decisions.decision_date', 'decisions.executed_date', 'decisions.ended_date', 'decisions.legal_basis', 'decisions.delay_reason', 'decisions.interim_support', 'clients.birth_date', 'clients.gender', 'clients.ivo_suffix'])
    .where('decisions.decision_date', '<=', period.end)
    .execute();
  const ids = decisions.map((d) => d.id);
  const interruptions = ids.length ? await ctx.db.selectFrom('decision_interruptions').selectAll().where('decision_id', 'in', ids).execute() : [];
  // Offers to the client are the presentation meetings; their outcome is the client's answer.
  const offers = ids.length
    ? await ctx.db
        .selectFrom('assignment_events')
        .innerJoin('assignments', 'assignments.id', 'assignment_events.assignment_id')
        .select(['assignments.decision_id', 'assignment_events.date', 'assignment_events.action'])
        .where('assignments.decision_id', 'in', ids)
        .where('assignment_events.action', 'in', ['clientAccept', 'clientDecline'])
        .where('assignment_events.date', '<=', period.end)
        .orderBy('assignment_events.date')
        .execute()
    : [];

  const input: IvoDecision[] = decisions.map((d) => ({
    id: d.id,
    decisionDate: d.decision_date,
    executedDate: d.executed_date,
    endedDate: d.ended_date,
    interruptions: interruptions.filter((i) => i.decision_id === d.id).map((i) => ({ id: i.id, fromDate: i.from_date, resumedDate: i.resumed_date })),
  }));
  const byId = new Map(decisions.map((d) => [d.id, d]));
  const lines: IvoReportLine[] = ivoLines(input, quarter).map((l) => {
    const d = byId.get(l.decisionId)!;
    return {
      decisionId: d.id,
      code: ivoCode(d.birth_date, d.gender as 'man' | 'kvinna', d.ivo_suffix),
      gender: d.gender as 'man' | 'kvinna',
      isChild: ageOn(d.birth_date, period.end) < 18,
      legalBasis: d.legal_basis,
      decisionDate: d.decision_date,
      kind: l.kind,
      kindLabel: IVO_KIND_LABELS[l.kind],
      interruptionDate: l.interruptionId ? l.fromDate : null,
      deadline: l.deadline,
      closedDate: l.closedDate,
      daysWaited: l.daysWaited,
      delayReason: d.delay_reason,
      interimSupport: d.interim_support,
      offers: offers.filter((o) => o.decision_id === d.id).map((o) => ({ date: o.date, outcome: o.action === 'clientAccept' ? 'tackade ja' : 'tackade nej' })),
    };
  });
  const count = <K extends string>(keys: K[]) => keys.reduce<Record<string, number>>((acc, k) => ((acc[k] = (acc[k] ?? 0) + 1), acc), {});
  const summary = {
    total: lines.length,
    byKind: count(lines.map((l) => l.kindLabel)),
    byGender: { man: lines.filter((l) => l.gender === 'man').length, kvinna: lines.filter((l) => l.gender === 'kvinna').length },
    byLegalBasis: count(lines.map((l) => l.legalBasis)),
    byWait: {
      upTo6Months: lines.filter((l) => l.daysWaited <= 183).length,
      upTo12Months: lines.filter((l) => l.daysWaited > 183 && l.daysWaited <= 365).length,
      over12Months: lines.filter((l) => l.daysWaited > 365).length,
    },
  };
  await audit(ctx, ctx.db, { action: 'report.ivo', entityType: 'report', detail: `${quarter.year} K${quarter.q}: ${lines.length} rader` });
  return { period, lines, summary };
}

function csv(rows: Array<Array<string | number | null>>): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[";\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  // Semicolon and BOM: what Swedish Excel opens correctly.
  return `\uFEFF${rows.map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}

export function ivoCsv(report: Awaited<ReturnType<typeof ivoReport>>): string {
  return csv([
    ['Kod', 'Kön', 'Barn', 'Insats', 'Beslutsdatum', 'Typ', 'Avbrott från', 'Tremånadersgräns', 'Verkställt/avslutat', 'Dagar', 'Skäl till dröjsmål', 'Annat stöd under väntetiden', 'Erbjudanden'],
    ...report.lines.map((l) => [
      l.code,
      l.gender,
      l.isChild ? 'ja' : 'nej',
      l.legalBasis,
      l.decisionDate,
      l.kindLabel,
      l.interruptionDate,
      l.deadline,
      l.closedDate,
      l.daysWaited,
      l.delayReason,
      l.interimSupport,
      l.offers.map((o) => `${o.date} ${o.outcome}`).join(', '),
    ]),
  ]);
}

export function ivoSummaryCsv(report: Awaited<ReturnType<typeof ivoReport>>): string {
  const s = report.summary;
  return csv([
    ['Ej verkställda beslut och avbrott', `${report.period.start} – ${report.period.end}`],
    ['Totalt', s.total],
    ['Kvinnor', s.byGender.kvinna],
    ['Män', s.byGender.man],
    ...Object.entries(s.byKind).map(([k, n]) => [k, n]),
    ...Object.entries(s.byLegalBasis).map(([k, n]) => [`Insats: ${k}`, n]),
    ['Väntat högst 6 månader', s.byWait.upTo6Months],
    ['Väntat 6–12 månader', s.byWait.upTo12Months],
    ['Väntat mer än 12 månader', s.byWait.over12Months],
  ]);
}
