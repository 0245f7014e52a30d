import type { Handlers } from '../router';
import { suggestMatches } from '../../services/assignments/matching';

export const matchingHandlers: Pick<Handlers, 'matching.suggest'> = {
  'matching.suggest': (core, input) => suggestMatches(core.serviceContext(), input.decisionId),
};
