import type { Handlers } from '../router';
import { listFollowUps, recordFollowUp } from '../../services/documents/follow-ups';

export const followUpHandlers: Pick<Handlers, 'followUps.list' | 'followUps.record'> = {
  'followUps.list': (core, input) => listFollowUps(core.serviceContext(), input),
  'followUps.record': (core, input) => recordFollowUp(core.serviceContext(), input),
};
