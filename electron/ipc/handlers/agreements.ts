import type { Handlers } from '../router';
import { listVersions, saveVersion } from '../../services/documents/versions';
import { agreementVersion } from '../../services/documents/kinds/agreement';

export const agreementHandlers: Pick<Handlers, 'agreements.list' | 'agreements.save'> = {
  'agreements.list': (core, input) =>
    listVersions(core.serviceContext(), 'agreements', input.assignmentId, agreementVersion),
  'agreements.save': (core, input) => saveVersion(core.serviceContext(), 'agreements', input.assignmentId, input.data),
};
