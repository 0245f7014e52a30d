import type { Kysely, Migration } from 'kysely';

/**
 * Optimistic locking: a row version on the records officers edit in forms, so that on a shared
 * server a save made from a stale form is refused instead of silently overwriting a colleague's
 * change. Agreements and implementation plans are not here: they are versioned by new rows.
 * Existing rows start at 1; each edit through the form's update raises the version by one.
 *
 * The table list is written out: a migration must not change once released.
 */
export const VERSIONED_TABLES_0010 = ['contact_persons', 'clients', 'decisions', 'assignments'] as const;

export const migration0010: Migration = {
  async up(db: Kysely<unknown>) {
    for (const table of VERSIONED_TABLES_0010) {
      await db.schema
        .alterTable(table)
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
    }
  },
};
