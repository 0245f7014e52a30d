import type { Handlers } from '../router';
import { done } from '../adapt';
import { actOnAssignment, proposeAssignment } from '../../services/assignments/flow';
import { listAssignments } from '../../services/assignments/read';
import { setCompensation } from '../../services/assignments/compensation';
import { listPossibleAvbrott, registerAvbrott } from '../../services/legal/avbrott';

export const assignmentHandlers: Pick<
  Handlers,
  | 'assignments.propose'
  | 'assignments.act'
  | 'assignments.list'
  | 'assignments.setCompensation'
  | 'assignments.possibleAvbrott'
  | 'assignments.registerAvbrott'
> = {
  'assignments.propose': (core, input) => proposeAssignment(core.serviceContext(), input),
  'assignments.act': async (core, input) => (await actOnAssignment(core.serviceContext(), input), done),
  'assignments.list': (core, input) => listAssignments(core.serviceContext(), input),
  'assignments.setCompensation': async (core, input) => (await setCompensation(core.serviceContext(), input), done),
  'assignments.possibleAvbrott': (core) => listPossibleAvbrott(core.serviceContext()),
  'assignments.registerAvbrott': (core, input) => registerAvbrott(core.serviceContext(), input.assignmentId),
};
