import type { Kysely, Migration } from 'kysely';

/** Agreements and implementation plans in versions, follow-ups, and the archive of generated PDFs. */
export const migration0005: Migration = {
  async up(db: Kysely<unknown>) {
    for (const table of ['agreements', 'implementation_plans']) {
      await db.schema
        .createTable(table)
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('assignment_id', 'integer', (c) => c.notNull().references('assignments.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addUniqueConstraint(`${table}_assignment_version`, ['assignment_id', 'version'])
        .execute();
    }
    await db.schema
      .createTable('follow_ups')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('assignment_id', 'integer', (c) => c.notNull().references('assignments.id'))
      .addColumn('planned_date', 'text', (c) => c.notNull())
      .addColumn('done_date', 'text')
      .addColumn('participants', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('outcome', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
      .execute();
    await db.schema.createIndex('follow_ups_planned').on('follow_ups').columns(['done_date', 'planned_date']).execute();
    // Generated PDFs stay in the encrypted database; they reach the disk only when exported.
    await db.schema
      .createTable('documents')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('assignment_id', 'integer', (c) => c.references('assignments.id'))
      .addColumn('contact_person_id', 'integer', (c) => c.references('contact_persons.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('pdf', 'blob', (c) => c.notNull())
      .execute();
  },
};
