import type { Kysely, Transaction } from 'kysely';
import { jsonSetting } from './json-setting';
import type { DB } from '../db/schema';
import { addMonths, toLocalIsoDate } from '../../shared/dates';
import {
  RETENTION_LABELS,
  retentionSettings,
  type RetentionRule,
  type RetentionSettings,
} from '../../shared/ipc/procedures/retention';
import { audit, type ServiceContext } from '../core/session';
import type { CpStatus } from '../../shared/contact-persons/status';
import { writeTransaction, type TxContext } from './transaction';

const DEFAULTS: RetentionSettings = {
  rejectedApplicantsMonths: 12,
  endedContactPersonsMonths: 24,
  registerCheckNotesMonths: 12,
  endedAssignmentsMonths: 60,
};

const stored = jsonSetting('retention', retentionSettings, DEFAULTS, (v) => JSON.stringify(v));
export const readRetentionSettings = stored.read;
export const saveRetentionSettings = stored.save;

/** Ids each rule would touch today. People with any assignment are kept (payments and the client's file need them). */
async function candidates(
  db: Kysely<DB> | Transaction<DB>,
  s: RetentionSettings,
  today: string,
): Promise<Record<RetentionRule, { ids: number[]; cutoff: string | null }>> {
  const cutoff = (months: number) => (months > 0 ? addMonths(today, -months) : null);
  const personsWithout = async (status: CpStatus, before: string | null) =>
    before
      ? (
          await db
            .selectFrom('contact_persons')
            .select('id')
            .where('status', '=', status)
            .where('status_changed_at', '<', `${before}T00:00:00`)
            .where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom('assignments')
                    .select('assignments.id')
                    .whereRef('assignments.contact_person_id', '=', 'contact_persons.id'),
                ),
              ),
            )
            .execute()
        ).map((r) => r.id)
      : [];
  const a = cutoff(s.rejectedApplicantsMonths);
  const b = cutoff(s.endedContactPersonsMonths);
  const c = cutoff(s.registerCheckNotesMonths);
  const notes = c
    ? (
        await db
          .selectFrom('cp_register_checks')
          .innerJoin('contact_persons', 'contact_persons.id', 'cp_register_checks.contact_person_id')
          .select('cp_register_checks.id')
          .where('cp_register_checks.assessment_note', 'is not', null)
          .where('cp_register_checks.shown_date', '<', c)
          .where('contact_persons.status', 'not in', ['intresseanmalan', 'intervju_bokad', 'utredning_pagar'])
          .execute()
      ).map((r) => r.id)
    : [];
  const d = cutoff(s.endedAssignmentsMonths);
  const ended = d
    ? (
        await db
          .selectFrom('assignments')
          .select('id')
          .where('status', '=', 'avslutat')
          .where('end_date', '<', d)
          .execute()
      ).map((r) => r.id)
    : [];
  return {
    avslutade_uppdrag: { ids: ended, cutoff: d },
    ej_godkanda: { ids: await personsWithout('ej_godkand', a), cutoff: a },
    avslutade_kontaktpersoner: { ids: await personsWithout('avslutad', b), cutoff: b },
    registernoteringar: { ids: notes, cutoff: c },
  };
}

export async function previewRetention(ctx: ServiceContext) {
  const c = await candidates(ctx.db, await readRetentionSettings(ctx.db), toLocalIsoDate(ctx.now()));
  return (Object.keys(c) as RetentionRule[]).map((rule) => ({
    rule,
    label: RETENTION_LABELS[rule],
    count: c[rule].ids.length,
    cutoff: c[rule].cutoff,
  }));
}

/**
 * Removes what the rules select, in one transaction (secure_delete overwrites the freed pages). The
 * retention log is the audit log: kind, how many, when; never who.
 */
export async function runRetention(ctx: ServiceContext): Promise<{ removed: Record<string, number> }> {
  return writeTransaction(ctx, (tx) => runRetentionInTrx(tx));
}

async function runRetentionInTrx(ctx: TxContext): Promise<{ removed: Record<string, number> }> {
  const s = await readRetentionSettings(ctx.db);
  const trx = ctx.db;
  const c = await candidates(trx, s, toLocalIsoDate(ctx.now()));
  // Ended assignments first: the assignment's own papers, then the assignment (events cascade).
  const ended = c.avslutade_uppdrag.ids;
  for (let i = 0; i < ended.length; i += 500) {
    const chunk = ended.slice(i, i + 500);
    for (const table of ['documents', 'agreements', 'implementation_plans', 'follow_ups', 'monthly_reports'] as const) {
      await trx.deleteFrom(table).where('assignment_id', 'in', chunk).execute();
    }
    await trx.deleteFrom('assignment_events').where('assignment_id', 'in', chunk).execute();
    await trx.deleteFrom('assignments').where('id', 'in', chunk).execute();
  }
  const people = [...c.ej_godkanda.ids, ...c.avslutade_kontaktpersoner.ids];
  if (people.length) {
    await trx.deleteFrom('documents').where('contact_person_id', 'in', people).execute();
    // Never paid (no assignment), so their logged account changes go with them.
    await trx.deleteFrom('payment_detail_changes').where('contact_person_id', 'in', people).execute();
    await trx.deleteFrom('contact_persons').where('id', 'in', people).execute();
  }
  if (c.registernoteringar.ids.length)
    await trx
      .updateTable('cp_register_checks')
      .set({ assessment_note: null })
      .where('id', 'in', c.registernoteringar.ids)
      .execute();
  const removed = {
    ej_godkanda: c.ej_godkanda.ids.length,
    avslutade_kontaktpersoner: c.avslutade_kontaktpersoner.ids.length,
    registernoteringar: c.registernoteringar.ids.length,
    avslutade_uppdrag: ended.length,
  };
  for (const [rule, n] of Object.entries(removed)) {
    if (n > 0)
      await audit(ctx, trx, {
        action: 'retention.run',
        entityType: 'retention',
        detail: `${RETENTION_LABELS[rule as RetentionRule]}: ${n}`,
      });
  }
  return { removed };
}
