import type { Handlers } from '../router';
import { prefixed, serverFromInput } from '../../db/pg-input';
import { changeCredentials, dataSourceInfo, exportConnectionFile, testConnection } from '../../services/data-source';

/** A refusal about the server's fields lands on the form's fields (the input's own names). */
async function onFields<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw prefixed(err, '');
  }
}

export const dataSourceHandlers: Pick<
  Handlers,
  | 'dataSource.get'
  | 'dataSource.test'
  | 'dataSource.changeCredentials'
  | 'dataSource.exportConnectionFile'
  | 'dataSource.moveToServer'
> = {
  'dataSource.get': (core) => dataSourceInfo(core),
  'dataSource.test': (core, input) =>
    onFields(() => testConnection(core, input.server ? serverFromInput(input.server, 'server.').config : undefined)),
  'dataSource.changeCredentials': (core, input) =>
    onFields(async () => {
      // An empty certificate or fingerprint keeps the current one (a password rotation needs neither again).
      const current = core.vault.serverConfig(core.requireSession().dataKey);
      const tls = current && current.tls !== 'off' ? current.tls : {};
      const next = serverFromInput(
        { ...input, ca: input.ca || (tls.ca ?? ''), pinSha256: input.pinSha256 || (tls.pinSha256 ?? '') },
        '',
      );
      if (tls.servername && next.config.tls !== 'off') next.config.tls.servername = tls.servername;
      await changeCredentials(core, next);
      return { ok: true as const };
    }),
  'dataSource.exportConnectionFile': (core) => exportConnectionFile(core),
  'dataSource.moveToServer': (core, input) =>
    onFields(async () => {
      const r = await core.moveToServer(serverFromInput(input, ''));
      const counts = Object.values(r.rows);
      return {
        tables: counts.length,
        rows: counts.reduce((a, b) => a + b, 0),
        auditRows: r.auditRows,
        keptAs: r.keptAs,
      };
    }),
};
