import { createHash } from 'node:crypto';
import { DomainError } from '../../../shared/errors';
import { isBankDay } from '../../../shared/bank-days';
import { checkBankAccount } from '../../../shared/bank-account';
import { toLocalIsoDate } from '../../../shared/dates';
import type { PayoutFormat } from '../../../shared/ipc/procedures/payouts';
import { audit, type ServiceContext } from '../../core/session';
import type { ExportSink } from '../../core/export-sink';
import { buildPain001 } from '../../exports/pain001';
import { buildBgcLon } from '../../exports/bgc-lon';
import { buildPaxml } from '../../exports/paxml';
import { buildPayrollCsv } from '../../exports/payroll-csv';
import { validateAgainstXsd } from '../../exports/validate-xml';
import type { ExportBatch } from '../../exports/model';
import { getPaymentSettings } from './settings';
import { netPay } from '../../../shared/compensation/payout';

const FILE_NAMES: Record<PayoutFormat, (b: ExportBatch) => string> = {
  pain001: (b) => `pain001-${b.month}-${b.batchId}.xml`,
  'bgc-lon': (b) => `bgc-loner-${b.month}-${b.batchId}.txt`,
  paxml: (b) => `paxml-${b.month}-${b.batchId}.xml`,
  csv: (b) => `loneunderlag-${b.month}-${b.batchId}.csv`,
};

function localDateTime(d: Date): string {
  return `${toLocalIsoDate(d)}T${d.toLocaleTimeString('sv-SE', { hour12: false })}`;
}

async function loadExportBatch(ctx: ServiceContext, batchId: number): Promise<ExportBatch> {
  const b = await ctx.db.selectFrom('payout_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
  if (!b) throw new DomainError('NOT_FOUND', 'Utbetalningen finns inte.');
  if (b.status !== 'attesterad') throw new DomainError('RULE_VIOLATION', 'Bara en attesterad utbetalning kan exporteras.');
  const lines = await ctx.db
    .selectFrom('payout_lines')
    .innerJoin('contact_persons', 'contact_persons.id', 'payout_lines.contact_person_id')
    .select(['payout_lines.contact_person_id', 'arvode_ore', 'omkostnad_ore', 'expenses_ore', 'tax_ore', 'first_name', 'last_name', 'personnummer', 'bank_clearing', 'bank_account'])
    .where('batch_id', '=', batchId)
    .orderBy('payout_lines.contact_person_id')
    .execute();
  return {
    batchId: b.id,
    month: b.month,
    msgId: b.msg_id ?? `KPR-${b.month.replace('-', '')}-${String(b.id).padStart(6, '0')}`,
    createdAt: b.first_exported_at ?? localDateTime(ctx.now()),
    paymentDate: b.payment_date,
    settings: await getPaymentSettings(ctx.db),
    lines: lines.map((l) => ({
      contactPersonId: l.contact_person_id,
      name: `${l.first_name} ${l.last_name}`,
      personnummer: l.personnummer,
      clearing: l.bank_clearing,
      account: l.bank_account,
      arvodeOre: l.arvode_ore,
      omkostnadOre: l.omkostnad_ore,
      expensesOre: l.expenses_ore,
      taxOre: l.tax_ore ?? 0,
      netOre: netPay({ arvodeOre: l.arvode_ore, taxOre: l.tax_ore ?? 0, omkostnadOre: l.omkostnad_ore, expensesOre: l.expenses_ore }),
    })),
  };
}

/** Checks the XSD cannot make (payments.md §6.4). Returns Swedish problems; empty = fine. */
export function bankFileChecks(batch: ExportBatch, xml: string, today: string): string[] {
  const problems: string[] = [];
  const payable = batch.lines.filter((l) => l.netOre > 0);
  const nb = [...xml.matchAll(/<NbOfTxs>(\d+)<\/NbOfTxs>/g)].map((m) => Number(m[1]));
  const sums = [...xml.matchAll(/<CtrlSum>([\d.]+)<\/CtrlSum>/g)].map((m) => Math.round(Number(m[1]) * 100));
  const amounts = [...xml.matchAll(/<InstdAmt Ccy="SEK">([\d.]+)<\/InstdAmt>/g)].map((m) => Math.round(Number(m[1]) * 100));
  const e2e = [...xml.matchAll(/<EndToEndId>([^<]+)<\/EndToEndId>/g)].map((m) => m[1]);
  const total = amounts.reduce((a, b) => a + b, 0);
  if (nb.some((n) => n !== amounts.length) || amounts.length !== payable.length) problems.push('Antalet betalningar (NbOfTxs) stämmer inte.');
  if (sums.some((s) => s !== total) || total !== payable.reduce((a, l) => a + l.netOre, 0)) problems.push('Kontrollsumman (CtrlSum) stämmer inte.');
  if (new Set(e2e).size !== e2e.length) problems.push('EndToEndId är inte unika.');
  if (amounts.some((a) => a <= 0)) problems.push('Ett belopp är noll eller negativt.');
  if (!isBankDay(batch.paymentDate)) problems.push(`Utbetalningsdagen ${batch.paymentDate} är inte en bankdag.`);
  if (batch.paymentDate < today) problems.push(`Utbetalningsdagen ${batch.paymentDate} har redan passerat.`);
  return problems;
}

async function build(batch: ExportBatch, format: PayoutFormat, today: string): Promise<Buffer> {
  if (format === 'pain001' || format === 'bgc-lon') {
    const s = batch.settings;
    if (!s.debtorAccount) throw new DomainError('RULE_VIOLATION', 'Betalarens konto saknas i betalningsinställningarna.');
    const bad = batch.lines.filter((l) => l.netOre > 0 && (!l.clearing || !l.account || checkBankAccount(l.clearing, l.account).status === 'invalid'));
    if (bad.length) throw new DomainError('RULE_VIOLATION', `Giltigt bankkonto saknas för ${bad.map((l) => l.name).join(', ')}.`);
  }
  if (format === 'pain001') {
    const xml = buildPain001(batch);
    const v = await validateAgainstXsd(xml, 'pain.001.001.03');
    if (!v.valid) throw new DomainError('INTERNAL', `Bankfilen klarar inte XSD-kontrollen och sparades inte: ${v.errors[0]}`);
    const problems = bankFileChecks(batch, xml, today);
    if (problems.length) throw new DomainError('RULE_VIOLATION', `Bankfilen sparades inte: ${problems.join(' ')}`);
    return Buffer.from(xml, 'utf8');
  }
  if (format === 'paxml') {
    const xml = buildPaxml(batch);
    const v = await validateAgainstXsd(xml, 'paxml-2.0');
    if (!v.valid) throw new DomainError('INTERNAL', `PAXml-filen klarar inte XSD-kontrollen och sparades inte: ${v.errors[0]}`);
    return Buffer.from(xml, 'utf8');
  }
  if (format === 'bgc-lon') {
    if (!batch.settings.bgcBankgiro) throw new DomainError('RULE_VIOLATION', 'Bankgironummer för Bankgirot Löner saknas i betalningsinställningarna.');
    if (!isBankDay(batch.paymentDate)) throw new DomainError('RULE_VIOLATION', `Utbetalningsdagen ${batch.paymentDate} är inte en bankdag.`);
    return buildBgcLon(batch);
  }
  return Buffer.from(buildPayrollCsv(batch), 'utf8');
}

/**
 * Writes a payout file for an attested batch. The first export stores the exact bytes; exporting
 * again needs a reason and gives those same bytes (same MsgId), so a file is never paid twice by mistake.
 */
export async function exportBatch(ctx: ServiceContext, sink: ExportSink, input: { batchId: number; format: PayoutFormat; reason: string }): Promise<{ savedTo: string | null; fileName: string }> {
  const batch = await loadExportBatch(ctx, input.batchId);
  const fileName = FILE_NAMES[input.format](batch);
  const earlier = await ctx.db.selectFrom('payout_exports').select(['content', 'sha256']).where('batch_id', '=', batch.batchId).where('format', '=', input.format).orderBy('id').executeTakeFirst();
  if (earlier && !input.reason) {
    throw new DomainError('RULE_VIOLATION', 'Filen har redan exporterats. Ange skälet om den ska tas ut igen; det blir samma fil med samma meddelande-id.', { fields: { reason: 'Ange skäl.' } });
  }
  const content = earlier?.content ? Buffer.from(earlier.content) : await build(batch, input.format, toLocalIsoDate(ctx.now()));
  const sha256 = createHash('sha256').update(content).digest('hex');
  if (earlier && sha256 !== earlier.sha256) throw new DomainError('INTERNAL', 'Den sparade filen har ändrats. Kontakta systemförvaltaren.');
  const savedTo = await sink(fileName, content);
  if (!savedTo) return { savedTo: null, fileName };
  await ctx.db.transaction().execute(async (trx) => {
    if (!earlier) {
      await trx.updateTable('payout_batches').set({ msg_id: batch.msgId, first_exported_at: batch.createdAt }).where('id', '=', batch.batchId).where('first_exported_at', 'is', null).execute();
    }
    await trx.insertInto('payout_exports').values({ batch_id: batch.batchId, format: input.format, at: ctx.now().toISOString(), user_id: ctx.actor.id, reason: input.reason || null, sha256, content: earlier ? null : content }).execute();
    await audit(ctx, trx, { action: earlier ? 'payout.export.again' : 'payout.export', entityType: 'payout_batch', entityId: batch.batchId, detail: `${input.format}${input.reason ? `: ${input.reason}` : ''}` });
  });
  return { savedTo, fileName };
}

