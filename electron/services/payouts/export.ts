import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../../shared/errors';
import { isBankDay } from '../../../shared/bank-days';
import { toLocalIsoDate } from '../../../shared/dates';
import { LEGACY_WARNING, PAYOUT_FORMAT_LABELS, type PayoutFormat } from '../../../shared/ipc/procedures/payouts';
import { BANK_PROFILES_DEF } from '../../../shared/bank-profiles';
import { executionDate } from '../../../shared/compensation/payout';
import { audit, type ServiceContext } from '../../core/session';
import { writeTransaction, type TxContext } from '../transaction';
import type { ExportSink } from '../../core/export-sink';
import { buildPain001, profileProblems } from '../../exports/pain001';
import { buildBgcLon } from '../../exports/bgc-lon';
import { buildPaxml } from '../../exports/paxml';
import { buildPayrollCsv } from '../../exports/payroll-csv';
import { validateAgainstXsd, validateRepeatedAgainstXsd } from '../../exports/validate-xml';
import type { ExportBatch } from '../../exports/model';
import { getPaymentSettings } from './settings';
import { normaliseAccount } from '../../../shared/bank-account';
import { netPay } from '../../../shared/compensation/payout';
import { checkPaymentDate } from './batches';

const FILE_NAMES: Record<PayoutFormat, (b: ExportBatch) => string> = {
  pain001: (b) => `pain001-${b.month}-${b.batchId}.xml`,
  'bgc-lon': (b) => `bgc-loner-${b.month}-${b.batchId}.txt`,
  paxml: (b) => `paxml-${b.month}-${b.batchId}.xml`,
  csv: (b) => `loneunderlag-${b.month}-${b.batchId}.csv`,
};

function localDateTime(d: Date): string {
  return `${toLocalIsoDate(d)}T${d.toLocaleTimeString('sv-SE', { hour12: false })}`;
}

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * MsgId, unique across installs, restores and units (banks reject a repeated MsgId; XMLdation's
 * Nordea notes): month and batch for people, plus 10 random characters (50 bits from the OS's
 * CSPRNG) drawn at each new export, so two databases, a restored copy or a reinstall never repeat one
 * even though their batch numbers start over. At most 4 + 6 + 1 + 7 + 1 + 10 = 29 characters (≤ 35).
 */
export function newMsgId(month: string, batchId: number): string {
  const rnd = [...randomBytes(10)].map((b) => BASE32[b % 32]).join('');
  return `KPR-${month.replace('-', '')}-${batchId}-${rnd}`;
}

/** The batch as attested: the payee data frozen on the lines, never the register as it is now. */
async function loadExportBatch(ctx: ServiceContext, batchId: number): Promise<ExportBatch> {
  const b = await ctx.db.selectFrom('payout_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
  if (!b) throw new DomainError('NOT_FOUND', 'Utbetalningen finns inte.');
  if (b.status !== 'attesterad')
    throw new DomainError('RULE_VIOLATION', 'Bara en attesterad utbetalning kan exporteras.');
  const lines = await ctx.db
    .selectFrom('payout_lines')
    .select([
      'contact_person_id',
      'arvode_ore',
      'omkostnad_ore',
      'expenses_ore',
      'tax_ore',
      'payee_name',
      'payee_personnummer',
      'payee_clearing',
      'payee_account',
      'payee_employee_number',
    ])
    .where('batch_id', '=', batchId)
    .orderBy('contact_person_id')
    .execute();
  if (lines.some((l) => l.payee_name === null || l.payee_personnummer === null))
    throw new DomainError('INTERNAL', 'Utbetalningen saknar de låsta mottagaruppgifterna. Kontakta systemförvaltaren.');
  const settings = await getPaymentSettings(ctx.db);
  return {
    batchId: b.id,
    month: b.month,
    msgId: newMsgId(b.month, b.id),
    createdAt: localDateTime(ctx.now()),
    paymentDate: b.payment_date,
    bankProfile: b.bank_profile ?? settings.bankProfile,
    settings,
    lines: lines.map((l) => ({
      contactPersonId: l.contact_person_id,
      name: l.payee_name!,
      personnummer: l.payee_personnummer!,
      clearing: l.payee_clearing,
      account: l.payee_account,
      employeeNumber: l.payee_employee_number,
      arvodeOre: l.arvode_ore,
      omkostnadOre: l.omkostnad_ore,
      expensesOre: l.expenses_ore,
      taxOre: l.tax_ore ?? 0,
      netOre: netPay({
        arvodeOre: l.arvode_ore,
        taxOre: l.tax_ore ?? 0,
        omkostnadOre: l.omkostnad_ore,
        expensesOre: l.expenses_ore,
      }),
    })),
  };
}

/** Checks the XSD cannot make (payments.md §6.4). Returns Swedish problems; empty = fine. */
export function bankFileChecks(batch: ExportBatch, xml: string, today: string): string[] {
  const problems: string[] = [];
  const payable = batch.lines.filter((l) => l.netOre > 0);
  const nb = [...xml.matchAll(/<NbOfTxs>(\d+)<\/NbOfTxs>/g)].map((m) => Number(m[1]));
  const sums = [...xml.matchAll(/<CtrlSum>([\d.]+)<\/CtrlSum>/g)].map((m) => Math.round(Number(m[1]) * 100));
  const amounts = [...xml.matchAll(/<InstdAmt Ccy="SEK">([\d.]+)<\/InstdAmt>/g)].map((m) =>
    Math.round(Number(m[1]) * 100),
  );
  const e2e = [...xml.matchAll(/<EndToEndId>([^<]+)<\/EndToEndId>/g)].map((m) => m[1]);
  const total = amounts.reduce((a, b) => a + b, 0);
  if (nb.some((n) => n !== amounts.length) || amounts.length !== payable.length)
    problems.push('Antalet betalningar (NbOfTxs) stämmer inte.');
  if (sums.some((s) => s !== total) || total !== payable.reduce((a, l) => a + l.netOre, 0))
    problems.push('Kontrollsumman (CtrlSum) stämmer inte.');
  if (new Set(e2e).size !== e2e.length) problems.push('EndToEndId är inte unika.');
  if (amounts.some((a) => a <= 0)) problems.push('Ett belopp är noll eller negativt.');
  if (!isBankDay(batch.paymentDate)) problems.push(`Utbetalningsdagen ${batch.paymentDate} är inte en bankdag.`);
  if (batch.paymentDate < today) problems.push(`Utbetalningsdagen ${batch.paymentDate} har redan passerat.`);
  const exec = executionDate(batch.paymentDate, BANK_PROFILES_DEF[batch.bankProfile].executionDate);
  if (!xml.includes(`<ReqdExctnDt>${exec}</ReqdExctnDt>`)) problems.push('Genomförandedagen följer inte bankprofilen.');
  if (exec < today)
    problems.push(
      `Banken behöver filen senast ${exec} (en bankdag före utbetalningsdagen), och den dagen har passerat.`,
    );
  if (/<Nm>\s*<\/Nm>|<Nm\/>/.test(xml)) problems.push('Ett namn är tomt.');
  return problems;
}

/** The same date rule for every format: a bank day that has not passed (an attestant re-dates otherwise). */
function checkExportDate(paymentDate: string, today: string): void {
  try {
    checkPaymentDate(paymentDate, today);
  } catch (e) {
    throw new DomainError(
      'RULE_VIOLATION',
      `${(e as Error).message} En attestant kan ange en ny utbetalningsdag (med skäl) innan filen tas ut.`,
    );
  }
}

async function build(batch: ExportBatch, format: PayoutFormat, today: string): Promise<Buffer> {
  checkExportDate(batch.paymentDate, today);
  if (format === 'pain001') {
    if (!batch.settings.debtorAccount)
      throw new DomainError('RULE_VIOLATION', 'Betalarens konto saknas i betalningsinställningarna.');
    const problems = profileProblems(batch);
    if (problems.length) throw new DomainError('RULE_VIOLATION', `Bankfilen sparades inte: ${problems.join(' ')}`);
    const xml = buildPain001(batch);
    // The XSD check runs in worker threads; the bank's own checks run here meanwhile.
    const validation = validateRepeatedAgainstXsd(xml, 'pain.001.001.03', 'CdtTrfTxInf');
    const checks = bankFileChecks(batch, xml, today);
    const v = await validation;
    if (!v.valid)
      throw new DomainError('INTERNAL', `Bankfilen klarar inte XSD-kontrollen och sparades inte: ${v.errors[0]}`);
    if (checks.length) throw new DomainError('RULE_VIOLATION', `Bankfilen sparades inte: ${checks.join(' ')}`);
    return Buffer.from(xml, 'utf8');
  }
  if (format === 'paxml') {
    const xml = buildPaxml(batch);
    const v = await validateAgainstXsd(xml, 'paxml-2.0');
    if (!v.valid)
      throw new DomainError('INTERNAL', `PAXml-filen klarar inte XSD-kontrollen och sparades inte: ${v.errors[0]}`);
    return Buffer.from(xml, 'utf8');
  }
  if (format === 'bgc-lon') {
    if (!batch.settings.bgcBankgiro)
      throw new DomainError('RULE_VIOLATION', 'Bankgironummer för Bankgirot Löner saknas i betalningsinställningarna.');
    const bad = batch.lines.filter((l) => l.netOre > 0 && !normaliseAccount(l.clearing ?? '', l.account ?? ''));
    if (bad.length)
      throw new DomainError('RULE_VIOLATION', `Giltigt bankkonto saknas för ${bad.map((l) => l.name).join(', ')}.`);
    return buildBgcLon(batch);
  }
  return Buffer.from(buildPayrollCsv(batch), 'utf8');
}

/**
 * Writes a payout file for an attested batch, through the batch's one channel (frozen at attest from
 * the unit's setting). The first export stores the exact bytes; exporting the same format again needs
 * a reason and gives those same bytes (same MsgId). Another format is refused while an export is
 * active, so the same pay cannot go out twice (bank file and payroll, or pain.001 and Löner); after
 * the export is voided with a reason, the batch may go out once more, in any format, with a new MsgId.
 */
export async function exportBatch(
  ctx: ServiceContext,
  sink: ExportSink,
  input: { batchId: number; format: PayoutFormat; reason: string },
): Promise<{ savedTo: string | null; fileName: string; warning: string | null }> {
  const head = await ctx.db
    .selectFrom('payout_batches')
    .select(['id', 'status', 'channel', 'month', 'payment_date'])
    .where('id', '=', input.batchId)
    .executeTakeFirst();
  if (!head) throw new DomainError('NOT_FOUND', 'Utbetalningen finns inte.');
  if (head.status !== 'attesterad')
    throw new DomainError('RULE_VIOLATION', 'Bara en attesterad utbetalning kan exporteras.');
  const all = await ctx.db
    .selectFrom('payout_exports')
    .select(['id', 'format', 'content', 'sha256', 'voided_at', 'msg_id'])
    .where('batch_id', '=', head.id)
    .orderBy('id')
    .execute();
  const active = all.filter((e) => e.voided_at === null);
  const label = (f: PayoutFormat) => PAYOUT_FORMAT_LABELS[f];
  const earlier = active.find((e) => e.format === input.format && e.content !== null);
  const current = active[0];
  if (current && current.format !== input.format) {
    throw new DomainError(
      'RULE_VIOLATION',
      `Utbetalningen är redan exporterad som ${label(current.format)}. En export i ett annat format kan betala samma ersättning två gånger. Om den tidigare filen inte ska användas: makulera exporten med ett skäl först.`,
    );
  }
  // A new file (any format) needs a pay date that has not passed; a same-bytes re-export does not build one.
  if (!earlier) checkExportDate(head.payment_date, toLocalIsoDate(ctx.now()));
  if (!all.length && head.channel && head.channel !== input.format) {
    throw new DomainError(
      'RULE_VIOLATION',
      `Utbetalningen betalas via ${label(head.channel)} (enhetens betalsätt när den attesterades). Exportera i det formatet.`,
    );
  }
  if (earlier && !input.reason) {
    throw new DomainError(
      'RULE_VIOLATION',
      'Filen har redan exporterats. Ange skälet om den ska tas ut igen; det blir samma fil med samma meddelande-id.',
      { fields: { reason: 'Ange skäl.' } },
    );
  }
  const batch = earlier ? null : await loadExportBatch(ctx, head.id);
  const fileName = FILE_NAMES[input.format]({ month: head.month, batchId: head.id } as ExportBatch);
  const content = earlier
    ? Buffer.from(earlier.content!)
    : await build(batch!, input.format, toLocalIsoDate(ctx.now()));
  const sha256 = createHash('sha256').update(content).digest('hex');
  if (earlier && sha256 !== earlier.sha256)
    throw new DomainError('INTERNAL', 'Den sparade filen har ändrats. Kontakta systemförvaltaren.');
  const savedTo = await sink(fileName, content);
  const warning = input.format === 'bgc-lon' ? LEGACY_WARNING : null;
  if (!savedTo) return { savedTo: null, fileName, warning };
  // The file is built and saved (maybe through a dialog) outside any transaction, so the write checks
  // that no other export of the batch was registered meanwhile (two exports racing each other).
  await writeTransaction(ctx, async ({ db: trx }) => {
    const now = await trx
      .selectFrom('payout_exports')
      .select('id')
      .where('batch_id', '=', head.id)
      .where('voided_at', 'is', null)
      .execute();
    if (now.map((e) => e.id).join() !== active.map((e) => e.id).join()) {
      throw new DomainError(
        'CONFLICT',
        `Utbetalningen exporterades samtidigt av någon annan. Den här filen (${savedTo}) registrerades inte: använd den inte.`,
      );
    }
    if (!earlier)
      await trx.updateTable('payout_batches').set({ channel: input.format }).where('id', '=', head.id).execute();
    await trx
      .insertInto('payout_exports')
      .values({
        batch_id: head.id,
        format: input.format,
        at: ctx.now().toISOString(),
        user_id: ctx.actor.id,
        reason: input.reason || null,
        sha256,
        content: earlier ? null : content,
        msg_id: earlier ? earlier.msg_id : input.format === 'pain001' ? batch!.msgId : null,
      })
      .execute();
    await audit(ctx, trx, {
      action: earlier ? 'payout.export.again' : 'payout.export',
      entityType: 'payout_batch',
      entityId: head.id,
      detail: `${input.format}${input.reason ? `: ${input.reason}` : ''}`,
    });
  });
  return { savedTo, fileName, warning };
}

/** Voids the batch's active export(s) with a reason (the file must not be used); the batch can then be exported once more. */
export async function voidExport(ctx: ServiceContext, input: { batchId: number; reason: string }): Promise<void> {
  return writeTransaction(ctx, (tx) => voidExportInTrx(tx, input));
}

async function voidExportInTrx(ctx: TxContext, input: { batchId: number; reason: string }): Promise<void> {
  const active = await ctx.db
    .selectFrom('payout_exports')
    .select(['id', 'format'])
    .where('batch_id', '=', input.batchId)
    .where('voided_at', 'is', null)
    .execute();
  const first = active[0];
  if (!first) throw new DomainError('RULE_VIOLATION', 'Det finns ingen export att makulera.');
  if (!input.reason.trim())
    throw new DomainError('INVALID_INPUT', 'Ange skälet till makuleringen.', { fields: { reason: 'Ange skäl.' } });
  const trx = ctx.db;
  await trx
    .updateTable('payout_exports')
    .set({ voided_at: ctx.now().toISOString(), voided_by: ctx.actor.id, void_reason: input.reason.trim() })
    .where('batch_id', '=', input.batchId)
    .where('voided_at', 'is', null)
    .execute();
  await audit(ctx, trx, {
    action: 'payout.export.void',
    entityType: 'payout_batch',
    entityId: input.batchId,
    detail: `${first.format}: ${input.reason.trim()}`,
  });
}
