import { sql, type Kysely, type Migration } from 'kysely';
import { DEFAULT_RATE_YEARS } from '../../../shared/compensation/rates';
import { systemClock } from '../../core/clock';
import { executeFor } from '../dialect';

/** PostgreSQL twin of the SQLite triggers below: one function for insert, update and delete. */
export const PG_PAYOUT_LINES_LOCKED = sql`CREATE FUNCTION payout_lines_locked() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF (SELECT status FROM payout_batches
        WHERE id = CASE WHEN TG_OP = 'INSERT' THEN NEW.batch_id ELSE OLD.batch_id END) = 'attesterad' THEN
      RAISE EXCEPTION 'payout batch is attested';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END $$`;

export function pgPayoutLinesLockedTrigger(op: 'update' | 'delete' | 'insert') {
  return sql`CREATE TRIGGER ${sql.raw(`payout_lines_locked_${op}`)} BEFORE ${sql.raw(op.toUpperCase())} ON payout_lines
    FOR EACH ROW EXECUTE FUNCTION payout_lines_locked()`;
}

/** Rates per year, compensation levels on assignments, monthly reports, payout batches and their exports. */
export const migration0004: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('rate_years')
      .addColumn('year', 'integer', (c) => c.primaryKey())
      .addColumn('config', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // Starting figures the unit then checks and edits (Inställningar → Ersättningsnivåer).
    for (const r of DEFAULT_RATE_YEARS) {
      await sql`INSERT INTO rate_years (year, config, updated_at) VALUES (${r.year}, ${JSON.stringify(r)}, ${systemClock.now().toISOString()})`.execute(
        db,
      );
    }

    await db.schema.alterTable('assignments').addColumn('arvode_level', 'text').execute();
    await db.schema.alterTable('assignments').addColumn('omkostnad_level', 'text').execute();

    await db.schema
      .createTable('monthly_reports')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('assignment_id', 'integer', (c) => c.notNull().references('assignments.id'))
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('meeting_dates', 'text', (c) => c.notNull())
      .addColumn('minutes', 'integer', (c) => c.notNull())
      .addColumn('activities', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('expenses_ore', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('receipts_note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
      .addColumn('approved_at', 'text')
      .addColumn('approved_by', 'integer', (c) => c.references('users.id'))
      .addUniqueConstraint('monthly_reports_assignment_month', ['assignment_id', 'month'])
      .execute();

    await db.schema
      .createTable('payout_batches')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('payment_date', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('attested_at', 'text')
      .addColumn('attested_by', 'integer', (c) => c.references('users.id'))
      .addColumn('msg_id', 'text')
      .addColumn('first_exported_at', 'text')
      .execute();

    await db.schema
      .createTable('payout_lines')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('batch_id', 'integer', (c) => c.notNull().references('payout_batches.id').onDelete('cascade'))
      .addColumn('contact_person_id', 'integer', (c) => c.notNull().references('contact_persons.id'))
      .addColumn('arvode_ore', 'integer', (c) => c.notNull())
      .addColumn('omkostnad_ore', 'integer', (c) => c.notNull())
      .addColumn('expenses_ore', 'integer', (c) => c.notNull())
      .addColumn('tax_ore', 'integer')
      .addColumn('tax_mode', 'text', (c) => c.notNull())
      .addColumn('fee_ore', 'integer', (c) => c.notNull())
      .addColumn('fee_rate_bp', 'integer', (c) => c.notNull())
      .addColumn('fee_base_ore', 'integer', (c) => c.notNull())
      .addColumn('below_threshold', 'integer', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('payout_lines_batch').on('payout_lines').column('batch_id').execute();
    await db.schema.createIndex('payout_lines_person').on('payout_lines').column('contact_person_id').execute();

    // An attested batch is final: its lines can no longer change (corrections are new batches).
    await executeFor(db, {
      sqlite: [
        sql`CREATE TRIGGER payout_lines_locked_update BEFORE UPDATE ON payout_lines
          WHEN (SELECT status FROM payout_batches WHERE id = OLD.batch_id) = 'attesterad'
          BEGIN SELECT RAISE(ABORT, 'payout batch is attested'); END`,
        sql`CREATE TRIGGER payout_lines_locked_delete BEFORE DELETE ON payout_lines
          WHEN (SELECT status FROM payout_batches WHERE id = OLD.batch_id) = 'attesterad'
          BEGIN SELECT RAISE(ABORT, 'payout batch is attested'); END`,
        sql`CREATE TRIGGER payout_lines_locked_insert BEFORE INSERT ON payout_lines
          WHEN (SELECT status FROM payout_batches WHERE id = NEW.batch_id) = 'attesterad'
          BEGIN SELECT RAISE(ABORT, 'payout batch is attested'); END`,
      ],
      postgres: [
        PG_PAYOUT_LINES_LOCKED,
        ...(['update', 'delete', 'insert'] as const).map((op) => pgPayoutLinesLockedTrigger(op)),
      ],
    });

    await db.schema
      .createTable('payout_exports')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('batch_id', 'integer', (c) => c.notNull().references('payout_batches.id'))
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('reason', 'text')
      .addColumn('sha256', 'text', (c) => c.notNull())
      // The exact bytes of the first export, so a re-export is byte-identical (never a second payment).
      .addColumn('content', 'blob')
      .execute();
  },
};
