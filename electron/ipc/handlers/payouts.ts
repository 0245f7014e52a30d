import type { Handlers } from '../router';
import { getPaymentSettings, listRates, savePaymentSettings, saveRate } from '../../services/payouts/settings';
import { approveReport, monthReports, submitReport } from '../../services/payouts/reports';
import { attestBatch, createPayoutBatch, listBatches, setTableTax } from '../../services/payouts/batches';
import { exportBatch } from '../../services/payouts/export';
import { yearSummary } from '../../services/payouts/year-summary';
import { setCompensation } from '../../services/assignments/compensation';

const ok = { ok: true as const };

export const payoutHandlers: Pick<
  Handlers,
  | 'rates.list' | 'rates.save' | 'payments.getSettings' | 'payments.saveSettings' | 'assignments.setCompensation'
  | 'reports.month' | 'reports.submit' | 'reports.approve'
  | 'payouts.list' | 'payouts.create' | 'payouts.setTableTax' | 'payouts.attest' | 'payouts.export' | 'payouts.yearSummary'
> = {
  'rates.list': (core) => listRates(core.serviceContext().db),
  'rates.save': async (core, input) => (await saveRate(core.serviceContext(), input), ok),
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
  'payouts.yearSummary': (core, input) => yearSummary(core.serviceContext(), input.year),
};
