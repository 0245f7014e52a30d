import { sql } from 'kysely';
import { checkBankAccount } from '../../../shared/bank-account';
import { approvalBlockers } from '../../../shared/contact-persons/approval';
import { extractUsableUntil, extractAgeWarning } from '../../../shared/contact-persons/register-checks';
import { addDays } from '../../../shared/dates';
import { allowedTransitions, type CpStatus } from '../../../shared/contact-persons/status';
import { daysBetween, toLocalIsoDate } from '../../../shared/dates';
import type { CpDetail, CpListRow, CpQueueRow } from '../../../shared/ipc/procedures/cp';
import { maskPersonnummer } from '../../../shared/personnummer';
import { sortBySv } from '../../../shared/collate';
import { audit, type ServiceContext } from '../../core/session';
import { getRow } from './common';
import { toValues } from './mapping';
import { loadApprovalFacts } from './status';

/** For people who take children: a warning when the latest extract would be too old for a start within 30 days. */
function extractWarningFor(
  prefersChildren: boolean,
  checks: Array<{ register: string; extract_date: string }>,
  today: string,
): string | null {
  const latest = checks
    .filter((c) => c.register === 'belastningsregistret')
    .map((c) => c.extract_date)
    .sort()
    .at(-1);
  return prefersChildren && latest ? extractAgeWarning(latest, addDays(today, 30)) : null;
}

/** Reading a record is logged: who looked at which person, and when. */
export async function getContactPerson(ctx: ServiceContext, id: number): Promise<CpDetail> {
  const r = await getRow(ctx, id);
  const [interviews, references, checks, events] = await Promise.all([
    ctx.db.selectFrom('cp_interviews').selectAll().where('contact_person_id', '=', id).orderBy('date').execute(),
    ctx.db.selectFrom('cp_references').selectAll().where('contact_person_id', '=', id).orderBy('id').execute(),
    ctx.db
      .selectFrom('cp_register_checks')
      .leftJoin('users', 'users.id', 'cp_register_checks.checked_by')
      .selectAll('cp_register_checks')
      .select('users.display_name as checked_by_name')
      .where('contact_person_id', '=', id)
      .orderBy('shown_date')
      .execute(),
    ctx.db
      .selectFrom('cp_events')
      .leftJoin('users', 'users.id', 'cp_events.user_id')
      .selectAll('cp_events')
      .select('users.display_name as user_name')
      .where('contact_person_id', '=', id)
      .orderBy('cp_events.id', 'desc')
      .execute(),
  ]);
  await audit(ctx, ctx.db, { action: 'cp.read', entityType: 'contact_person', entityId: id });
  const today = toLocalIsoDate(ctx.now());
  const hidden = r.protected_identity === 1;
  const bank = r.bank_clearing && r.bank_account ? checkBankAccount(r.bank_clearing, r.bank_account) : null;
  const status = r.status;
  return {
    id: r.id,
    version: r.version,
    values: toValues(r, hidden),
    addressHidden: hidden,
    birthDate: r.birth_date,
    gender: r.gender,
    status,
    statusChangedAt: r.status_changed_at,
    queueSince: r.queue_since,
    daysWaiting: status === 'godkand' && r.queue_since ? daysBetween(r.queue_since, today) : null,
    consentDate: r.consent_date,
    bankCheck: bank
      ? {
          status: bank.status,
          message: bank.status === 'ok' ? null : bank.message,
          bankName: bank.status === 'invalid' ? null : bank.bankName,
        }
      : { status: 'missing', message: 'Bankkonto saknas.', bankName: null },
    interviews: interviews.map((i) => ({ id: i.id, date: i.date, interviewer: i.interviewer, notes: i.notes })),
    references: references.map((x) => ({
      id: x.id,
      name: x.name,
      phone: x.phone,
      relation: x.relation,
      notes: x.notes,
      contactedDate: x.contacted_date,
    })),
    registerChecks: checks.map((c) => ({
      id: c.id,
      register: c.register,
      extractDate: c.extract_date,
      shownDate: c.shown_date,
      outcome: c.outcome,
      assessmentNote: c.assessment_note,
      checkedBy: c.checked_by_name ?? null,
      usableUntil: c.register === 'belastningsregistret' ? extractUsableUntil(c.extract_date) : null,
    })),
    extractWarning: extractWarningFor(r.prefers_children === 1, checks, today),
    approvalBlockers:
      status === 'utredning_pagar'
        ? approvalBlockers(await loadApprovalFacts(ctx.db, id, r.prefers_children === 1, r.consent_date))
        : [],
    allowedTransitions: [...allowedTransitions(status)],
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      date: e.date,
      user: e.user_name ?? null,
      kind: e.kind,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      note: e.note,
    })),
  };
}

const listColumns = [
  'id',
  'first_name',
  'last_name',
  'personnummer',
  'status',
  'area',
  'phone',
  'city',
  'protected_identity',
] as const;

function toListRow(r: {
  id: number;
  first_name: string;
  last_name: string;
  personnummer: string;
  status: CpStatus;
  area: string;
  phone: string;
  city: string;
  protected_identity: number;
}): CpListRow {
  return {
    id: r.id,
    name: `${r.last_name}, ${r.first_name}`,
    personnummerMasked: maskPersonnummer(r.personnummer),
    status: r.status,
    area: r.area,
    phone: r.protected_identity === 1 ? '' : r.phone,
    city: r.protected_identity === 1 ? '' : r.city,
    protectedIdentity: r.protected_identity === 1,
  };
}

/** Search by name, personnummer or phone. Digits match personnummer and phone ignoring separators. */
export async function searchContactPersons(
  ctx: ServiceContext,
  input: { query: string; statuses: CpStatus[]; limit: number },
): Promise<{ rows: CpListRow[]; total: number }> {
  let q = ctx.db.selectFrom('contact_persons');
  const query = input.query.trim();
  if (query) {
    const digits = query.replace(/[\s-]/g, '');
    if (/^\+?\d+$/.test(digits)) {
      const like = `%${digits.replace('+', '')}%`;
      // A protected person's phone is masked, so it is not searchable either (a hit would reveal whose number it is).
      q = q.where((eb) =>
        eb.or([
          eb('personnummer', 'like', like),
          eb.and([eb('phone_digits', 'like', like), eb('protected_identity', '=', 0)]),
        ]),
      );
    } else {
      for (const w of query.toLocaleLowerCase('sv-SE').split(/\s+/)) {
        q = q.where('search_name', 'like', `%${w.replace(/[%_\\]/g, '')}%`);
      }
    }
  }
  if (input.statuses.length > 0) q = q.where('status', 'in', input.statuses);
  // The page and the total in one pass over the table (count over the whole match, before LIMIT):
  // a separate count scanned the 10 000 rows a second time.
  const rows = await q
    .select([...listColumns])
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy('last_name')
    .orderBy('first_name')
    .limit(input.limit)
    .execute();
  const total = Number(rows[0]?.total ?? 0);
  await audit(ctx, ctx.db, { action: 'cp.search', entityType: 'contact_person', detail: `${total} träffar` });
  return { rows: sortBySv(rows.map(toListRow), (r) => r.name), total };
}

/** Approved persons waiting for an assignment, with days waiting. */
export async function contactPersonQueue(
  ctx: ServiceContext,
  f: {
    area: string;
    interest: string;
    language: string;
    target: 'alla' | 'barn' | 'vuxna';
    sort: 'vantetid' | 'namn' | 'omrade';
  },
): Promise<CpQueueRow[]> {
  let q = ctx.db
    .selectFrom('contact_persons')
    .select([
      ...listColumns,
      'queue_since',
      'languages',
      'interests',
      'prefers_children',
      'prefers_adults',
      'specially_qualified',
    ])
    .where('status', '=', 'godkand');
  if (f.target === 'barn') q = q.where('prefers_children', '=', 1);
  if (f.target === 'vuxna') q = q.where('prefers_adults', '=', 1);
  q =
    f.sort === 'namn'
      ? q.orderBy('last_name').orderBy('first_name')
      : f.sort === 'omrade'
        ? q.orderBy('area').orderBy('queue_since')
        : q.orderBy('queue_since').orderBy('id');
  const today = toLocalIsoDate(ctx.now());
  const lower = (v: string) => v.toLocaleLowerCase('sv-SE');
  const has = (json: string, v: string) => !v || (JSON.parse(json) as string[]).some((x) => lower(x) === lower(v));
  const rows = (await q.execute()).filter(
    (r) => (!f.area || lower(r.area) === lower(f.area)) && has(r.interests, f.interest) && has(r.languages, f.language),
  );
  await audit(ctx, ctx.db, { action: 'cp.queue.read', entityType: 'contact_person', detail: `${rows.length} i kön` });
  const mapped = rows.map((r) => ({
    ...toListRow(r),
    queueSince: r.queue_since ?? today,
    daysWaiting: r.queue_since ? daysBetween(r.queue_since, today) : 0,
    languages: JSON.parse(r.languages) as string[],
    interests: JSON.parse(r.interests) as string[],
    prefersChildren: r.prefers_children === 1,
    prefersAdults: r.prefers_adults === 1,
    speciallyQualified: r.specially_qualified === 1,
  }));
  return f.sort === 'namn'
    ? sortBySv(mapped, (r) => r.name)
    : f.sort === 'omrade'
      ? sortBySv(mapped, (r) => r.area)
      : mapped;
}

/** Shows a protected person's address; the reason is required and logged. */
export async function revealAddress(ctx: ServiceContext, input: { id: number; reason: string }) {
  const r = await getRow(ctx, input.id);
  await audit(ctx, ctx.db, {
    action: 'cp.address.reveal',
    entityType: 'contact_person',
    entityId: input.id,
    detail: input.reason,
  });
  return { street: r.street, postalCode: r.postal_code, city: r.city, phone: r.phone, workplace: r.workplace };
}
