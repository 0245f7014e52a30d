import type { Handlers } from '../router';
import { createUser, listUsers, resetPassword, updateUser } from '../../services/users';

export const userHandlers: Pick<Handlers, 'users.list' | 'users.create' | 'users.update' | 'users.resetPassword'> = {
  'users.list': (core) => listUsers(core.serviceContext()),
  'users.create': (core, input) => createUser(core.serviceContext(), core.vault, input),
  'users.update': (core, input) => updateUser(core.serviceContext(), (o) => core.rekey(o), input),
  'users.resetPassword': async (core, input) => {
    const { recoveryKey } = await resetPassword(core.serviceContext(), (o) => core.rekey(o), input);
    return { ok: true as const, recoveryKey };
  },
};
