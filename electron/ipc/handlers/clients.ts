import type { Handlers } from '../router';
import { createClient, revealClientAddress, updateClient } from '../../services/clients/records';
import { getClient, searchClients } from '../../services/clients/read';

export const clientHandlers: Pick<
  Handlers,
  'clients.search' | 'clients.get' | 'clients.create' | 'clients.update' | 'clients.revealAddress'
> = {
  'clients.search': (core, input) => searchClients(core.serviceContext(), input),
  'clients.get': (core, input) => getClient(core.serviceContext(), input.id),
  'clients.create': (core, input) => createClient(core.serviceContext(), input),
  'clients.update': (core, input) => updateClient(core.serviceContext(), input.id, input.values, input.expectedVersion),
  'clients.revealAddress': (core, input) => revealClientAddress(core.serviceContext(), input),
};
