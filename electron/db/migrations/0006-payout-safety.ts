import { sql, type Kysely, type Migration } from 'kysely';
import { executeFor } from '../dialect';
import { pgPayoutLinesLockedTrigger } from './0004-payouts';

/**
 * Payout safety (issue 13): the payee's name, personnummer, account and employee number frozen on each
 * payout line at attest; the account-change check per line; the batch's bank profile and payment
 * channel; voided exports and a MsgId per export; re-dated batches; a log of payment-detail changes
 * (masked before/after); an optional anställningsnummer per contact person.
 */
export const migration0006: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('contact_persons').addColumn('employee_number', 'text').execute();

    for (const [name, type] of [
      ['payee_name', 'text'],
      ['payee_personnummer', 'text'],
      ['payee_clearing', 'text'],
      ['payee_account', 'text'],
      ['payee_employee_number', 'text'],
      ['account_change_note', 'text'],
      ['account_checked_by', 'integer'],
      ['account_checked_at', 'text'],
      /** The clearing+account the attestant checked; a later change needs a new check. */
      ['account_checked_value', 'text'],
    ] as const) {
      await db.schema.alterTable('payout_lines').addColumn(name, type).execute();
    }
    await db.schema
      .alterTable('payout_lines')
      .addColumn('account_changed', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema.alterTable('payout_batches').addColumn('bank_profile', 'text').execute();
    await db.schema.alterTable('payout_batches').addColumn('channel', 'text').execute();

    await db.schema.alterTable('payout_exports').addColumn('msg_id', 'text').execute();
    await db.schema.alterTable('payout_exports').addColumn('voided_at', 'text').execute();
    await db.schema
      .alterTable('payout_exports')
      .addColumn('voided_by', 'integer', (c) => c.references('users.id'))
      .execute();
    await db.schema.alterTable('payout_exports').addColumn('void_reason', 'text').execute();

    await db.schema
      .createTable('payout_redates')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('batch_id', 'integer', (c) => c.notNull().references('payout_batches.id').onDelete('cascade'))
      .addColumn('from_date', 'text', (c) => c.notNull())
      .addColumn('to_date', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('payment_detail_changes')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('contact_person_id', 'integer', (c) => c.notNull().references('contact_persons.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.references('users.id'))
      /** 'bankkonto' | 'personnummer' | 'namn' | 'anställningsnummer' */
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('before_masked', 'text', (c) => c.notNull())
      .addColumn('after_masked', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('payment_detail_changes_at')
      .on('payment_detail_changes')
      .columns(['contact_person_id', 'at'])
      .execute();

    // Lines attested before this version were exported from the register's current values; freeze
    // those (the best record there is) so every export from now on reads frozen values only.
    await executeFor(db, {
      sqlite: [sql`DROP TRIGGER payout_lines_locked_update`],
      postgres: [sql`DROP TRIGGER payout_lines_locked_update ON payout_lines`],
    });
    await sql`UPDATE payout_lines SET
        payee_name = (SELECT first_name || ' ' || last_name FROM contact_persons WHERE id = payout_lines.contact_person_id),
        payee_personnummer = (SELECT personnummer FROM contact_persons WHERE id = payout_lines.contact_person_id),
        payee_clearing = (SELECT bank_clearing FROM contact_persons WHERE id = payout_lines.contact_person_id),
        payee_account = (SELECT bank_account FROM contact_persons WHERE id = payout_lines.contact_person_id)
      WHERE batch_id IN (SELECT id FROM payout_batches WHERE status = 'attesterad')`.execute(db);
    await sql`UPDATE payout_batches SET channel = (SELECT format FROM payout_exports WHERE batch_id = payout_batches.id ORDER BY id LIMIT 1) WHERE status = 'attesterad'`.execute(
      db,
    );
    await sql`UPDATE payout_exports SET msg_id = (SELECT msg_id FROM payout_batches WHERE id = payout_exports.batch_id) WHERE format = 'pain001'`.execute(
      db,
    );
    await executeFor(db, {
      sqlite: [
        sql`CREATE TRIGGER payout_lines_locked_update BEFORE UPDATE ON payout_lines
          WHEN (SELECT status FROM payout_batches WHERE id = OLD.batch_id) = 'attesterad'
          BEGIN SELECT RAISE(ABORT, 'payout batch is attested'); END`,
      ],
      postgres: [pgPayoutLinesLockedTrigger('update')],
    });
  },
};
