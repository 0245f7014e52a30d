import type { Kysely, Migration } from 'kysely';

/** Contact persons (uppdragstagare), their assessment and timeline. */
export const migration0002: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('contact_persons')
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
      .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('bank_clearing', 'text')
      .addColumn('bank_account', 'text')
      .addColumn('tax_mode', 'text', (c) => c.notNull().defaultTo('side_income_30'))
      .addColumn('tax_table', 'integer')
      .addColumn('tax_column', 'integer')
      .addColumn('tax_percent', 'integer')
      .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('interests', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('area', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('workplace', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('has_car', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('has_pets', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('smoker', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('prefers_children', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('prefers_adults', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('disability_kinds', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('availability', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('specially_qualified', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('protected_identity', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('consent_date', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('status_changed_at', 'text', (c) => c.notNull())
      .addColumn('queue_since', 'text')
      // Lower-cased "first last" and phone digits, made in JS: SQLite's lower() does not fold å, ä, ö.
      .addColumn('search_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('phone_digits', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('contact_persons_status')
      .on('contact_persons')
      .columns(['status', 'queue_since'])
      .execute();
    await db.schema
      .createIndex('contact_persons_name')
      .on('contact_persons')
      .columns(['last_name', 'first_name'])
      .execute();

    await db.schema
      .createTable('cp_events')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('contact_person_id', 'integer', (c) =>
        c.notNull().references('contact_persons.id').onDelete('cascade'),
      )
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text')
      .addColumn('note', 'text')
      .execute();
    await db.schema.createIndex('cp_events_person').on('cp_events').columns(['contact_person_id', 'id']).execute();

    await db.schema
      .createTable('cp_interviews')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('contact_person_id', 'integer', (c) =>
        c.notNull().references('contact_persons.id').onDelete('cascade'),
      )
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('interviewer', 'text', (c) => c.notNull())
      .addColumn('notes', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .execute();

    await db.schema
      .createTable('cp_references')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('contact_person_id', 'integer', (c) =>
        c.notNull().references('contact_persons.id').onDelete('cascade'),
      )
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('relation', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('contacted_date', 'text')
      .execute();

    // Only that an extract was shown, never the extract itself (lag 2013:852 5 §).
    await db.schema
      .createTable('cp_register_checks')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('contact_person_id', 'integer', (c) =>
        c.notNull().references('contact_persons.id').onDelete('cascade'),
      )
      .addColumn('register', 'text', (c) => c.notNull())
      .addColumn('extract_date', 'text', (c) => c.notNull())
      .addColumn('shown_date', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('assessment_note', 'text')
      .addColumn('checked_by', 'integer', (c) => c.references('users.id'))
      .execute();
  },
};
