import type { Handlers } from '../router';
import { createRateYear, getPaymentSettings, listRates, rateStatus, savePaymentSettings, saveRate } from '../../services/payouts/settings';
import { approveReport, monthReports, submitReport } from '../../services/payouts/reports';
import { attestBatch, checkAccountChange, createPayoutBatch, defaultPaymentDate, deleteDraft, listBatches, redateBatch, setTableTax } from '../../services/payouts/batches';
import { exportBatch, voidExport } from '../../services/payouts/export';
import { paymentDetailChanges } from '../../services/payouts/changes';
import { yearSummary } from '../../services/payouts/year-summary';
import { setCompensation } from '../../services/assignments/compensation';
import { attestListHtml, payoutSpecificationsHtml } from '../../documents/payout-documents';
import { readSettings } from '../../services/settings';
import { toLocalIsoDate } from '../../../shared/dates';
import { DomainError } from '../../../shared/errors';
import { audit } from '../../core/session';

const ok = { ok: true as const };

export const payoutHandlers: Pick<
  Handlers,
  | 'rates.list' | 'rates.save' | 'rates.status' | 'rates.createYear' | 'payments.getSettings' | 'payments.saveSettings' | 'assignments.setCompensation'
  | 'reports.month' | 'reports.submit' | 'reports.approve'
  | 'payouts.list' | 'payouts.create' | 'payouts.setTableTax' | 'payouts.attest' | 'payouts.export' | 'payouts.yearSummary' | 'payouts.exportPdf'
  | 'payouts.defaultPaymentDate' | 'payouts.deleteDraft' | 'payouts.redate' | 'payouts.checkAccountChange' | 'payouts.voidExport' | 'payouts.paymentDetailChanges'
> = {
  'rates.list': (core) => listRates(core.serviceContext().db),
  'rates.save': async (core, input) => (await saveRate(core.serviceContext(), input), ok),
  'rates.status': (core) => rateStatus(core.serviceContext()),
  'rates.createYear': (core, input) => createRateYear(core.serviceContext(), input),
  'payments.getSettings': (core) => getPaymentSettings(core.serviceContext().db),
  'payments.saveSettings': async (core, input) => (await savePaymentSettings(core.serviceContext(), input), ok),
  'assignments.setCompensation': async (core, input) => (await setCompensation(core.serviceContext(), input), ok),
  'reports.month': (core, input) => monthReports(core.serviceContext(), input.month),
  'reports.submit': async (core, input) => (await submitReport(core.serviceContext(), input), ok),
  'reports.approve': async (core, input) => (await approveReport(core.serviceContext(), input), ok),
  'payouts.list': (core, input) => listBatches(core.serviceContext(), input.month),
  'payouts.create': (core, input) => createPayoutBatch(core.serviceContext(), input),
  'payouts.setTableTax': async (core, input) => (await setTableTax(core.serviceContext(), input), ok),
  'payouts.attest': async (core, input) => (await attestBatch(core.serviceContext(), input.batchId), ok),
  'payouts.export': (core, input) => exportBatch(core.serviceContext(), core.exportSink, input),
  'payouts.defaultPaymentDate': async (core, input) => ({ paymentDate: await defaultPaymentDate(core.serviceContext(), input.month) }),
  'payouts.deleteDraft': async (core, input) => (await deleteDraft(core.serviceContext(), input.batchId), ok),
  'payouts.redate': async (core, input) => (await redateBatch(core.serviceContext(), input), ok),
  'payouts.checkAccountChange': async (core, input) => (await checkAccountChange(core.serviceContext(), input), ok),
  'payouts.voidExport': async (core, input) => (await voidExport(core.serviceContext(), input), ok),
  'payouts.paymentDetailChanges': (core, input) => paymentDetailChanges(core.serviceContext(), input),
  'payouts.yearSummary': (core, input) => yearSummary(core.serviceContext(), input.year),
  'payouts.exportPdf': async (core, input) => {
    const ctx = core.serviceContext();
    const row = await ctx.db.selectFrom('payout_batches').select('month').where('id', '=', input.batchId).executeTakeFirst();
    const found = row ? (await listBatches(ctx, row.month)).find((b) => b.id === input.batchId) : undefined;
    if (!found) throw new DomainError('NOT_FOUND', 'Utbetalningen finns inte.');
    const { unitName } = await readSettings(ctx.db);
    const printedAt = toLocalIsoDate(ctx.now());
    const html = input.document === 'attestlista' ? attestListHtml(found, unitName, printedAt) : payoutSpecificationsHtml(found, unitName, printedAt);
    const savedTo = await core.exportSink(`${input.document}-${found.month}-${found.id}.pdf`, await core.pdf(html));
    if (savedTo) await audit(ctx, ctx.db, { action: 'payout.pdf', entityType: 'payout_batch', entityId: found.id, detail: input.document });
    return { savedTo };
  },
};
