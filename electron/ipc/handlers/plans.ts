import type { Handlers } from '../router';
import { listVersions, saveVersion } from '../../services/documents/versions';
import type { PlanData } from '../../../shared/ipc/procedures/plans';

export const planHandlers: Pick<Handlers, 'plans.list' | 'plans.save'> = {
  'plans.list': (core, input) => listVersions<PlanData>(core.serviceContext(), 'implementation_plans', input.assignmentId),
  'plans.save': (core, input) => saveVersion(core.serviceContext(), 'implementation_plans', input.assignmentId, input.data),
};
