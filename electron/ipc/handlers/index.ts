import type { Handlers } from '../router';
import { adminHandlers } from './admin';
import { sessionHandlers } from './session';
import { contactPersonHandlers } from './contact-persons';
import { caseHandlers } from './cases';
import { payoutHandlers } from './payouts';
import { documentHandlers } from './documents';
import { backupHandlers } from './backup';
import { retentionHandlers } from './retention';
import { importHandlers } from './imports';
import { exportHandlers } from './exports';
import { legalHandlers } from './legal';

/** Every procedure of the contract has exactly one handler; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...sessionHandlers,
  ...adminHandlers,
  ...contactPersonHandlers,
  ...caseHandlers,
  ...payoutHandlers,
  ...documentHandlers,
  ...backupHandlers,
  ...retentionHandlers,
  ...importHandlers,
  ...exportHandlers,
  ...legalHandlers,
};
