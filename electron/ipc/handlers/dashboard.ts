import type { Handlers } from '../router';
import { dashboardForActor } from '../../services/dashboard';
import { dashboardTrends } from '../../services/trends';

export const dashboardHandlers: Pick<Handlers, 'dashboard.summary' | 'dashboard.trends'> = {
  'dashboard.summary': (core) => dashboardForActor(core.serviceContext()),
  'dashboard.trends': (core) => dashboardTrends(core.serviceContext()),
};
