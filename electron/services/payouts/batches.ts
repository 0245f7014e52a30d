import { DomainError } from '../../../shared/errors';
import type { PayoutBatch } from '../../../shared/ipc/procedures/payouts';
import { isBankDay } from '../../../shared/bank-days';
import { netPay, payoutDate } from '../../../shared/compensation/payout';
import { toLocalIsoDate } from '../../../shared/dates';
import { audit, type ServiceContext } from '../../core/session';
import { computeMonth, type PersonAmounts } from './compute';
import { getPaymentSettings } from './settings';

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

/**
 * Creates (or recomputes) the month's draft batch. Once a batch for the month is attested it is
 * final: later changes (a report approved late) become a correction batch holding only the differences.
 */
export async function createPayoutBatch(ctx: ServiceContext, input: { month: string; paymentDate?: string }): Promise<{ id: number }> {
  const settings = await getPaymentSettings(ctx.db);
  const paymentDate = input.paymentDate ?? payoutDate(input.month, settings.paymentDayOfMonth);
  if (!isBankDay(paymentDate)) throw new DomainError('INVALID_INPUT', `${paymentDate} är inte en bankdag.`, { fields: { paymentDate: 'Välj en bankdag.' } });
  if (input.paymentDate && paymentDate < toLocalIsoDate(ctx.now())) throw new DomainError('INVALID_INPUT', `Utbetalningsdagen ${paymentDate} har redan passerat.`, { fields: { paymentDate: 'Välj en kommande bankdag.' } });
  const draft = await ctx.db.selectFrom('payout_batches').select('id').where('month', '=', input.month).where('status', '=', 'utkast').executeTakeFirst();
  const { people } = await computeMonth(ctx.db, input.month);
  const previous = await attestedTotals(ctx, input.month);
  const isCorrection = previous.size > 0 || (await ctx.db.selectFrom('payout_batches').select('id').where('month', '=', input.month).where('status', '=', 'attesterad').executeTakeFirst()) !== undefined;

  const lines: PersonAmounts[] = [];
  for (const p of people) {
    const prev = previous.get(p.contactPersonId);
    if (!prev) {
      lines.push(p);
      continue;
    }
    const diff: PersonAmounts = { ...p, details: [`Rättelse mot tidigare attesterad utbetalning för ${input.month}.`, ...p.details] };
    for (const f of FIELDS) (diff as unknown as Record<string, number | null>)[f] = f === 'taxOre' && p.taxOre === null ? null : (p[f] ?? 0) - prev[f];
    if (FIELDS.some((f) => diff[f] !== 0)) lines.push(diff);
  }
  for (const [cpId, prev] of previous) {
    if (!people.some((p) => p.contactPersonId === cpId)) {
      lines.push({ contactPersonId: cpId, arvodeOre: -prev.arvodeOre, omkostnadOre: -prev.omkostnadOre, expensesOre: -prev.expensesOre, taxOre: -prev.taxOre, taxMode: 'side_income_30', feeOre: -prev.feeOre, feeRateBp: 0, feeBaseOre: 0, belowThreshold: false, details: ['Rättelse: inget underlag längre för månaden.'], approverIds: [] });
    }
  }
  if (lines.length === 0) {
    throw new DomainError('RULE_VIOLATION', isCorrection ? 'Inga ändringar sedan den attesterade utbetalningen.' : 'Det finns inget att betala ut: inga godkända månadsrapporter för månaden.');
  }

  return ctx.db.transaction().execute(async (trx) => {
    let id = draft?.id;
    if (id) {
      await trx.deleteFrom('payout_lines').where('batch_id', '=', id).execute();
      await trx.updateTable('payout_batches').set({ payment_date: paymentDate, kind: isCorrection ? 'rättelse' : 'ordinarie' }).where('id', '=', id).execute();
    } else {
      ({ id } = await trx
        .insertInto('payout_batches')
        .values({ month: input.month, kind: isCorrection ? 'rättelse' : 'ordinarie', status: 'utkast', payment_date: paymentDate, created_at: ctx.now().toISOString(), created_by: ctx.actor.id })
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
    await audit(ctx, trx, { action: draft ? 'payout.recompute' : 'payout.create', entityType: 'payout_batch', entityId: id!, detail: `${input.month}, ${lines.length} rader` });
    return { id: id! };
  });
}

export async function setTableTax(ctx: ServiceContext, input: { lineId: number; taxOre: number }): Promise<void> {
  const line = await ctx.db
    .selectFrom('payout_lines')
    .innerJoin('payout_batches', 'payout_batches.id', 'payout_lines.batch_id')
    .select(['payout_lines.id', 'payout_lines.tax_mode', 'payout_lines.arvode_ore', 'payout_batches.status', 'payout_lines.batch_id'])
    .where('payout_lines.id', '=', input.lineId)
    .executeTakeFirst();
  if (!line) throw new DomainError('NOT_FOUND', 'Raden finns inte.');
  if (line.status !== 'utkast') throw new DomainError('RULE_VIOLATION', 'Utbetalningen är attesterad och kan inte ändras.');
  if (line.tax_mode !== 'table') throw new DomainError('RULE_VIOLATION', 'Skatten räknas automatiskt för den här personen.');
  if (input.taxOre > Math.max(0, line.arvode_ore)) throw new DomainError('INVALID_INPUT', 'Skatten kan inte vara större än arvodet.', { fields: { taxOre: 'Större än arvodet.' } });
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('payout_lines').set({ tax_ore: Math.floor(input.taxOre / 100) * 100 }).where('id', '=', line.id).execute();
    await audit(ctx, trx, { action: 'payout.table-tax', entityType: 'payout_batch', entityId: line.batch_id });
  });
}

/** Attest: an attestant approves the batch; it is locked from then on. */
export async function attestBatch(ctx: ServiceContext, batchId: number): Promise<void> {
  const batch = await ctx.db.selectFrom('payout_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
  if (!batch) throw new DomainError('NOT_FOUND', 'Utbetalningen finns inte.');
  if (batch.status !== 'utkast') throw new DomainError('RULE_VIOLATION', 'Utbetalningen är redan attesterad.');
  const lines = await ctx.db.selectFrom('payout_lines').select(['tax_ore', 'details']).where('batch_id', '=', batchId).execute();
  if (lines.some((l) => l.tax_ore === null)) throw new DomainError('RULE_VIOLATION', 'Skatt saknas på någon rad. Ange skattebeloppet innan attest.');
  const settings = await getPaymentSettings(ctx.db);
  if (settings.twoPersonRule && lines.some((l) => (JSON.parse(l.details) as { approvers: number[] }).approvers.includes(ctx.actor.id))) {
    throw new DomainError('RULE_VIOLATION', 'Tvåpersonsregeln: du har godkänt månadsrapporter i den här utbetalningen och kan inte attestera den.');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('payout_batches').set({ status: 'attesterad', attested_at: ctx.now().toISOString(), attested_by: ctx.actor.id }).where('id', '=', batchId).execute();
    await audit(ctx, trx, { action: 'payout.attest', entityType: 'payout_batch', entityId: batchId, detail: batch.month });
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
  const out: PayoutBatch[] = [];
  for (const b of batches) {
    const lines = await ctx.db
      .selectFrom('payout_lines')
      .innerJoin('contact_persons', 'contact_persons.id', 'payout_lines.contact_person_id')
      .selectAll('payout_lines')
      .select(['contact_persons.first_name', 'contact_persons.last_name', 'contact_persons.personnummer', 'contact_persons.bank_account'])
      .where('batch_id', '=', b.id)
      .orderBy('contact_persons.last_name')
      .execute();
    const exports = await ctx.db.selectFrom('payout_exports').select(['format', 'at', 'reason']).where('batch_id', '=', b.id).orderBy('id').execute();
    const mapped = lines.map((l) => ({
      id: l.id,
      contactPersonId: l.contact_person_id,
      name: `${l.first_name} ${l.last_name}`,
      personnummer: l.personnummer,
      arvodeOre: l.arvode_ore,
      omkostnadOre: l.omkostnad_ore,
      expensesOre: l.expenses_ore,
      taxOre: l.tax_ore,
      taxMode: l.tax_mode,
      netOre: l.tax_ore === null ? null : netPay({ arvodeOre: l.arvode_ore, taxOre: l.tax_ore, omkostnadOre: l.omkostnad_ore, expensesOre: l.expenses_ore }),
      feeOre: l.fee_ore,
      feeRateBp: l.fee_rate_bp,
      belowThreshold: l.below_threshold === 1,
      details: (JSON.parse(l.details) as { text: string[] }).text,
    }));
    const sum = (f: (x: (typeof mapped)[number]) => number | null) => mapped.reduce((s, x) => s + (f(x) ?? 0), 0);
    const problems = [
      ...lines.filter((l) => l.tax_ore === null).map((l) => `Skatt saknas för ${l.first_name} ${l.last_name}.`),
      ...lines.filter((l) => !l.bank_account).map((l) => `Bankkonto saknas för ${l.first_name} ${l.last_name} (behövs för bankfil).`),
      ...mapped.filter((l) => l.netOre !== null && l.netOre < 0).map((l) => `Negativt belopp för ${l.name}: regleras manuellt, tas inte med i bankfilen.`),
    ];
    out.push({
      id: b.id,
      month: b.month,
      kind: b.kind as 'ordinarie' | 'rättelse',
      status: b.status as 'utkast' | 'attesterad',
      paymentDate: b.payment_date,
      createdBy: b.created_name ?? null,
      attestedBy: b.attested_name ?? null,
      attestedAt: b.attested_at,
      exports: exports.map((e) => ({ format: e.format, at: e.at, reason: e.reason })),
      lines: mapped,
      totals: { arvodeOre: sum((x) => x.arvodeOre), omkostnadOre: sum((x) => x.omkostnadOre), expensesOre: sum((x) => x.expensesOre), taxOre: sum((x) => x.taxOre), netOre: sum((x) => x.netOre), feeOre: sum((x) => x.feeOre) },
      missing: b.status === 'utkast' ? missing : [],
      problems,
    });
  }
  await audit(ctx, ctx.db, { action: 'payout.read', entityType: 'payout_batch', detail: month });
  return out;
}
