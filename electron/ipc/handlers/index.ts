import type { Handlers } from '../router';
import { agreementHandlers } from './agreements';
import { assignmentHandlers } from './assignments';
import { auditHandlers } from './audit';
import { backupHandlers } from './backup';
import { clientHandlers } from './clients';
import { contactPersonHandlers } from './cp';
import { dashboardHandlers } from './dashboard';
import { dataSourceHandlers } from './data-source';
import { decisionHandlers } from './decisions';
import { documentHandlers } from './documents';
import { exportHandlers } from './export';
import { followUpHandlers } from './follow-ups';
import { importHandlers } from './import';
import { legalHandlers } from './legal';
import { matchingHandlers } from './matching';
import { participantHandlers } from './participants';
import { paymentHandlers } from './payments';
import { payoutHandlers } from './payouts';
import { planHandlers } from './plans';
import { rateHandlers } from './rates';
import { reportHandlers } from './reports';
import { retentionHandlers } from './retention';
import { sessionHandlers } from './session';
import { settingsHandlers } from './settings';
import { userHandlers } from './users';

/**
 * Every procedure of the contract has exactly one handler; the type makes a missing one a compile error.
 * One file per name prefix, as in shared/ipc/procedures (test/unit/ipc-layout.test.ts holds the rule).
 */
export const handlers: Handlers = {
  ...agreementHandlers,
  ...assignmentHandlers,
  ...auditHandlers,
  ...backupHandlers,
  ...clientHandlers,
  ...contactPersonHandlers,
  ...dashboardHandlers,
  ...dataSourceHandlers,
  ...decisionHandlers,
  ...documentHandlers,
  ...exportHandlers,
  ...followUpHandlers,
  ...importHandlers,
  ...legalHandlers,
  ...matchingHandlers,
  ...participantHandlers,
  ...paymentHandlers,
  ...payoutHandlers,
  ...planHandlers,
  ...rateHandlers,
  ...reportHandlers,
  ...retentionHandlers,
  ...sessionHandlers,
  ...settingsHandlers,
  ...userHandlers,
};
