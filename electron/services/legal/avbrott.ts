import { DomainError } from '../../../shared/errors';
import { toLocalIsoDate } from '../../../shared/dates';
import { possibleAvbrott } from '../../../shared/legal/avbrott';
import { audit, type ServiceContext } from '../../core/session';
import { writeTransaction, type TxContext } from '../transaction';
import { interruptDecisionInTrx } from '../clients/decisions';
import { legalSettingsStore } from './settings';

async function flags(ctx: ServiceContext) {
  const today = toLocalIsoDate(ctx.now());
  const { avbrottMonths } = await legalSettingsStore.read(ctx.db);
  const active = await ctx.db
    .selectFrom('assignments')
    .innerJoin('decisions', 'decisions.id', 'assignments.decision_id')
    .innerJoin('clients', 'clients.id', 'decisions.client_id')
    .innerJoin('contact_persons', 'contact_persons.id', 'assignments.contact_person_id')
    .select([
      'assignments.id',
      'assignments.decision_id',
      'assignments.start_date',
      'decisions.client_id',
      'clients.first_name as client_first',
      'clients.last_name as client_last',
      'contact_persons.first_name as cp_first',
      'contact_persons.last_name as cp_last',
    ])
    .where('assignments.status', '=', 'aktivt')
    .where('assignments.start_date', 'is not', null)
    // IVO's duty, which this flag serves, does not cover participants without needs assessment (SoL 2025:400).
    .where('clients.without_assessment', '=', 0)
    .execute();
  const reports = await ctx.db
    .selectFrom('monthly_reports')
    .innerJoin('assignments', 'assignments.id', 'monthly_reports.assignment_id')
    .select([
      'monthly_reports.assignment_id',
      'monthly_reports.month',
      'monthly_reports.status',
      'monthly_reports.meeting_dates',
    ])
    .where('assignments.status', '=', 'aktivt')
    .execute();
  const open = new Set(
    (
      await ctx.db
        .selectFrom('decision_interruptions')
        .select('decision_id')
        .where('resumed_date', 'is', null)
        .execute()
    ).map((i) => i.decision_id),
  );
  const found = possibleAvbrott(
    active.map((a) => ({
      assignmentId: a.id,
      startDate: a.start_date!,
      openInterruption: open.has(a.decision_id),
      reports: reports
        .filter((r) => r.assignment_id === a.id)
        .map((r) => ({ month: r.month, status: r.status, meetingDates: JSON.parse(r.meeting_dates) as string[] })),
    })),
    today,
    avbrottMonths,
  );
  const byId = new Map(active.map((a) => [a.id, a]));
  return found.map((f) => {
    const a = byId.get(f.assignmentId)!;
    return {
      ...f,
      decisionId: a.decision_id,
      clientId: a.client_id,
      clientName: `${a.client_first} ${a.client_last}`,
      contactPersonName: `${a.cp_first} ${a.cp_last}`,
      startDate: a.start_date!,
    };
  });
}

/** Active assignments without meetings in approved monthly reports for the configured number of months. */
export async function listPossibleAvbrott(ctx: ServiceContext) {
  const list = await flags(ctx);
  if (list.length > 0)
    await audit(ctx, ctx.db, {
      action: 'assignment.avbrott.list',
      entityType: 'client',
      detail: `${list.length} möjliga avbrott`,
    });
  return list;
}

export async function countPossibleAvbrott(ctx: ServiceContext): Promise<number> {
  return (await flags(ctx)).length;
}

/**
 * "Registrera avbrott" in one step: the decision's interruption from the first day without meetings (the day
 * after the last approved meeting, else the first day of the silent months), linked to the assignment. The IVO report reads it like any interruption.
 */
export async function registerAvbrott(ctx: ServiceContext, assignmentId: number): Promise<{ fromDate: string }> {
  return writeTransaction(ctx, (tx) => registerAvbrottInTrx(tx, assignmentId));
}

async function registerAvbrottInTrx(ctx: TxContext, assignmentId: number): Promise<{ fromDate: string }> {
  const f = (await flags(ctx)).find((x) => x.assignmentId === assignmentId);
  if (!f)
    throw new DomainError(
      'RULE_VIOLATION',
      'Uppdraget är inte flaggat som möjligt avbrott (det har träffar i godkända månadsrapporter, är inte aktivt eller har redan ett avbrott).',
    );
  const reason = f.lastMeetingDate
    ? `Inga träffar i godkända månadsrapporter efter ${f.lastMeetingDate} (${f.silentMonths.join(', ')}).`
    : `Inga godkända månadsrapporter med träffar (${f.silentMonths.join(', ')}); avbrottet räknas från periodens första dag.`;
  await interruptDecisionInTrx(ctx, { id: f.decisionId, fromDate: f.silentSince, reason });
  await ctx.db
    .updateTable('decision_interruptions')
    .set({ assignment_id: assignmentId })
    .where('decision_id', '=', f.decisionId)
    .where('resumed_date', 'is', null)
    .execute();
  await audit(ctx, ctx.db, {
    action: 'assignment.avbrott',
    entityType: 'client',
    entityId: f.clientId,
    detail: `uppdrag ${assignmentId}, avbrott från ${f.silentSince}`,
  });
  return { fromDate: f.silentSince };
}
