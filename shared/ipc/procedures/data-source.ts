import { z } from 'zod';
import { procedure } from '../define';
import { empty } from '../fields';
import { dataSourceInfo, serverFields } from '../server-fields';

/** Inställningar → Databas (admin): the data source, a connection test, new credentials, the connection file, the move. */
export const dataSourceProcedures = {
  'dataSource.get': procedure({ access: ['admin'], input: empty, output: dataSourceInfo }),
  /** This workstation's server, or (before a move) the server given; writes nothing. */
  'dataSource.test': procedure({
    access: ['admin'],
    input: z.object({ server: serverFields.optional() }),
    output: z.object({ message: z.string() }),
  }),
  /** New account or password for this workstation (sealed in its vault), tried against the server first. */
  'dataSource.changeCredentials': procedure({
    access: ['admin'],
    input: serverFields,
    output: z.object({ ok: z.literal(true) }),
  }),
  /** The "anslutningsfil" a second workstation joins with; null when the save dialog was cancelled. */
  'dataSource.exportConnectionFile': procedure({
    access: ['admin'],
    input: empty,
    output: z.object({ savedTo: z.string().nullable() }),
  }),
  /** The one-way move of the local database to an empty server; everyone logs in again afterwards. */
  'dataSource.moveToServer': procedure({
    access: ['admin'],
    input: serverFields,
    output: z.object({ tables: z.number(), rows: z.number(), auditRows: z.number(), keptAs: z.string() }),
  }),
} as const;
