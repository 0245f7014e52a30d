import type { Handlers } from '../router';
import { done } from '../adapt';
import { exportAuditCsv, listAudit, verifyAudit } from '../../services/audit';
import { exportLogReview, logReview, signOffLogReview } from '../../services/legal/log-review';

export const auditHandlers: Pick<
  Handlers,
  'audit.list' | 'audit.export' | 'audit.verify' | 'audit.review' | 'audit.exportReview' | 'audit.signOffReview'
> = {
  'audit.list': (core, input) => listAudit(core.serviceContext(), input),
  'audit.export': (core, input) => exportAuditCsv(core.serviceContext(), core.exportSink, input),
  'audit.verify': (core) => verifyAudit(core.serviceContext(), core.vault),
  'audit.review': (core, input) => logReview(core.serviceContext(), input),
  'audit.exportReview': (core, input) => exportLogReview(core.serviceContext(), core.exportSink, input),
  'audit.signOffReview': async (core, input) => (await signOffLogReview(core.serviceContext(), input), done),
};
