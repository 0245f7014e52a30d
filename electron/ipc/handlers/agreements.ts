import type { Handlers } from '../router';
import { listVersions, saveVersion } from '../../services/documents/versions';
import type { AgreementData } from '../../../shared/ipc/procedures/agreements';

export const agreementHandlers: Pick<Handlers, 'agreements.list' | 'agreements.save'> = {
  'agreements.list': (core, input) => listVersions<AgreementData>(core.serviceContext(), 'agreements', input.assignmentId),
  'agreements.save': (core, input) => saveVersion(core.serviceContext(), 'agreements', input.assignmentId, input.data),
};
