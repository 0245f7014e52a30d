import type { Handlers } from '../router';
import { createUser, listUsers, resetPassword, updateUser } from '../../services/users';
import { readSettings, updateSettings } from '../../services/settings';
import { exportAuditCsv, listAudit, verifyAudit } from '../../services/audit';
import { audit } from '../../core/session';

export const adminHandlers: Pick<
  Handlers,
  'users.list' | 'users.create' | 'users.update' | 'users.resetPassword' | 'settings.get' | 'settings.update' | 'audit.list' | 'audit.verify' | 'audit.export'
> = {
  'users.list': (core) => listUsers(core.serviceContext()),
  'users.create': (core, input) => createUser(core.serviceContext(), core.vault, input),
  'users.update': (core, input) => updateUser(core.serviceContext(), (o) => core.rekey(o), input),
  'users.resetPassword': async (core, input) => {
    const { recoveryKey } = await resetPassword(core.serviceContext(), (o) => core.rekey(o), input);
    return { ok: true as const, recoveryKey };
  },
  'settings.get': (core) => readSettings(core.serviceContext().db),
  'settings.update': async (core, input) => {
    const saved = await updateSettings(core.serviceContext(), input);
    core.applySettings(saved);
    return saved;
  },
  'audit.list': (core, input) => listAudit(core.serviceContext(), input),
  'audit.export': async (core, input) => {
    const { csv, rows } = await exportAuditCsv(core.serviceContext(), input);
    const ctx = core.serviceContext();
    const savedTo = await core.exportSink(`logg-${ctx.now().toISOString().slice(0, 10)}.csv`, Buffer.from(csv, 'utf8'));
    if (savedTo) await audit(ctx, ctx.db, { action: 'audit.export', entityType: 'audit', detail: `${rows} rader` });
    return { savedTo, rows };
  },
  'audit.verify': (core) => verifyAudit(core.serviceContext(), core.vault),
};
