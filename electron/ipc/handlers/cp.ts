import type { Handlers } from '../router';
import { done } from '../adapt';
import { createContactPerson, updateContactPerson } from '../../services/contact-persons/records';
import { addInterview, addReference, addRegisterCheck, setConsent } from '../../services/contact-persons/assessment';
import { transitionContactPerson } from '../../services/contact-persons/status';
import {
  contactPersonQueue,
  getContactPerson,
  revealAddress,
  searchContactPersons,
} from '../../services/contact-persons/read';

export const contactPersonHandlers: Pick<
  Handlers,
  | 'cp.search'
  | 'cp.get'
  | 'cp.create'
  | 'cp.update'
  | 'cp.transition'
  | 'cp.addInterview'
  | 'cp.addReference'
  | 'cp.setConsent'
  | 'cp.addRegisterCheck'
  | 'cp.queue'
  | 'cp.revealAddress'
> = {
  'cp.search': (core, input) => searchContactPersons(core.serviceContext(), input),
  'cp.get': (core, input) => getContactPerson(core.serviceContext(), input.id),
  'cp.create': (core, input) => createContactPerson(core.serviceContext(), input),
  'cp.update': (core, input) =>
    updateContactPerson(core.serviceContext(), input.id, input.values, input.expectedVersion),
  'cp.transition': async (core, input) => (await transitionContactPerson(core.serviceContext(), input), done),
  'cp.addInterview': async (core, input) => (await addInterview(core.serviceContext(), input), done),
  'cp.addReference': async (core, input) => (await addReference(core.serviceContext(), input), done),
  'cp.setConsent': async (core, input) => (await setConsent(core.serviceContext(), input), done),
  'cp.addRegisterCheck': async (core, input) => (await addRegisterCheck(core.serviceContext(), input), done),
  'cp.queue': (core, input) => contactPersonQueue(core.serviceContext(), input),
  'cp.revealAddress': (core, input) => revealAddress(core.serviceContext(), input),
};
