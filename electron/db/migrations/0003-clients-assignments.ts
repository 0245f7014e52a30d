import type { Kysely, Migration } from 'kysely';

/** Clients (brukare), their decisions and interruptions, and assignments linking a decision to a contact person. */
export const migration0003: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('clients')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('personnummer', 'text', (c) => c.notNull().unique())
      .addColumn('first_name', 'text', (c) => c.notNull())
      .addColumn('last_name', 'text', (c) => c.notNull())
      .addColumn('birth_date', 'text', (c) => c.notNull())
      .addColumn('gender', 'text', (c) => c.notNull())
      .addColumn('street', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('postal_code', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('city', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('area', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('workplace', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('residence', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('interests', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('wishes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('preferred_gender', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('preferred_age_min', 'integer')
      .addColumn('preferred_age_max', 'integer')
      .addColumn('protected_identity', 'integer', (c) => c.notNull().defaultTo(0))
      // Three characters after "-T" in IVO's pseudonymous code; kept for the person's whole reporting life.
      .addColumn('ivo_suffix', 'integer', (c) => c.notNull())
      .addColumn('search_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('client_connections')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('client_id', 'integer', (c) => c.notNull().references('clients.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('personnummer', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
      .execute();

    await db.schema
      .createTable('decisions')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('client_id', 'integer', (c) => c.notNull().references('clients.id').onDelete('cascade'))
      .addColumn('legal_basis', 'text', (c) => c.notNull())
      .addColumn('decision_date', 'text', (c) => c.notNull())
      .addColumn('diarienummer', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('valid_from', 'text', (c) => c.notNull())
      .addColumn('valid_to', 'text')
      .addColumn('meetings_per_period', 'integer', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('hours_per_month', 'integer', (c) => c.notNull())
      .addColumn('needs_special_qualification', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('executed_date', 'text')
      .addColumn('ended_date', 'text')
      .addColumn('end_reason', 'text')
      .addColumn('delay_reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('interim_support', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('decisions_client').on('decisions').column('client_id').execute();

    await db.schema
      .createTable('decision_interruptions')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('decision_id', 'integer', (c) => c.notNull().references('decisions.id').onDelete('cascade'))
      .addColumn('from_date', 'text', (c) => c.notNull())
      .addColumn('resumed_date', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('assignments')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('decision_id', 'integer', (c) => c.notNull().references('decisions.id'))
      .addColumn('contact_person_id', 'integer', (c) => c.notNull().references('contact_persons.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('match_score', 'integer')
      .addColumn('conflict_override', 'text')
      .addColumn('offered_date', 'text')
      .addColumn('meeting_date', 'text')
      .addColumn('start_date', 'text')
      .addColumn('end_date', 'text')
      .addColumn('end_reason', 'text')
      .addColumn('ended_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('assignments_decision').on('assignments').column('decision_id').execute();
    await db.schema.createIndex('assignments_cp').on('assignments').columns(['contact_person_id', 'status']).execute();

    // Every step with its date: offers and declines by the client are what IVO asks about.
    await db.schema
      .createTable('assignment_events')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('assignment_id', 'integer', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_status', 'text', (c) => c.notNull())
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .execute();
  },
};
