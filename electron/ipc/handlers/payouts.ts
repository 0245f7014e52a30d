import type { Handlers } from '../router';
import { done, exportOutputs } from '../adapt';
import {
  attestBatch,
  checkAccountChange,
  createPayoutBatch,
  defaultPaymentDate,
  deleteDraft,
  listBatches,
  redateBatch,
  setTableTax,
} from '../../services/payouts/batches';
import { exportBatch, voidExport } from '../../services/payouts/export';
import { paymentDetailChanges } from '../../services/payouts/changes';
import { yearSummary } from '../../services/payouts/year-summary';
import { exportPayoutPdf } from '../../services/payouts/pdf-export';

export const payoutHandlers: Pick<
  Handlers,
  | 'payouts.list'
  | 'payouts.create'
  | 'payouts.setTableTax'
  | 'payouts.attest'
  | 'payouts.export'
  | 'payouts.yearSummary'
  | 'payouts.exportPdf'
  | 'payouts.defaultPaymentDate'
  | 'payouts.deleteDraft'
  | 'payouts.redate'
  | 'payouts.checkAccountChange'
  | 'payouts.voidExport'
  | 'payouts.paymentDetailChanges'
> = {
  'payouts.list': (core, input) => listBatches(core.serviceContext(), input.month),
  'payouts.create': (core, input) => createPayoutBatch(core.serviceContext(), input),
  'payouts.setTableTax': async (core, input) => (await setTableTax(core.serviceContext(), input), done),
  'payouts.attest': async (core, input) => (await attestBatch(core.serviceContext(), input.batchId), done),
  'payouts.export': (core, input) => exportBatch(core.serviceContext(), core.exportSink, input),
  'payouts.defaultPaymentDate': async (core, input) => ({
    paymentDate: await defaultPaymentDate(core.serviceContext(), input.month),
  }),
  'payouts.deleteDraft': async (core, input) => (await deleteDraft(core.serviceContext(), input.batchId), done),
  'payouts.redate': async (core, input) => (await redateBatch(core.serviceContext(), input), done),
  'payouts.checkAccountChange': async (core, input) => (await checkAccountChange(core.serviceContext(), input), done),
  'payouts.voidExport': async (core, input) => (await voidExport(core.serviceContext(), input), done),
  'payouts.paymentDetailChanges': (core, input) => paymentDetailChanges(core.serviceContext(), input),
  'payouts.yearSummary': (core, input) => yearSummary(core.serviceContext(), input.year),
  'payouts.exportPdf': (core, input) => exportPayoutPdf(core.serviceContext(), exportOutputs(core), input),
};
