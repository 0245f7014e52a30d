import type { Handlers } from '../router';
import { listVersions, saveVersion } from '../../services/documents/versions';
import { planVersion } from '../../services/documents/kinds/plan';

export const planHandlers: Pick<Handlers, 'plans.list' | 'plans.save'> = {
  'plans.list': (core, input) =>
    listVersions(core.serviceContext(), 'implementation_plans', input.assignmentId, planVersion),
  'plans.save': (core, input) =>
    saveVersion(core.serviceContext(), 'implementation_plans', input.assignmentId, input.data),
};
