import type { Handlers } from '../router';
import { backupNow, listBackupFiles, readBackupSettings, saveBackupSettings } from '../../services/backup';
import type { AppCore } from '../../core/app-core';
import type { BackupPreview } from '../../backup/backup';
import { registerServerBackup, serverBackupStatus } from '../../services/server-backups';

const cred = (core: AppCore, input: { recoveryKey: string; password: string }) =>
  input.recoveryKey
    ? { recoveryKey: input.recoveryKey }
    : { username: core.requireSession().user.username, password: input.password };

const flat = (p: BackupPreview) => ({
  createdAt: p.manifest.createdAt,
  kind: p.manifest.kind,
  schema: p.manifest.schema,
  counts: p.counts,
  integrity: p.integrity,
  auditOk: p.auditOk,
  auditReason: p.auditReason,
});

export const backupHandlers: Pick<
  Handlers,
  | 'backup.getSettings'
  | 'backup.saveSettings'
  | 'backup.create'
  | 'backup.list'
  | 'backup.inspect'
  | 'backup.restore'
  | 'backup.confirmRestore'
  | 'backup.serverStatus'
  | 'backup.registerServer'
> = {
  'backup.confirmRestore': async (core) => ({ removed: await core.confirmRestore() }),
  'backup.getSettings': (core) => readBackupSettings(core.serviceContext().db),
  'backup.saveSettings': async (core, input) => (
    await saveBackupSettings(core.serviceContext(), input),
    { ok: true as const }
  ),
  'backup.create': (core) => backupNow(core.serviceContext(), core.vault, 'manuell'),
  'backup.list': (core) => listBackupFiles(core.serviceContext(), core.vault.keyId()),
  'backup.inspect': async (core, input) => flat(await core.inspectBackup(input.path, cred(core, input))),
  'backup.serverStatus': (core) => serverBackupStatus(core.serviceContext()),
  'backup.registerServer': (core, input) => registerServerBackup(core.serviceContext(), input),
  'backup.restore': async (core, input) => {
    const r = await core.restoreBackup(input.path, cred(core, input));
    return { replacedTo: r.replacedTo, recoveryKey: r.recoveryKey };
  },
};
