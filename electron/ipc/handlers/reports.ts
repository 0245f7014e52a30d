import type { Handlers } from '../router';
import { done, exportOutputs } from '../adapt';
import { ivoReport } from '../../services/reports/ivo';
import { exportIvo } from '../../services/reports/ivo-export';
import { approveReport, monthReports, submitReport } from '../../services/payouts/reports';
import { exportLssRegister, lssRegisterReport } from '../../services/legal/lss-register';

export const reportHandlers: Pick<
  Handlers,
  | 'reports.ivo'
  | 'reports.exportIvo'
  | 'reports.month'
  | 'reports.submit'
  | 'reports.approve'
  | 'reports.lssRegister'
  | 'reports.exportLssRegister'
> = {
  'reports.ivo': (core, input) => ivoReport(core.serviceContext(), input),
  'reports.exportIvo': (core, input) => exportIvo(core.serviceContext(), exportOutputs(core), input),
  'reports.month': (core, input) => monthReports(core.serviceContext(), input.month),
  'reports.submit': async (core, input) => (await submitReport(core.serviceContext(), input), done),
  'reports.approve': async (core, input) => (await approveReport(core.serviceContext(), input), done),
  'reports.lssRegister': (core, input) => lssRegisterReport(core.serviceContext(), input.referenceDate),
  'reports.exportLssRegister': (core, input) =>
    exportLssRegister(core.serviceContext(), core.exportSink, input.referenceDate, input.format),
};
