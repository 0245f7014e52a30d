import { DomainError } from '../../../shared/errors';
import type { ReportRow } from '../../../shared/ipc/procedures/reports';
import { activeDaysInMonth, daysInMonth } from '../../../shared/compensation/amounts';
import { audit, type ServiceContext } from '../../core/session';
import { writeTransaction, type TxContext } from '../transaction';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';

export function monthBounds(month: string): { first: string; last: string } {
  return { first: `${month}-01`, last: `${month}-${String(daysInMonth(month)).padStart(2, '0')}` };
}

/** Assignments that ran at least one day of the month. */
export async function assignmentsInMonth(db: Kysely<DB> | Transaction<DB>, month: string) {
  const { first, last } = monthBounds(month);
  return db
    .selectFrom('assignments')
    .innerJoin('contact_persons', 'contact_persons.id', 'assignments.contact_person_id')
    .innerJoin('decisions', 'decisions.id', 'assignments.decision_id')
    .innerJoin('clients', 'clients.id', 'decisions.client_id')
    .select([
      'assignments.id',
      'assignments.version',
      'assignments.start_date',
      'assignments.end_date',
      'assignments.arvode_level',
      'assignments.omkostnad_level',
      'contact_persons.id as cp_id',
      'contact_persons.first_name as cp_first',
      'contact_persons.last_name as cp_last',
      'clients.first_name as client_first',
      'clients.last_name as client_last',
    ])
    .where('assignments.status', 'in', ['aktivt', 'avslutat'])
    .where('assignments.start_date', '<=', last)
    .where((eb) => eb.or([eb('assignments.end_date', 'is', null), eb('assignments.end_date', '>=', first)]))
    .orderBy('contact_persons.last_name')
    .orderBy('contact_persons.first_name')
    .execute();
}

export async function monthReports(ctx: ServiceContext, month: string): Promise<ReportRow[]> {
  const rows = await assignmentsInMonth(ctx.db, month);
  const ids = rows.map((r) => r.id);
  const reports = ids.length
    ? await ctx.db
        .selectFrom('monthly_reports')
        .leftJoin('users', 'users.id', 'monthly_reports.approved_by')
        .selectAll('monthly_reports')
        .select('users.display_name')
        .where('month', '=', month)
        .where('assignment_id', 'in', ids)
        .execute()
    : [];
  await audit(ctx, ctx.db, { action: 'reports.month.read', entityType: 'monthly_report', detail: month });
  return rows.map((a) => {
    const r = reports.find((x) => x.assignment_id === a.id);
    return {
      assignmentId: a.id,
      assignmentVersion: a.version,
      contactPersonName: `${a.cp_first} ${a.cp_last}`,
      clientName: `${a.client_first} ${a.client_last}`,
      activeDays: activeDaysInMonth(month, a.start_date!, a.end_date),
      daysInMonth: daysInMonth(month),
      arvodeLevel: a.arvode_level,
      omkostnadLevel: a.omkostnad_level,
      report: r
        ? {
            id: r.id,
            status: r.status,
            meetingDates: JSON.parse(r.meeting_dates) as string[],
            minutes: r.minutes,
            activities: r.activities,
            expensesOre: r.expenses_ore,
            receiptsNote: r.receipts_note,
            approvedBy: r.display_name ?? null,
          }
        : null,
    };
  });
}

async function assignmentForMonth(ctx: ServiceContext, assignmentId: number, month: string) {
  const a = (await assignmentsInMonth(ctx.db, month)).find((x) => x.id === assignmentId);
  if (!a) throw new DomainError('RULE_VIOLATION', 'Uppdraget var inte aktivt den månaden.');
  return a;
}

/** Records (or replaces) the month's report. An approved report can no longer be changed. */
export async function submitReport(
  ctx: ServiceContext,
  input: {
    assignmentId: number;
    month: string;
    meetingDates: string[];
    hours: number;
    activities: string;
    expensesOre: number;
    receiptsNote: string;
  },
): Promise<void> {
  return writeTransaction(ctx, (tx) => submitReportInTrx(tx, input));
}

async function submitReportInTrx(ctx: TxContext, input: Parameters<typeof submitReport>[1]): Promise<void> {
  const a = await assignmentForMonth(ctx, input.assignmentId, input.month);
  const { first, last } = monthBounds(input.month);
  const outside = input.meetingDates.filter(
    (d) => d < first || d > last || d < a.start_date! || (a.end_date !== null && d > a.end_date),
  );
  if (outside.length)
    throw new DomainError('INVALID_INPUT', `Träffdatum utanför månaden eller uppdraget: ${outside.join(', ')}.`, {
      fields: { meetingDates: 'Datum utanför månaden eller uppdraget.' },
    });
  if (input.month > ctx.now().toISOString().slice(0, 7))
    throw new DomainError('INVALID_INPUT', 'Det går inte att rapportera en kommande månad.', {
      fields: { month: 'Kommande månad.' },
    });
  const existing = await ctx.db
    .selectFrom('monthly_reports')
    .select(['id', 'status'])
    .where('assignment_id', '=', a.id)
    .where('month', '=', input.month)
    .executeTakeFirst();
  if (existing?.status === 'godkand')
    throw new DomainError('RULE_VIOLATION', 'Rapporten är redan godkänd och kan inte ändras.');
  const values = {
    meeting_dates: JSON.stringify([...new Set(input.meetingDates)].sort()),
    minutes: Math.round(input.hours * 60),
    activities: input.activities,
    expenses_ore: input.expensesOre,
    receipts_note: input.receiptsNote,
    status: 'inlamnad' as const,
    submitted_at: ctx.now().toISOString(),
    submitted_by: ctx.actor.id,
  };
  const trx = ctx.db;
  if (existing) await trx.updateTable('monthly_reports').set(values).where('id', '=', existing.id).execute();
  else
    await trx
      .insertInto('monthly_reports')
      .values({ ...values, assignment_id: a.id, month: input.month })
      .execute();
  await audit(ctx, trx, {
    action: 'report.submit',
    entityType: 'contact_person',
    entityId: a.cp_id,
    detail: `uppdrag ${a.id}, ${input.month}`,
  });
}

export async function approveReport(
  ctx: ServiceContext,
  input: { assignmentId: number; month: string },
): Promise<void> {
  return writeTransaction(ctx, (tx) => approveReportInTrx(tx, input));
}

async function approveReportInTrx(ctx: TxContext, input: { assignmentId: number; month: string }): Promise<void> {
  const a = await assignmentForMonth(ctx, input.assignmentId, input.month);
  const r = await ctx.db
    .selectFrom('monthly_reports')
    .select(['id', 'status'])
    .where('assignment_id', '=', a.id)
    .where('month', '=', input.month)
    .executeTakeFirst();
  if (!r) throw new DomainError('RULE_VIOLATION', 'Det finns ingen inlämnad rapport att godkänna.');
  if (r.status === 'godkand') throw new DomainError('RULE_VIOLATION', 'Rapporten är redan godkänd.');
  const trx = ctx.db;
  await trx
    .updateTable('monthly_reports')
    .set({ status: 'godkand', approved_at: ctx.now().toISOString(), approved_by: ctx.actor.id })
    .where('id', '=', r.id)
    .execute();
  await audit(ctx, trx, {
    action: 'report.approve',
    entityType: 'contact_person',
    entityId: a.cp_id,
    detail: `uppdrag ${a.id}, ${input.month}`,
  });
}
