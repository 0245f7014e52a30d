import { legalReferenceShort } from '../../../shared/legal/laws';
import { ageOn } from '../../../shared/personnummer';
import {
  IVO_KIND_LABELS,
  ivoCode,
  ivoLines,
  quarterRange,
  type IvoDecision,
  type Quarter,
} from '../../../shared/ivo/report';
import type { IvoReportLine } from '../../../shared/ipc/procedures/reports';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { audit, type ServiceContext } from '../../core/session';
import { toCsv } from '../../exports/csv';

/**
 * Every decision taken by `until`, with its interruptions, as the IVO rule reads them. Joined rather
 * than listed by id, so it scales past SQLite's limit on bound variables.
 */
export async function loadIvoDecisions(db: Kysely<DB>, until: string): Promise<IvoDecision[]> {
  // Participants in an insats without individual needs assessment (SoL 2025:400) have no gynnande beslut to
  // report: IVO's duty covers decisions after a needs assessment (28 f § LSS; 16 kap. 6 f § SoL 2001:453).
  const decisions = await db
    .selectFrom('decisions')
    .innerJoin('clients', 'clients.id', 'decisions.client_id')
    .select(['decisions.id', 'decisions.decision_date', 'decisions.executed_date', 'decisions.ended_date'])
    .where('decisions.decision_date', '<=', until)
    .where('clients.without_assessment', '=', 0)
    .orderBy('decisions.id')
    .execute();
  const interruptions = await db
    .selectFrom('decision_interruptions')
    .innerJoin('decisions', 'decisions.id', 'decision_interruptions.decision_id')
    .select([
      'decision_interruptions.id',
      'decision_interruptions.decision_id',
      'decision_interruptions.from_date',
      'decision_interruptions.resumed_date',
    ])
    .where('decisions.decision_date', '<=', until)
    .execute();
  const byDecision = new Map<number, IvoDecision['interruptions']>();
  for (const i of interruptions)
    byDecision.set(i.decision_id, [
      ...(byDecision.get(i.decision_id) ?? []),
      { id: i.id, fromDate: i.from_date, resumedDate: i.resumed_date },
    ]);
  return decisions.map((d) => ({
    id: d.id,
    decisionDate: d.decision_date,
    executedDate: d.executed_date,
    endedDate: d.ended_date,
    interruptions: byDecision.get(d.id) ?? [],
  }));
}

/** The quarter's IVO individrapporter (pseudonymous) and the anonymous summary for kommunfullmäktige. */
export async function ivoReport(ctx: ServiceContext, quarter: Quarter) {
  const period = quarterRange(quarter);
  const decisions = await ctx.db
    .selectFrom('decisions')
    .innerJoin('clients', 'clients.id', 'decisions.client_id')
    .select([
      'decisions.id',
      'decisions.decision_date',
      'decisions.executed_date',
      'decisions.ended_date',
      'decisions.legal_basis',
      'decisions.law',
      'decisions.paragraph',
      'decisions.delay_reason',
      'decisions.interim_support',
      'clients.birth_date',
      'clients.gender',
      'clients.ivo_suffix',
    ])
    .where('decisions.decision_date', '<=', period.end)
    .where('clients.without_assessment', '=', 0)
    .execute();
  const ids = decisions.map((d) => d.id);
  const input = await loadIvoDecisions(ctx.db, period.end);
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

  const byId = new Map(decisions.map((d) => [d.id, d]));
  const lines: IvoReportLine[] = ivoLines(input, quarter).map((l) => {
    const d = byId.get(l.decisionId)!;
    return {
      decisionId: d.id,
      code: ivoCode(d.birth_date, d.gender as 'man' | 'kvinna', d.ivo_suffix),
      gender: d.gender as 'man' | 'kvinna',
      isChild: ageOn(d.birth_date, period.end) < 18,
      legalBasis: d.legal_basis,
      legalReference: legalReferenceShort(d.law, d.paragraph),
      decisionDate: d.decision_date,
      kind: l.kind,
      kindLabel: IVO_KIND_LABELS[l.kind],
      interruptionDate: l.interruptionId ? l.fromDate : null,
      deadline: l.deadline,
      closedDate: l.closedDate,
      daysWaited: l.daysWaited,
      delayReason: d.delay_reason,
      interimSupport: d.interim_support,
      offers: offers
        .filter((o) => o.decision_id === d.id)
        .map((o) => ({ date: o.date, outcome: o.action === 'clientAccept' ? 'tackade ja' : 'tackade nej' })),
    };
  });
  const count = <K extends string>(keys: K[]) =>
    keys.reduce<Record<string, number>>((acc, k) => ((acc[k] = (acc[k] ?? 0) + 1), acc), {});
  const summary = {
    total: lines.length,
    byKind: count(lines.map((l) => l.kindLabel)),
    byGender: {
      man: lines.filter((l) => l.gender === 'man').length,
      kvinna: lines.filter((l) => l.gender === 'kvinna').length,
    },
    byLegalBasis: count(lines.map((l) => l.legalBasis)),
    byWait: {
      upTo6Months: lines.filter((l) => l.daysWaited <= 183).length,
      upTo12Months: lines.filter((l) => l.daysWaited > 183 && l.daysWaited <= 365).length,
      over12Months: lines.filter((l) => l.daysWaited > 365).length,
    },
    participantsWithoutAssessment: 0,
  };
  const participants = await ctx.db
    .selectFrom('assignments')
    .innerJoin('decisions', 'decisions.id', 'assignments.decision_id')
    .innerJoin('clients', 'clients.id', 'decisions.client_id')
    .select((e) => e.fn.count<number>('clients.id').distinct().as('n'))
    .where('clients.without_assessment', '=', 1)
    .where('assignments.start_date', '<=', period.end)
    .where((eb) => eb.or([eb('assignments.end_date', 'is', null), eb('assignments.end_date', '>=', period.end)]))
    .executeTakeFirstOrThrow();
  summary.participantsWithoutAssessment = participants.n;
  await audit(ctx, ctx.db, {
    action: 'report.ivo',
    entityType: 'report',
    detail: `${quarter.year} K${quarter.q}: ${lines.length} rader`,
  });
  return { period, lines, summary };
}

/** The IVO list's columns and rows: one table for the CSV and the Excel export, so they never differ. */
export function ivoTable(report: Awaited<ReturnType<typeof ivoReport>>): {
  headers: string[];
  rows: Array<Array<string | number | null>>;
} {
  return {
    headers: [
      'Kod',
      'Kön',
      'Barn',
      'Insats',
      'Beslutsdatum',
      'Typ',
      'Avbrott från',
      'Tremånadersgräns',
      'Verkställt/avslutat',
      'Dagar',
      'Skäl till dröjsmål',
      'Annat stöd under väntetiden',
      'Erbjudanden',
      'Lagrum',
    ],
    rows: report.lines.map((l) => [
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
      l.legalReference,
    ]),
  };
}

export function ivoCsv(report: Awaited<ReturnType<typeof ivoReport>>): string {
  const { headers, rows } = ivoTable(report);
  return toCsv([headers, ...rows]);
}

export function ivoSummaryCsv(report: Awaited<ReturnType<typeof ivoReport>>): string {
  const s = report.summary;
  return toCsv([
    ['Ej verkställda beslut och avbrott', `${report.period.start} – ${report.period.end}`],
    ['Totalt', s.total],
    ['Kvinnor', s.byGender.kvinna],
    ['Män', s.byGender.man],
    ...Object.entries(s.byKind).map(([k, n]) => [k, n]),
    ...Object.entries(s.byLegalBasis).map(([k, n]) => [`Insats: ${k}`, n]),
    ['Väntat högst 6 månader', s.byWait.upTo6Months],
    ['Väntat 6–12 månader', s.byWait.upTo12Months],
    ['Väntat mer än 12 månader', s.byWait.over12Months],
    [
      'Deltagare i insats utan individuell behovsprövning med kontaktperson (ingår inte ovan)',
      s.participantsWithoutAssessment,
    ],
  ]);
}
