import { addDays, addMonths, toLocalIsoDate } from '../../../shared/dates';
import { classifyLogRow, stockholmTime, type LogCategory } from '../../../shared/legal/log-review';
import { LOG_REVIEW_CATEGORIES, LOG_REVIEW_LABELS } from '../../../shared/ipc/procedures/audit';
import { audit, type ServiceContext } from '../../core/session';
import { writeTransaction, type TxContext } from '../transaction';
import { toCsv } from '../../exports/csv';
import { xlsxTable } from '../../exports/xlsx';
import type { ExportSink } from '../../core/export-sink';
import { saveExport } from '../save-export';
import { legalSettingsStore } from './settings';

/** The review report: every audit row of the period in each category (a row may sit in several). */
export async function logReview(ctx: ServiceContext, input: { from: string; to: string }) {
  const s = await legalSettingsStore.read(ctx.db);
  // The log stores UTC; Sweden is UTC+1/+2, so read a day either side and keep the rows whose Swedish date is in the period.
  const rows = (
    await ctx.db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.user_id')
      .select([
        'audit_log.id',
        'audit_log.at',
        'audit_log.user_id',
        'users.username',
        'audit_log.action',
        'audit_log.entity_type',
        'audit_log.entity_id',
        'audit_log.detail',
        'audit_log.workstation',
      ])
      .where('audit_log.at', '>=', `${addDays(input.from, -1)}T00:00:00`)
      .where('audit_log.at', '<', `${addDays(input.to, 2)}T00:00:00`)
      .orderBy('audit_log.id')
      .execute()
  ).filter((r) => {
    const d = stockholmTime(r.at).date;
    return d >= input.from && d <= input.to;
  });
  const protectedClientIds = new Set(
    (await ctx.db.selectFrom('clients').select('id').where('protected_identity', '=', 1).execute()).map((r) =>
      String(r.id),
    ),
  );
  const protectedContactPersonIds = new Set(
    (await ctx.db.selectFrom('contact_persons').select('id').where('protected_identity', '=', 1).execute()).map((r) =>
      String(r.id),
    ),
  );
  // A PDF made or saved about a protected person: through its assignment (client or contact person) or its contact person.
  const docs = await ctx.db
    .selectFrom('documents')
    .leftJoin('assignments', 'assignments.id', 'documents.assignment_id')
    .leftJoin('decisions', 'decisions.id', 'assignments.decision_id')
    .select([
      'documents.id',
      'decisions.client_id',
      'assignments.contact_person_id as assignment_cp',
      'documents.contact_person_id',
    ])
    .execute();
  const protectedDocumentIds = new Set(
    docs
      .filter(
        (d) =>
          (d.client_id !== null && protectedClientIds.has(String(d.client_id))) ||
          [d.assignment_cp, d.contact_person_id].some((c) => c !== null && protectedContactPersonIds.has(String(c))),
      )
      .map((d) => String(d.id)),
  );
  const rules = {
    protectedClientIds,
    protectedContactPersonIds,
    protectedDocumentIds,
    officeHoursStart: s.officeHoursStart,
    officeHoursEnd: s.officeHoursEnd,
    bulkExportRows: s.bulkExportRows,
  };
  const byCategory = new Map<LogCategory, typeof rows>(LOG_REVIEW_CATEGORIES.map((c) => [c, []]));
  for (const r of rows) for (const c of classifyLogRow(r, rules)) byCategory.get(c)!.push(r);
  const reviews = await ctx.db
    .selectFrom('log_reviews')
    .innerJoin('users', 'users.id', 'log_reviews.reviewed_by')
    .select([
      'log_reviews.id',
      'log_reviews.period_from',
      'log_reviews.period_to',
      'log_reviews.reviewed_at',
      'log_reviews.note',
      'log_reviews.counts',
      'users.display_name',
    ])
    .orderBy('log_reviews.id', 'desc')
    .limit(24)
    .execute();
  await audit(ctx, ctx.db, { action: 'audit.review.read', entityType: 'audit', detail: `${input.from}–${input.to}` });
  return {
    from: input.from,
    to: input.to,
    totalRows: rows.length,
    categories: LOG_REVIEW_CATEGORIES.map((key) => ({
      key,
      label: LOG_REVIEW_LABELS[key],
      entries: byCategory.get(key)!.map((r) => {
        const t = stockholmTime(r.at);
        return {
          id: r.id,
          at: r.at,
          localTime: `${t.date} ${t.time}`,
          username: r.username ?? null,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          detail: r.detail,
          workstation: r.workstation,
        };
      }),
    })),
    reviews: reviews.map((r) => ({
      id: r.id,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      reviewedAt: r.reviewed_at,
      reviewedBy: r.display_name,
      note: r.note,
      counts: JSON.parse(r.counts) as Record<string, number>,
    })),
  };
}

/** The review as xlsx or CSV where the user chooses; logged once saved. */
export async function exportLogReview(
  ctx: ServiceContext,
  sink: ExportSink,
  input: { from: string; to: string; format: 'xlsx' | 'csv' },
): Promise<{ savedTo: string | null }> {
  const r = await logReview(ctx, input);
  const headers = [
    'Kategori',
    'Nr',
    'Tid (svensk)',
    'Användare',
    'Händelse',
    'Objekt',
    'Objekt-id',
    'Detalj',
    'Arbetsstation',
  ];
  const rows = r.categories.flatMap((c) =>
    c.entries.map((e) => [
      c.label,
      e.id,
      e.localTime,
      e.username,
      e.action,
      e.entityType,
      e.entityId,
      e.detail,
      e.workstation,
    ]),
  );
  const name = `logguppfoljning-${input.from}-${input.to}.${input.format}`;
  const content =
    input.format === 'csv'
      ? Buffer.from(toCsv([headers, ...rows]), 'utf8')
      : await xlsxTable('Logguppföljning', headers, rows);
  const event = { action: 'audit.review.export', entityType: 'audit', detail: `${name} (${rows.length} rader)` };
  return { savedTo: await saveExport(ctx, sink, { name, content }, event) };
}

/** "Granskad": the review is recorded with the counts seen, and the sign-off is itself logged. */
export async function signOffLogReview(ctx: ServiceContext, input: { from: string; to: string; note: string }) {
  return writeTransaction(ctx, (tx) => signOffLogReviewInTrx(tx, input));
}

async function signOffLogReviewInTrx(ctx: TxContext, input: { from: string; to: string; note: string }) {
  const r = await logReview(ctx, input);
  const counts = Object.fromEntries(r.categories.map((c) => [c.key, c.entries.length]));
  const trx = ctx.db;
  await trx
    .insertInto('log_reviews')
    .values({
      period_from: input.from,
      period_to: input.to,
      reviewed_at: ctx.now().toISOString(),
      reviewed_by: ctx.actor.id,
      note: input.note,
      counts: JSON.stringify(counts),
    })
    .execute();
  await audit(ctx, trx, {
    action: 'audit.review.signoff',
    entityType: 'audit',
    detail: `${input.from}–${input.to} granskad: ${Object.entries(counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  });
}

/** Översikt (admins): the last review is older than the configured number of months, or none was ever made. */
export async function logReviewDue(ctx: ServiceContext): Promise<{ lastReviewedAt: string | null } | null> {
  const { logReviewMonths } = await legalSettingsStore.read(ctx.db);
  const last = await ctx.db.selectFrom('log_reviews').select('reviewed_at').orderBy('id', 'desc').executeTakeFirst();
  const today = toLocalIsoDate(ctx.now());
  if (last && addMonths(toLocalIsoDate(new Date(last.reviewed_at)), logReviewMonths) >= today) return null;
  return { lastReviewedAt: last?.reviewed_at ?? null };
}
