import { sql } from 'kysely';
import { DomainError } from '../../../shared/errors';
import { PAYOUT_FORMAT_LABELS, type PayoutBatch } from '../../../shared/ipc/procedures/payouts';
import { isBankDay } from '../../../shared/bank-days';
import { executionDate, netPay, payoutDate } from '../../../shared/compensation/payout';
import { isValidIsoDate, toLocalIsoDate } from '../../../shared/dates';
import { formatBban, maskAccount, normaliseAccount } from '../../../shared/bank-account';
import { BANK_PROFILES_DEF } from '../../../shared/bank-profiles';
import { maskPersonnummer } from '../../../shared/personnummer';
import { audit, type ServiceContext } from '../../core/session';
import { computeMonth, type PersonAmounts } from './compute';
import { getPaymentSettings } from './settings';
import { writeTransaction, type TxContext } from '../transaction';

const FIELDS = ['arvodeOre', 'omkostnadOre', 'expensesOre', 'taxOre', 'feeOre'] as const;

async function attestedTotals(ctx: ServiceContext, month: string) {
  const rows = await ctx.db
    .selectFrom('payout_lines')
    .innerJoin('payout_batches', 'payout_batches.id', 'payout_lines.batch_id')
    .select(['contact_person_id', 'arvode_ore', 'omkostnad_ore', 'expenses_ore', 'tax_ore', 'fee_ore'])
    .where('payout_batches.month', '=', month)
    .where('payout_batches.status', '=', 'attesterad')
    .execute();
  const map = new Map<number, Record<(typeof FIELDS)[number], number>>();
  for (const r of rows) {
    const t = map.get(r.contact_person_id) ?? { arvodeOre: 0, omkostnadOre: 0, expensesOre: 0, taxOre: 0, feeOre: 0 };
    t.arvodeOre += r.arvode_ore;
    t.omkostnadOre += r.omkostnad_ore;
    t.expensesOre += r.expenses_ore;
    t.taxOre += r.tax_ore ?? 0;
    t.feeOre += r.fee_ore;
    map.set(r.contact_person_id, t);
  }
  return map;
}

/** The default pay date for a month: the unit's day of the following month, moved back to a bank day. */
export async function defaultPaymentDate(ctx: ServiceContext, month: string): Promise<string> {
  const settings = await getPaymentSettings(ctx.db);
  return payoutDate(month, settings.paymentDayOfMonth);
}

/** The same rule for every format and every step: a pay date is a bank day that has not passed. */
export function checkPaymentDate(paymentDate: string, today: string, field = 'paymentDate'): void {
  if (!isValidIsoDate(paymentDate))
    throw new DomainError('INVALID_INPUT', 'Ange datumet som ÅÅÅÅ-MM-DD.', { fields: { [field]: 'Ange ÅÅÅÅ-MM-DD.' } });
  if (!isBankDay(paymentDate))
    throw new DomainError('INVALID_INPUT', `${paymentDate} är inte en bankdag.`, {
      fields: { [field]: 'Välj en bankdag.' },
    });
  if (paymentDate < today)
    throw new DomainError('INVALID_INPUT', `Utbetalningsdagen ${paymentDate} har redan passerat.`, {
      fields: { [field]: 'Välj en kommande bankdag.' },
    });
}

/** A correction line holds only what differs from what was attested; table tax is compared like the other fields. */
export function correctionLine(
  p: PersonAmounts,
  prev: Record<(typeof FIELDS)[number], number>,
  month: string,
): PersonAmounts | null {
  const diff: PersonAmounts = {
    ...p,
    details: [`Rättelse mot tidigare attesterad utbetalning för ${month}.`, ...p.details],
  };
  for (const f of FIELDS) {
    if (f === 'taxOre') continue;
    (diff as unknown as Record<string, number>)[f] = (p[f] ?? 0) - prev[f];
  }
  if (p.taxOre !== null) diff.taxOre = p.taxOre - prev.taxOre;
  // Table tax is entered by hand: unchanged arvode keeps the attested tax (difference 0); a changed
  // arvode needs the additional tax entered on the correction line.
  else diff.taxOre = diff.arvodeOre === 0 ? 0 : null;
  return FIELDS.some((f) => diff[f] !== 0) ? diff : null;
}

/**
 * Creates (or recomputes) the month's draft batch. Once a batch for the month is attested it is
 * final: later changes (a report approved late) become a correction batch holding only the differences;
 * when nothing differs no batch is made and the caller is told so.
 */
export async function createPayoutBatch(
  ctx: ServiceContext,
  input: { month: string; paymentDate?: string },
): Promise<{ id: number }> {
  return writeTransaction(ctx, (tx) => createPayoutBatchInTrx(tx, input));
}

async function createPayoutBatchInTrx(
  ctx: TxContext,
  input: { month: string; paymentDate?: string },
): Promise<{ id: number }> {
  const paymentDate = input.paymentDate ?? (await defaultPaymentDate(ctx, input.month));
  checkPaymentDate(paymentDate, toLocalIsoDate(ctx.now()));
  const draft = await ctx.db
    .selectFrom('payout_batches')
    .select('id')
    .where('month', '=', input.month)
    .where('status', '=', 'utkast')
    .executeTakeFirst();
  const { people } = await computeMonth(ctx.db, input.month);
  const previous = await attestedTotals(ctx, input.month);
  const isCorrection =
    previous.size > 0 ||
    (await ctx.db
      .selectFrom('payout_batches')
      .select('id')
      .where('month', '=', input.month)
      .where('status', '=', 'attesterad')
      .executeTakeFirst()) !== undefined;

  const lines: PersonAmounts[] = [];
  for (const p of people) {
    const prev = previous.get(p.contactPersonId);
    if (!prev) {
      lines.push(p);
      continue;
    }
    const diff = correctionLine(p, prev, input.month);
    if (diff) lines.push(diff);
  }
  for (const [cpId, prev] of previous) {
    if (!people.some((p) => p.contactPersonId === cpId)) {
      lines.push({
        contactPersonId: cpId,
        arvodeOre: -prev.arvodeOre,
        omkostnadOre: -prev.omkostnadOre,
        expensesOre: -prev.expensesOre,
        taxOre: -prev.taxOre,
        taxMode: 'side_income_30',
        feeOre: -prev.feeOre,
        feeRateBp: 0,
        feeBaseOre: 0,
        belowThreshold: false,
        details: ['Rättelse: inget underlag längre för månaden.'],
        approverIds: [],
      });
    }
  }
  if (lines.length === 0) {
    // A refused call changes nothing; an old draft that no longer holds anything is left for the user to delete.
    const stale = draft ? ' Det tidigare utkastet är inaktuellt: ta bort det.' : '';
    throw new DomainError(
      'RULE_VIOLATION',
      isCorrection
        ? `Inga ändringar sedan den attesterade utbetalningen för ${input.month}: ingen rättelse behövs.${stale}`
        : `Det finns inget att betala ut: inga godkända månadsrapporter för månaden.${stale}`,
    );
  }

  const trx = ctx.db;
  let id = draft?.id;
  if (id) {
    await trx.deleteFrom('payout_lines').where('batch_id', '=', id).execute();
    await trx
      .updateTable('payout_batches')
      .set({ payment_date: paymentDate, kind: isCorrection ? 'rättelse' : 'ordinarie' })
      .where('id', '=', id)
      .execute();
  } else {
    ({ id } = await trx
      .insertInto('payout_batches')
      .values({
        month: input.month,
        kind: isCorrection ? 'rättelse' : 'ordinarie',
        status: 'utkast',
        payment_date: paymentDate,
        created_at: ctx.now().toISOString(),
        created_by: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow());
  }
  // In chunks: one statement for 10 000 people would exceed SQLite's limit on bound variables.
  for (let i = 0; i < lines.length; i += 500) {
    await trx
      .insertInto('payout_lines')
      .values(
        lines.slice(i, i + 500).map((l) => ({
          batch_id: id!,
          contact_person_id: l.contactPersonId,
          arvode_ore: l.arvodeOre,
          omkostnad_ore: l.omkostnadOre,
          expenses_ore: l.expensesOre,
          tax_ore: l.taxOre,
          tax_mode: l.taxMode,
          fee_ore: l.feeOre,
          fee_rate_bp: l.feeRateBp,
          fee_base_ore: l.feeBaseOre,
          below_threshold: l.belowThreshold ? 1 : 0,
          details: JSON.stringify({ text: l.details, approvers: l.approverIds }),
        })),
      )
      .execute();
  }
  await audit(ctx, trx, {
    action: draft ? 'payout.recompute' : 'payout.create',
    entityType: 'payout_batch',
    entityId: id!,
    detail: `${input.month}, ${lines.length} rader`,
  });
  return { id: id! };
}

export async function setTableTax(ctx: ServiceContext, input: { lineId: number; taxOre: number }): Promise<void> {
  return writeTransaction(ctx, (tx) => setTableTaxInTrx(tx, input));
}

async function setTableTaxInTrx(ctx: TxContext, input: { lineId: number; taxOre: number }): Promise<void> {
  const line = await ctx.db
    .selectFrom('payout_lines')
    .innerJoin('payout_batches', 'payout_batches.id', 'payout_lines.batch_id')
    .select([
      'payout_lines.id',
      'payout_lines.tax_mode',
      'payout_lines.arvode_ore',
      'payout_batches.status',
      'payout_lines.batch_id',
    ])
    .where('payout_lines.id', '=', input.lineId)
    .executeTakeFirst();
  if (!line) throw new DomainError('NOT_FOUND', 'Raden finns inte.');
  if (line.status !== 'utkast')
    throw new DomainError('RULE_VIOLATION', 'Utbetalningen är attesterad och kan inte ändras.');
  if (line.tax_mode !== 'table')
    throw new DomainError('RULE_VIOLATION', 'Skatten räknas automatiskt för den här personen.');
  if (input.taxOre > Math.max(0, line.arvode_ore))
    throw new DomainError('INVALID_INPUT', 'Skatten kan inte vara större än arvodet.', {
      fields: { taxOre: 'Större än arvodet.' },
    });
  const trx = ctx.db;
  await trx
    .updateTable('payout_lines')
    .set({ tax_ore: Math.floor(input.taxOre / 100) * 100 })
    .where('id', '=', line.id)
    .execute();
  await audit(ctx, trx, { action: 'payout.table-tax', entityType: 'payout_batch', entityId: line.batch_id });
}

/** What the payee's account was at the last attested payout, and the last logged account change. */
async function accountHistory(ctx: ServiceContext, personIds: number[], excludeBatchId: number) {
  const lastPaid = new Map<number, { clearing: string | null; account: string | null; month: string }>();
  const lastChange = new Map<number, { at: string; before: string; after: string }>();
  for (let i = 0; i < personIds.length; i += 500) {
    const ids = personIds.slice(i, i + 500);
    const paid = await ctx.db
      .selectFrom('payout_lines')
      .innerJoin('payout_batches', 'payout_batches.id', 'payout_lines.batch_id')
      .select([
        'payout_lines.contact_person_id',
        'payout_lines.payee_clearing',
        'payout_lines.payee_account',
        'payout_batches.month',
      ])
      .where('payout_batches.status', '=', 'attesterad')
      .where('payout_batches.id', '!=', excludeBatchId)
      .where('payout_lines.contact_person_id', 'in', ids)
      .orderBy('payout_batches.attested_at')
      .orderBy('payout_batches.id')
      .execute();
    for (const p of paid)
      lastPaid.set(p.contact_person_id, { clearing: p.payee_clearing, account: p.payee_account, month: p.month });
    const changes = await ctx.db
      .selectFrom('payment_detail_changes')
      .select(['contact_person_id', 'at', 'before_masked', 'after_masked'])
      .where('field', '=', 'bankkonto')
      .where('contact_person_id', 'in', ids)
      .orderBy('id')
      .execute();
    for (const c of changes)
      lastChange.set(c.contact_person_id, { at: c.at, before: c.before_masked, after: c.after_masked });
  }
  return { lastPaid, lastChange };
}

const accountKey = (clearing: string | null, account: string | null) => {
  const n = clearing && account ? normaliseAccount(clearing, account) : null;
  return n ? formatBban(n, true) : `${clearing ?? ''}/${account ?? ''}`;
};

/**
 * "Kontonummer ändrat sedan förra utbetalningen": the account differs from the one last paid to the
 * person, or (never paid before) the account was changed after registration. Null when not flagged.
 */
async function accountChangeNotes(
  ctx: ServiceContext,
  batchId: number,
  people: Array<{ id: number; clearing: string | null; account: string | null }>,
): Promise<Map<number, string>> {
  const { lastPaid, lastChange } = await accountHistory(ctx, [...new Set(people.map((p) => p.id))], batchId);
  const out = new Map<number, string>();
  for (const p of people) {
    const paid = lastPaid.get(p.id);
    const change = lastChange.get(p.id);
    if (paid) {
      if (accountKey(paid.clearing, paid.account) !== accountKey(p.clearing, p.account)) {
        out.set(
          p.id,
          `Kontonummer ändrat sedan förra utbetalningen (${paid.month}): ${maskAccount(paid.clearing, paid.account)} → ${maskAccount(p.clearing, p.account)}${change ? `, ändrat ${change.at.slice(0, 10)}` : ''}.`,
        );
      }
    } else if (change) {
      out.set(
        p.id,
        `Kontonummer ändrat sedan registreringen (${change.at.slice(0, 10)}): ${change.before} → ${change.after}. Ingen tidigare utbetalning.`,
      );
    }
  }
  return out;
}

/** The attestant ticks a flagged line: "I have checked the new account with the person". Ties the tick to the account as it is now. */
export async function checkAccountChange(
  ctx: ServiceContext,
  input: { lineId: number; checked: boolean },
): Promise<void> {
  return writeTransaction(ctx, (tx) => checkAccountChangeInTrx(tx, input));
}

async function checkAccountChangeInTrx(ctx: TxContext, input: { lineId: number; checked: boolean }): Promise<void> {
  const line = await ctx.db
    .selectFrom('payout_lines')
    .innerJoin('payout_batches', 'payout_batches.id', 'payout_lines.batch_id')
    .innerJoin('contact_persons', 'contact_persons.id', 'payout_lines.contact_person_id')
    .select([
      'payout_lines.id',
      'payout_lines.batch_id',
      'payout_batches.status',
      'contact_persons.bank_clearing',
      'contact_persons.bank_account',
    ])
    .where('payout_lines.id', '=', input.lineId)
    .executeTakeFirst();
  if (!line) throw new DomainError('NOT_FOUND', 'Raden finns inte.');
  if (line.status !== 'utkast')
    throw new DomainError('RULE_VIOLATION', 'Utbetalningen är attesterad och kan inte ändras.');
  const trx = ctx.db;
  await trx
    .updateTable('payout_lines')
    .set(
      input.checked
        ? {
            account_checked_by: ctx.actor.id,
            account_checked_at: ctx.now().toISOString(),
            account_checked_value: accountKey(line.bank_clearing, line.bank_account),
          }
        : { account_checked_by: null, account_checked_at: null, account_checked_value: null },
    )
    .where('id', '=', line.id)
    .execute();
  await audit(ctx, trx, {
    action: input.checked ? 'payout.account-checked' : 'payout.account-unchecked',
    entityType: 'payout_batch',
    entityId: line.batch_id,
    detail: `rad ${line.id}`,
  });
}

/**
 * Attest: an attestant approves the batch; it is locked from then on. The payee's name, personnummer,
 * account and employee number are frozen on each line (every export reads those), with the bank
 * profile and the payment channel. Lines whose account changed since the last payout must have been
 * ticked by this attestant for the account they now have.
 */
export async function attestBatch(ctx: ServiceContext, batchId: number): Promise<void> {
  return writeTransaction(ctx, (tx) => attestBatchInTrx(tx, batchId));
}

async function attestBatchInTrx(ctx: TxContext, batchId: number): Promise<void> {
  const batch = await ctx.db.selectFrom('payout_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
  if (!batch) throw new DomainError('NOT_FOUND', 'Utbetalningen finns inte.');
  if (batch.status !== 'utkast') throw new DomainError('RULE_VIOLATION', 'Utbetalningen är redan attesterad.');
  const lines = await ctx.db
    .selectFrom('payout_lines')
    .innerJoin('contact_persons', 'contact_persons.id', 'payout_lines.contact_person_id')
    .select([
      'payout_lines.id',
      'contact_person_id',
      'tax_ore',
      'details',
      'arvode_ore',
      'omkostnad_ore',
      'expenses_ore',
      'account_checked_by',
      'account_checked_value',
      'first_name',
      'last_name',
      'bank_clearing',
      'bank_account',
    ])
    .where('batch_id', '=', batchId)
    .execute();
  if (lines.some((l) => l.tax_ore === null))
    throw new DomainError('RULE_VIOLATION', 'Skatt saknas på någon rad. Ange skattebeloppet innan attest.');
  const settings = await getPaymentSettings(ctx.db);
  if (
    settings.twoPersonRule &&
    lines.some((l) => (JSON.parse(l.details) as { approvers: number[] }).approvers.includes(ctx.actor.id))
  ) {
    throw new DomainError(
      'RULE_VIOLATION',
      'Tvåpersonsregeln: du har godkänt månadsrapporter i den här utbetalningen och kan inte attestera den.',
    );
  }
  const paid = (l: (typeof lines)[number]) =>
    netPay({
      arvodeOre: l.arvode_ore,
      taxOre: l.tax_ore ?? 0,
      omkostnadOre: l.omkostnad_ore,
      expensesOre: l.expenses_ore,
    }) > 0;
  if (settings.payoutChannel === 'pain001' || settings.payoutChannel === 'bgc-lon') {
    const noAccount = lines.filter(
      (l) => paid(l) && (!l.bank_clearing || !l.bank_account || !normaliseAccount(l.bank_clearing, l.bank_account)),
    );
    if (noAccount.length)
      throw new DomainError(
        'RULE_VIOLATION',
        `Giltigt bankkonto saknas för ${noAccount.map((l) => `${l.first_name} ${l.last_name}`).join(', ')}. Enheten betalar med bankfil; rätta kontot innan attest.`,
      );
  }
  const notes = await accountChangeNotes(
    ctx,
    batchId,
    lines.map((l) => ({ id: l.contact_person_id, clearing: l.bank_clearing, account: l.bank_account })),
  );
  const unchecked = lines.filter(
    (l) =>
      notes.has(l.contact_person_id) &&
      (l.account_checked_by !== ctx.actor.id ||
        l.account_checked_value !== accountKey(l.bank_clearing, l.bank_account)),
  );
  if (unchecked.length) {
    throw new DomainError(
      'RULE_VIOLATION',
      `Kontonummer ändrat sedan förra utbetalningen för ${unchecked.map((l) => `${l.first_name} ${l.last_name}`).join(', ')}. Kontrollera kontot och bocka i raden innan du attesterar.`,
    );
  }
  const trx = ctx.db;
  await sql`UPDATE payout_lines SET
      payee_name = (SELECT first_name || ' ' || last_name FROM contact_persons cp WHERE cp.id = payout_lines.contact_person_id),
      payee_personnummer = (SELECT personnummer FROM contact_persons cp WHERE cp.id = payout_lines.contact_person_id),
      payee_clearing = (SELECT bank_clearing FROM contact_persons cp WHERE cp.id = payout_lines.contact_person_id),
      payee_account = (SELECT bank_account FROM contact_persons cp WHERE cp.id = payout_lines.contact_person_id),
      payee_employee_number = (SELECT employee_number FROM contact_persons cp WHERE cp.id = payout_lines.contact_person_id)
    WHERE batch_id = ${batchId}`.execute(trx);
  for (const l of lines) {
    const note = notes.get(l.contact_person_id);
    if (note)
      await trx
        .updateTable('payout_lines')
        .set({ account_changed: 1, account_change_note: note })
        .where('id', '=', l.id)
        .execute();
  }
  await trx
    .updateTable('payout_batches')
    .set({
      status: 'attesterad',
      attested_at: ctx.now().toISOString(),
      attested_by: ctx.actor.id,
      bank_profile: settings.bankProfile,
      channel: settings.payoutChannel,
    })
    .where('id', '=', batchId)
    .execute();
  await audit(ctx, trx, {
    action: 'payout.attest',
    entityType: 'payout_batch',
    entityId: batchId,
    detail: `${batch.month}, ${PAYOUT_FORMAT_LABELS[settings.payoutChannel]}${notes.size ? `, ${notes.size} ändrade konton kontrollerade` : ''}`,
  });
}

/** A draft (never attested) can be deleted; an attested batch never. */
export async function deleteDraft(ctx: ServiceContext, batchId: number): Promise<void> {
  return writeTransaction(ctx, (tx) => deleteDraftInTrx(tx, batchId));
}

async function deleteDraftInTrx(ctx: TxContext, batchId: number): Promise<void> {
  const batch = await ctx.db
    .selectFrom('payout_batches')
    .select(['id', 'status'])
    .where('id', '=', batchId)
    .executeTakeFirst();
  if (!batch) throw new DomainError('NOT_FOUND', 'Utbetalningen finns inte.');
  if (batch.status !== 'utkast')
    throw new DomainError('RULE_VIOLATION', 'En attesterad utbetalning kan inte tas bort.');
  await ctx.db.deleteFrom('payout_redates').where('batch_id', '=', batchId).execute();
  await ctx.db.deleteFrom('payout_lines').where('batch_id', '=', batchId).execute();
  await ctx.db.deleteFrom('payout_batches').where('id', '=', batchId).where('status', '=', 'utkast').execute();
  await audit(ctx, ctx.db, {
    action: 'payout.delete-draft',
    entityType: 'payout_batch',
    entityId: batchId,
    detail: 'borttaget utkast',
  });
}

/**
 * Moves the pay date. A draft: by whoever computes or attests it. An attested batch (typically one
 * whose date has passed before the file went out): only by an attestant, with a reason, and only while
 * no file is out (void the export first). Every move is kept with its reason and shown on the batch.
 */
export async function redateBatch(
  ctx: ServiceContext,
  input: { batchId: number; paymentDate: string; reason: string },
): Promise<void> {
  return writeTransaction(ctx, (tx) => redateBatchInTrx(tx, input));
}

async function redateBatchInTrx(
  ctx: TxContext,
  input: { batchId: number; paymentDate: string; reason: string },
): Promise<void> {
  const batch = await ctx.db
    .selectFrom('payout_batches')
    .selectAll()
    .where('id', '=', input.batchId)
    .executeTakeFirst();
  if (!batch) throw new DomainError('NOT_FOUND', 'Utbetalningen finns inte.');
  checkPaymentDate(input.paymentDate, toLocalIsoDate(ctx.now()));
  if (input.paymentDate === batch.payment_date)
    throw new DomainError('INVALID_INPUT', 'Det är redan utbetalningsdagen.', {
      fields: { paymentDate: 'Samma dag som nu.' },
    });
  if (batch.status === 'attesterad') {
    if (!ctx.actor.roles.includes('attestant'))
      throw new DomainError('FORBIDDEN', 'Bara en attestant kan ändra dagen för en attesterad utbetalning.');
    if (!input.reason)
      throw new DomainError('INVALID_INPUT', 'Ange skälet till den nya utbetalningsdagen.', {
        fields: { reason: 'Ange skäl.' },
      });
    const active = await ctx.db
      .selectFrom('payout_exports')
      .select('format')
      .where('batch_id', '=', batch.id)
      .where('voided_at', 'is', null)
      .executeTakeFirst();
    if (active)
      throw new DomainError(
        'RULE_VIOLATION',
        `Filen är redan exporterad med utbetalningsdagen ${batch.payment_date}. Makulera exporten (med skäl) innan dagen ändras.`,
      );
  }
  const trx = ctx.db;
  await trx.updateTable('payout_batches').set({ payment_date: input.paymentDate }).where('id', '=', batch.id).execute();
  await trx
    .insertInto('payout_redates')
    .values({
      batch_id: batch.id,
      from_date: batch.payment_date,
      to_date: input.paymentDate,
      at: ctx.now().toISOString(),
      user_id: ctx.actor.id,
      reason: input.reason || 'Ändrad före attest',
    })
    .execute();
  await audit(ctx, trx, {
    action: 'payout.redate',
    entityType: 'payout_batch',
    entityId: batch.id,
    detail: `${batch.payment_date} -> ${input.paymentDate}${input.reason ? `: ${input.reason}` : ''}`,
  });
}

export async function listBatches(ctx: ServiceContext, month: string): Promise<PayoutBatch[]> {
  const batches = await ctx.db
    .selectFrom('payout_batches')
    .leftJoin('users as c', 'c.id', 'payout_batches.created_by')
    .leftJoin('users as a', 'a.id', 'payout_batches.attested_by')
    .selectAll('payout_batches')
    .select(['c.display_name as created_name', 'a.display_name as attested_name'])
    .where('month', '=', month)
    .orderBy('payout_batches.id')
    .execute();
  const { missing } = await computeMonth(ctx.db, month).catch((e: Error) => ({ missing: [e.message] }));
  const settings = await getPaymentSettings(ctx.db);
  const out: PayoutBatch[] = [];
  for (const b of batches) {
    const lines = await ctx.db
      .selectFrom('payout_lines')
      .innerJoin('contact_persons', 'contact_persons.id', 'payout_lines.contact_person_id')
      .leftJoin('users as chk', 'chk.id', 'payout_lines.account_checked_by')
      .selectAll('payout_lines')
      .select([
        'contact_persons.first_name',
        'contact_persons.last_name',
        'contact_persons.personnummer',
        'contact_persons.bank_clearing',
        'contact_persons.bank_account',
        'contact_persons.employee_number',
        'chk.display_name as checked_name',
      ])
      .where('batch_id', '=', b.id)
      .orderBy('contact_persons.last_name')
      .orderBy('contact_persons.first_name')
      .execute();
    const attested = b.status === 'attesterad';
    // A draft shows the register as it is now (and flags changed accounts); an attested batch its frozen values.
    const notes = attested
      ? new Map<number, string>()
      : await accountChangeNotes(
          ctx,
          b.id,
          lines.map((l) => ({ id: l.contact_person_id, clearing: l.bank_clearing, account: l.bank_account })),
        );
    const exports = await ctx.db
      .selectFrom('payout_exports')
      .select(['id', 'format', 'at', 'reason', 'msg_id', 'voided_at', 'void_reason'])
      .where('batch_id', '=', b.id)
      .orderBy('id')
      .execute();
    const redates = await ctx.db
      .selectFrom('payout_redates')
      .leftJoin('users', 'users.id', 'payout_redates.user_id')
      .select(['from_date', 'to_date', 'at', 'reason', 'users.display_name'])
      .where('batch_id', '=', b.id)
      .orderBy('payout_redates.id')
      .execute();
    const mapped = lines.map((l) => {
      const pnr = attested ? (l.payee_personnummer ?? l.personnummer) : l.personnummer;
      const clearing = attested ? l.payee_clearing : l.bank_clearing;
      const account = attested ? l.payee_account : l.bank_account;
      const note = attested ? l.account_change_note : (notes.get(l.contact_person_id) ?? null);
      const checked = attested
        ? l.account_changed === 1
        : note !== null && l.account_checked_value === accountKey(clearing, account);
      return {
        id: l.id,
        contactPersonId: l.contact_person_id,
        name: attested ? (l.payee_name ?? `${l.first_name} ${l.last_name}`) : `${l.first_name} ${l.last_name}`,
        personnummer: pnr,
        personnummerMasked: maskPersonnummer(pnr),
        birthDate: `${pnr.slice(0, 4)}-${pnr.slice(4, 6)}-${pnr.slice(6, 8)}`,
        clearing,
        account,
        employeeNumber: attested ? l.payee_employee_number : l.employee_number,
        accountChanged: attested ? l.account_changed === 1 : note !== null,
        accountChangeNote: note,
        accountChangeCheckedBy: checked ? (l.checked_name ?? null) : null,
        arvodeOre: l.arvode_ore,
        omkostnadOre: l.omkostnad_ore,
        expensesOre: l.expenses_ore,
        taxOre: l.tax_ore,
        taxMode: l.tax_mode,
        netOre:
          l.tax_ore === null
            ? null
            : netPay({
                arvodeOre: l.arvode_ore,
                taxOre: l.tax_ore,
                omkostnadOre: l.omkostnad_ore,
                expensesOre: l.expenses_ore,
              }),
        feeOre: l.fee_ore,
        feeRateBp: l.fee_rate_bp,
        belowThreshold: l.below_threshold === 1,
        details: (JSON.parse(l.details) as { text: string[] }).text,
      };
    });
    const sum = (f: (x: (typeof mapped)[number]) => number | null) => mapped.reduce((s, x) => s + (f(x) ?? 0), 0);
    const profile = b.bank_profile ?? settings.bankProfile;
    const problems = [
      ...mapped.filter((l) => l.taxOre === null).map((l) => `Skatt saknas för ${l.name} (${l.personnummerMasked}).`),
      ...mapped
        .filter((l) => !l.account)
        .map((l) => `Bankkonto saknas för ${l.name} (${l.personnummerMasked}; behövs för bankfil).`),
      ...mapped
        .filter((l) => l.netOre !== null && l.netOre < 0)
        .map(
          (l) =>
            `Negativt belopp för ${l.name} (${l.personnummerMasked}): regleras manuellt, tas inte med i bankfilen.`,
        ),
      ...(!attested
        ? mapped
            .filter((l) => l.accountChanged && !l.accountChangeCheckedBy)
            .map(
              (l) =>
                `${l.name} (${l.personnummerMasked}): kontonummer ändrat sedan förra utbetalningen. Attestanten ska kontrollera kontot och bocka i raden.`,
            )
        : []),
    ];
    out.push({
      id: b.id,
      month: b.month,
      kind: b.kind,
      status: b.status,
      paymentDate: b.payment_date,
      executionDate: executionDate(b.payment_date, BANK_PROFILES_DEF[profile]?.executionDate ?? 'payday'),
      channel: b.channel ?? (attested ? null : settings.payoutChannel),
      bankProfile: profile,
      redates: redates.map((r) => ({
        from: r.from_date,
        to: r.to_date,
        at: r.at,
        by: r.display_name ?? null,
        reason: r.reason,
      })),
      createdBy: b.created_name ?? null,
      attestedBy: b.attested_name ?? null,
      attestedAt: b.attested_at,
      exports: exports.map((e) => ({
        id: e.id,
        format: e.format,
        at: e.at,
        reason: e.reason,
        msgId: e.msg_id,
        voidedAt: e.voided_at,
        voidReason: e.void_reason,
      })),
      lines: mapped,
      totals: {
        arvodeOre: sum((x) => x.arvodeOre),
        omkostnadOre: sum((x) => x.omkostnadOre),
        expensesOre: sum((x) => x.expensesOre),
        taxOre: sum((x) => x.taxOre),
        netOre: sum((x) => x.netOre),
        feeOre: sum((x) => x.feeOre),
      },
      missing: b.status === 'utkast' ? missing : [],
      problems,
    });
  }
  await audit(ctx, ctx.db, { action: 'payout.read', entityType: 'payout_batch', detail: month });
  return out;
}
