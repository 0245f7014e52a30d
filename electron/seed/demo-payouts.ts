import type { ServiceContext } from '../core/session';
import { addDays, addMonths, toLocalIsoDate } from '../../shared/dates';
import { setCompensation } from '../services/assignments/compensation';
import { approveReport, assignmentsInMonth, submitReport } from '../services/payouts/reports';
import { savePaymentSettings } from '../services/payouts/settings';
import type { Rng } from './random';
import type { PaymentSettings } from '../../shared/ipc/procedures/payments';
import { attestBatch, createPayoutBatch, listBatches, setTableTax } from '../services/payouts/batches';
import { exportBatch } from '../services/payouts/export';
import { payoutDate } from '../../shared/compensation/payout';
import { ensureDemoRates } from './demo-rates';

/** The demo municipality's bank and payroll settings (Swedbank with its ids, pain.001); tests start from them too. */
export const DEMO_PAYMENT_SETTINGS: PaymentSettings = {
  payerName: 'Provköpings kommun',
  orgNumber: '212000-0000',
  bankProfile: 'swedbank',
  debtorClearing: '8327',
  debtorAccount: '1234567897',
  debtorBic: 'SWEDSESS',
  initiatorId: 'SIGNER1234',
  debtorId: 'AVTAL5678',
  payoutChannel: 'pain001',
  bgcCustomerNumber: '123456',
  bgcBankgiro: '9912346',
  payCodeArvode: '310',
  payCodeOmkostnad: '320',
  payCodeUtlagg: '330',
  paymentDayOfMonth: 25,
  twoPersonRule: true,
};

/** Levels on every running assignment and approved reports for the last two months, so a payout can be run. */
export async function seedDemoPayouts(ctx: ServiceContext, r: Rng): Promise<Record<string, number>> {
  await savePaymentSettings(ctx, DEMO_PAYMENT_SETTINGS);
  const thisMonth = toLocalIsoDate(ctx.now()).slice(0, 7);
  const months = [2, 1].map((back) => addMonths(`${thisMonth}-01`, -back).slice(0, 7));
  await ensureDemoRates(
    ctx,
    [...months, thisMonth].map((m) => Number(m.slice(0, 4))),
  );
  const running = await ctx.db
    .selectFrom('assignments')
    .select('id')
    .where('status', 'in', ['aktivt', 'bada_ja'])
    .execute();
  for (const a of running) {
    await setCompensation(ctx, {
      id: a.id,
      arvodeLevel: r.pick(['A1L', 'A1M', 'A1H', 'A2L']),
      omkostnadLevel: r.pick(['O1', 'O2', 'O2', 'O3']),
    });
  }
  let reports = 0;
  for (const month of months) {
    for (const a of await assignmentsInMonth(ctx.db, month)) {
      if (!a.arvode_level) continue;
      const from = a.start_date! > `${month}-01` ? a.start_date! : `${month}-01`;
      await submitReport(ctx, {
        assignmentId: a.id,
        month,
        meetingDates: [from],
        hours: r.int(4, 12),
        activities: r.pick(['Promenad och fika', 'Bio', 'Fotbollsmatch', 'Simhallen']),
        expensesOre: 0,
        receiptsNote: '',
      });
      await approveReport(ctx, { assignmentId: a.id, month });
      reports++;
    }
  }
  const paid = await payOldestMonth(ctx, addMonths(`${thisMonth}-01`, -2).slice(0, 7));
  return { månadsrapporter: reports, 'attesterade och exporterade utbetalningar': paid };
}

/**
 * The older of the two months is paid as it would have been at the time: computed and attested five
 * days before its pay day, by a demo attestant (the two-person rule: the seeding admin approved the
 * reports), and exported as pain.001 (the bytes stay in the database; no file is written). A new user
 * then sees a payout history and the charts; the newer month is left for them to compute.
 */
async function payOldestMonth(ctx: ServiceContext, month: string): Promise<number> {
  const payDay = payoutDate(month, 25);
  const then = new Date(`${addDays(payDay, -5)}T09:00:00Z`);
  const past: ServiceContext = { ...ctx, now: () => then };
  const at = then.toISOString();
  // A record only (no password, cannot log in): the attest needs someone other than the report approver.
  const { id: attestantId } = await ctx.db
    .insertInto('users')
    .values({
      username: 'demo-attestant',
      display_name: 'Demo Attestant',
      roles: JSON.stringify(['attestant']),
      active: 0,
      must_change_password: 1,
      vault_entry_id: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const attestant: ServiceContext = {
    ...past,
    actor: {
      ...ctx.actor,
      id: attestantId,
      username: 'demo-attestant',
      displayName: 'Demo Attestant',
      roles: ['attestant'],
    },
  };
  const { id } = await createPayoutBatch(past, { month });
  const batch = (await listBatches(past, month)).find((b) => b.id === id);
  if (!batch) throw new Error(`Demo payouts: the batch just created for ${month} is not listed`);
  for (const l of batch.lines.filter((x) => x.taxOre === null))
    await setTableTax(past, { lineId: l.id, taxOre: Math.floor((l.arvodeOre * 0.3) / 100) * 100 });
  await attestBatch(attestant, id);
  await exportBatch(attestant, async () => 'demodata (ingen fil skriven)', {
    batchId: id,
    format: 'pain001',
    reason: '',
  });
  return 1;
}
