import { z } from 'zod';
import { auditProcedures } from './procedures/audit';
import { contactPersonProcedures } from './procedures/contactPersons';
import { clientProcedures } from './procedures/clients';
import { assignmentProcedures } from './procedures/assignments';
import { reportProcedures } from './procedures/reports';
import { payoutProcedures } from './procedures/payouts';
import { documentProcedures } from './procedures/documents';
import { backupProcedures } from './procedures/backup';
import { retentionProcedures } from './procedures/retention';
import { importProcedures } from './procedures/imports';
import { exportProcedures } from './procedures/exports';
import { legalProcedures } from './procedures/legal';
import { sessionProcedures } from './procedures/session';
import { settingsProcedures } from './procedures/settings';
import { userProcedures } from './procedures/users';
import type { IpcResult } from '../errors';

// Zod's own messages (wrong type, missing field) in Swedish, for every schema of the contract.
z.config(z.locales.sv());

/** The whole IPC surface: procedure name -> access + input/output schemas. */
export const contract = {
  ...sessionProcedures,
  ...userProcedures,
  ...settingsProcedures,
  ...auditProcedures,
  ...contactPersonProcedures,
  ...clientProcedures,
  ...assignmentProcedures,
  ...reportProcedures,
  ...payoutProcedures,
  ...documentProcedures,
  ...backupProcedures,
  ...retentionProcedures,
  ...importProcedures,
  ...exportProcedures,
  ...legalProcedures,
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
