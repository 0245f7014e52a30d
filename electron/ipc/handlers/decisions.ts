import type { Handlers } from '../router';
import { done } from '../adapt';
import {
  createDecision,
  endDecision,
  interruptDecision,
  resumeDecision,
  updateDecisionNotes,
} from '../../services/clients/decisions';
import { guessedLaws, setDecisionLaw } from '../../services/legal/decision-law';

export const decisionHandlers: Pick<
  Handlers,
  | 'decisions.create'
  | 'decisions.updateNotes'
  | 'decisions.end'
  | 'decisions.interrupt'
  | 'decisions.resume'
  | 'decisions.guessedLaws'
  | 'decisions.setLaw'
> = {
  'decisions.create': (core, input) => createDecision(core.serviceContext(), input),
  'decisions.updateNotes': async (core, input) => (await updateDecisionNotes(core.serviceContext(), input), done),
  'decisions.end': async (core, input) => (await endDecision(core.serviceContext(), input), done),
  'decisions.interrupt': async (core, input) => (await interruptDecision(core.serviceContext(), input), done),
  'decisions.resume': async (core, input) => (await resumeDecision(core.serviceContext(), input), done),
  'decisions.guessedLaws': (core) => guessedLaws(core.serviceContext()),
  'decisions.setLaw': async (core, input) => (await setDecisionLaw(core.serviceContext(), input), done),
};
