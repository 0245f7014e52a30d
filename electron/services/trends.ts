import { addMonths, daysBetween, toLocalIsoDate } from '../../shared/dates';
import { daysInMonth } from '../../shared/compensation/amounts';
import { ivoLines } from '../../shared/ivo/report';
import { loadIvoDecisions } from './reports/ivo';
import { netPay } from '../../shared/compensation/payout';
import type { ServiceContext } from '../core/session';

/** Month-by-month figures for the overview charts (counts only, no names). */
export async function dashboardTrends(ctx: ServiceContext) {
  const today = toLocalIsoDate(ctx.now());
  const months = Array.from({ length: 12 }, (_, i) => addMonths(`${today.slice(0, 7)}-01`, i - 11).slice(0, 7));
  const monthEnd = (m: string) => {
    const end = `${m}-${String(daysInMonth(m)).padStart(2, '0')}`;
    return end > today ? today : end;
  };

  // Status timeline per person, from the events (the record only keeps the current status).
  const events = await ctx.db
    .selectFrom('cp_events')
    .select(['contact_person_id', 'date', 'to_status'])
    .where('to_status', 'is not', null)
    .orderBy('contact_person_id')
    .orderBy('id')
    .execute();
  const timeline = new Map<number, Array<{ date: string; status: string }>>();
  for (const e of events) {
    const list = timeline.get(e.contact_person_id) ?? [];
    list.push({ date: e.date, status: e.to_status! });
    timeline.set(e.contact_person_id, list);
  }
  const assignments = await ctx.db
    .selectFrom('assignments')
    .select(['start_date', 'end_date'])
    .where('start_date', 'is not', null)
    .execute();
  const payouts = await ctx.db
    .selectFrom('payout_lines')
    .innerJoin('payout_batches', 'payout_batches.id', 'payout_lines.batch_id')
    .select((eb) => [
      'payout_batches.month',
      eb.fn.sum<number>('arvode_ore').as('arvode'),
      eb.fn.sum<number>('tax_ore').as('tax'),
      eb.fn.sum<number>('omkostnad_ore').as('omkostnad'),
      eb.fn.sum<number>('expenses_ore').as('expenses'),
    ])
    .where('payout_batches.status', '=', 'attesterad')
    .groupBy('payout_batches.month')
    .execute();

  const monthly = months.map((month) => {
    const end = monthEnd(month);
    let queue = 0;
    let waitSum = 0;
    for (const list of timeline.values()) {
      let status: string | null = null;
      let since: string | null = null;
      // Transitions happen in the order they were recorded; each carries the date it took effect, which
      // may be earlier than when it was entered. At a month's end the last one already in effect counts.
      for (const e of list) {
        if (e.date > end) continue;
        if (e.status === 'godkand' && status !== 'godkand') since = e.date;
        status = e.status;
      }
      if (status === 'godkand' && since) {
        queue++;
        waitSum += daysBetween(since, end);
      }
    }
    const p = payouts.find((x) => x.month === month);
    return {
      month,
      queueLength: queue,
      averageWaitDays: queue ? Math.round(waitSum / queue) : null,
      activeAssignments: assignments.filter((a) => a.start_date! <= end && (a.end_date === null || a.end_date > end))
        .length,
      payoutsOre: p
        ? netPay({
            arvodeOre: Number(p.arvode ?? 0),
            taxOre: Number(p.tax ?? 0),
            omkostnadOre: Number(p.omkostnad ?? 0),
            expensesOre: Number(p.expenses ?? 0),
          })
        : 0,
    };
  });

  const input = await loadIvoDecisions(ctx.db, today);
  const quarters = Array.from({ length: 6 }, (_, i) => {
    const start = addMonths(
      `${today.slice(0, 4)}-${String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`,
      (i - 5) * 3,
    );
    const q = ((Number(start.slice(5, 7)) - 1) / 3 + 1) as 1 | 2 | 3 | 4;
    return {
      quarter: `${start.slice(0, 4)} K${q}`,
      overdueDecisions: ivoLines(input, { year: Number(start.slice(0, 4)), q }).length,
    };
  });
  return { months: monthly, quarters };
}
