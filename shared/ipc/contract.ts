import { z } from 'zod';
import { agreementProcedures } from './procedures/agreements';
import { assignmentProcedures } from './procedures/assignments';
import { auditProcedures } from './procedures/audit';
import { backupProcedures } from './procedures/backup';
import { clientProcedures } from './procedures/clients';
import { contactPersonProcedures } from './procedures/cp';
import { dashboardProcedures } from './procedures/dashboard';
import { dataSourceProcedures } from './procedures/data-source';
import { decisionProcedures } from './procedures/decisions';
import { documentProcedures } from './procedures/documents';
import { exportProcedures } from './procedures/export';
import { followUpProcedures } from './procedures/follow-ups';
import { importProcedures } from './procedures/import';
import { legalProcedures } from './procedures/legal';
import { matchingProcedures } from './procedures/matching';
import { participantProcedures } from './procedures/participants';
import { paymentProcedures } from './procedures/payments';
import { payoutProcedures } from './procedures/payouts';
import { planProcedures } from './procedures/plans';
import { rateProcedures } from './procedures/rates';
import { reportProcedures } from './procedures/reports';
import { retentionProcedures } from './procedures/retention';
import { sessionProcedures } from './procedures/session';
import { settingsProcedures } from './procedures/settings';
import { userProcedures } from './procedures/users';
import type { IpcResult } from '../errors';

// Zod's own messages (wrong type, missing field) in Swedish, for every schema of the contract.
z.config(z.locales.sv());

/**
 * The whole IPC surface: procedure name -> access + input/output schemas. One module per name
 * prefix (procedures/follow-ups.ts holds the `followUps.*`); contract.test.ts holds the rule.
 */
export const contract = {
  ...agreementProcedures,
  ...assignmentProcedures,
  ...auditProcedures,
  ...backupProcedures,
  ...clientProcedures,
  ...contactPersonProcedures,
  ...dashboardProcedures,
  ...dataSourceProcedures,
  ...decisionProcedures,
  ...documentProcedures,
  ...exportProcedures,
  ...followUpProcedures,
  ...importProcedures,
  ...legalProcedures,
  ...matchingProcedures,
  ...participantProcedures,
  ...paymentProcedures,
  ...payoutProcedures,
  ...planProcedures,
  ...rateProcedures,
  ...reportProcedures,
  ...retentionProcedures,
  ...sessionProcedures,
  ...settingsProcedures,
  ...userProcedures,
} as const;

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
/** What the caller sends (before defaults and transforms). */
export type ProcInput<N extends ProcedureName> = z.input<Contract[N]['input']>;
/** What the handler receives (after parsing). */
export type ProcParsedInput<N extends ProcedureName> = z.output<Contract[N]['input']>;
export type ProcOutput<N extends ProcedureName> = z.output<Contract[N]['output']>;

/** The single function the preload exposes to the renderer. */
export type InvokeFn = <N extends ProcedureName>(name: N, input: ProcInput<N>) => Promise<IpcResult<ProcOutput<N>>>;

export { IPC_CHANNEL } from './channel';

export function isProcedureName(name: unknown): name is ProcedureName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
