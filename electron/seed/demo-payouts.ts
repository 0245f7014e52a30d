import type { ServiceContext } from '../core/session';
import { addMonths, toLocalIsoDate } from '../../shared/dates';
import { setCompensation } from '../services/assignments/compensation';
import { approveReport, assignmentsInMonth, submitReport } from '../services/payouts/reports';
import { savePaymentSettings } from '../services/payouts/settings';
import type { Rng } from './random';
import { ensureDemoRates } from './demo-rates';

/** Levels on every running assignment and approved reports for the last two months, so a payout can be run. */
export async function seedDemoPayouts(ctx: ServiceContext, r: Rng): Promise<Record<string, number>> {
  await savePaymentSettings(ctx, {
    payerName: 'Provköpings kommun',
    orgNumber: '212000-0000',
    bankProfile: 'swedbank',
    debtorClearing: '8327',
    debtorAccount: '1234567897',
    debtorBic: 'SWEDSESS',
    initiatorId: '',
    bgcCustomerNumber: '123456',
    bgcBankgiro: '9912346',
    payCodeArvode: '310',
    payCodeOmkostnad: '320',
    payCodeUtlagg: '330',
    paymentDayOfMonth: 25,
    twoPersonRule: true,
  });
  const thisMonth = toLocalIsoDate(ctx.now()).slice(0, 7);
  const months = [2, 1].map((back) => addMonths(`${thisMonth}-01`, -back).slice(0, 7));
  await ensureDemoRates(ctx, [...months, thisMonth].map((m) => Number(m.slice(0, 4))));
  const running = await ctx.db.selectFrom('assignments').select('id').where('status', 'in', ['aktivt', 'bada_ja']).execute();
  for (const a of running) {
    await setCompensation(ctx, { id: a.id, arvodeLevel: r.pick(['A1L', 'A1M', 'A1H', 'A2L']), omkostnadLevel: r.pick(['O1', 'O2', 'O2', 'O3']) });
  }
  let reports = 0;
  for (const month of months) {
    for (const a of await assignmentsInMonth(ctx.db, month)) {
      if (!a.arvode_level) continue;
      const from = a.start_date! > `${month}-01` ? a.start_date! : `${month}-01`;
      await submitReport(ctx, { assignmentId: a.id, month, meetingDates: [from], hours: r.int(4, 12), activities: r.pick(['Promenad och fika', 'Bio', 'Fotbollsmatch', 'Simhallen']), expensesOre: 0, receiptsNote: '' });
      await approveReport(ctx, { assignmentId: a.id, month });
      reports++;
    }
  }
  return { månadsrapporter: reports };
}
