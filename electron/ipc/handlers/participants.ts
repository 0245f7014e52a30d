import type { Handlers } from '../router';
import { createParticipant } from '../../services/legal/participants';

export const participantHandlers: Pick<Handlers, 'participants.create'> = {
  'participants.create': (core, input) => createParticipant(core.serviceContext(), input),
};
