import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The law and paragraph behind each decision, personkrets for LSS, participants without individual
 * needs assessment (SoL 2025:400), interruptions linked to the assignment they were found on, and the
 * record of log reviews.
 */
export const migration0008: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('decisions')
      .addColumn('law', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .alterTable('decisions')
      .addColumn('paragraph', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    // 1 § 1, 2 or 3 LSS; null for SoL decisions (and for LSS decisions migrated without one: the register pre-check lists them).
    await db.schema.alterTable('decisions').addColumn('personkrets', 'text').execute();
    // 1 = law and paragraph were guessed by this migration; the officer confirms or corrects them once.
    await db.schema
      .alterTable('decisions')
      .addColumn('law_guessed', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // Best guess for existing decisions (the same rule as shared/legal/laws.ts guessLaw): the free text names LSS,
    // otherwise the SoL in force on the decision date (SFS 2025:400 from 2025-07-01). upper(): PostgreSQL's
    // LIKE is case-sensitive, SQLite's is not for ASCII; the same result on both.
    await sql`UPDATE decisions SET
        law = CASE WHEN upper(legal_basis) LIKE '%LSS%' OR legal_basis LIKE '%1993:387%' THEN 'LSS 1993:387'
                   WHEN decision_date >= '2025-07-01' THEN 'SoL 2025:400' ELSE 'SoL 2001:453' END,
        law_guessed = 1`.execute(db);
    await sql`UPDATE decisions SET paragraph = CASE law WHEN 'LSS 1993:387' THEN '9 § 4' WHEN 'SoL 2001:453' THEN '4 kap. 1 §' ELSE '11 kap. 1 §' END`.execute(
      db,
    );

    // Insats utan individuell behovsprövning (SoL 2025:400): a participant registered with the minimum.
    await db.schema
      .alterTable('clients')
      .addColumn('without_assessment', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable('clients')
      .addColumn('age_group', 'text', (c) => c.notNull().defaultTo(''))
      .execute();

    // An interruption registered from a silent assignment ("Registrera avbrott") names that assignment.
    // SET NULL: gallring may remove an ended assignment; the decision's interruption stays for IVO.
    await db.schema
      .alterTable('decision_interruptions')
      .addColumn('assignment_id', 'integer', (c) => c.references('assignments.id').onDelete('set null'))
      .execute();

    await db.schema
      .createTable('log_reviews')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('period_from', 'text', (c) => c.notNull())
      .addColumn('period_to', 'text', (c) => c.notNull())
      .addColumn('reviewed_at', 'text', (c) => c.notNull())
      .addColumn('reviewed_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      // JSON: the count per category at sign-off, so the record shows what was seen.
      .addColumn('counts', 'text', (c) => c.notNull())
      .execute();
  },
};
