import type { Handlers } from '../router';
import { changeOwnPassword } from '../../services/users';
import { prefixed, serverFromInput } from '../../db/pg-input';

export const sessionHandlers: Pick<
  Handlers,
  | 'session.status'
  | 'session.setup'
  | 'session.join'
  | 'session.login'
  | 'session.recover'
  | 'session.lock'
  | 'session.logout'
  | 'session.touch'
  | 'session.changePassword'
> = {
  'session.status': (core) => core.status(),
  'session.setup': async (core, { dataSource, ...input }) => {
    const server = dataSource?.kind === 'server' ? serverFromInput(dataSource, 'dataSource.') : undefined;
    try {
      return await core.setup({ ...input, ...(server ? { server } : {}) });
    } catch (err) {
      throw prefixed(err, 'dataSource.');
    }
  },
  'session.join': (core, input) => core.joinInstallation(input.content),
  'session.login': (core, input) => core.login(input.username, input.password),
  'session.recover': (core, input) => core.recover(input.recoveryKey, input.username, input.newPassword),
  'session.lock': (core) => core.lock('manual'),
  'session.logout': (core) => core.logout(),
  'session.touch': () => ({ ok: true as const }),
  'session.changePassword': async (core, input) => {
    const s = core.requireSession();
    await changeOwnPassword(core.serviceContext(), core.vault, s.vaultEntryId, input);
    core.updateSessionUser({ ...s.user, mustChangePassword: false });
    return { ok: true as const };
  },
};
