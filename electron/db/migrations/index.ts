import type { Migration, MigrationProvider } from 'kysely';
import { migration0001 } from './0001-core';
import { migration0002 } from './0002-contact-persons';
import { migration0003 } from './0003-clients-assignments';
import { migration0004 } from './0004-payouts';
import { migration0005 } from './0005-documents';
import { migration0006 } from './0006-payout-safety';
import { migration0008 } from './0008-legal-reports';
import { migration0009 } from './0009-integrity';
import { migration0010 } from './0010-row-versions';
import { migration0011 } from './0011-server-backups';
import { migration0012 } from './0012-audit-workstation';

/**
 * Every migration, in order. Names never change once released; a new version is a new file.
 * Listed in code (not read from a folder) so the bundled main process carries them.
 */
export const MIGRATIONS: ReadonlyArray<readonly [string, Migration]> = [
  ['0001-core', migration0001],
  ['0002-contact-persons', migration0002],
  ['0003-clients-assignments', migration0003],
  ['0004-payouts', migration0004],
  ['0005-documents', migration0005],
  ['0006-payout-safety', migration0006],
  ['0008-legal-reports', migration0008],
  ['0009-integrity', migration0009],
  ['0010-row-versions', migration0010],
  ['0011-server-backups', migration0011],
  ['0012-audit-workstation', migration0012],
];

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => Object.fromEntries(MIGRATIONS),
};
