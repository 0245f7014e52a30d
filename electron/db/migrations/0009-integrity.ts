import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from '../dialect';

/**
 * The database backs the rules the services check: at most one draft payout batch per month, and
 * only known values in the status and enum columns.
 *
 * The value lists are written out here, not imported: a migration must not change once released.
 * 0009-integrity.test.ts compares them with the lists in shared/, so a new status fails that test
 * until a later migration widens its guard.
 */

export interface ColumnGuard {
  table: string;
  column: string;
  values: readonly string[];
  nullable?: boolean;
  /** Swedish, for the refusal: "Ogiltigt värde för <label>." */
  label: string;
}

export const GUARDS_0009: readonly ColumnGuard[] = [
  {
    table: 'contact_persons',
    column: 'status',
    label: 'kontaktpersonens status',
    values: [
      'intresseanmalan',
      'intervju_bokad',
      'utredning_pagar',
      'godkand',
      'ej_godkand',
      'i_uppdrag',
      'vilande',
      'avslutad',
    ],
  },
  {
    table: 'contact_persons',
    column: 'tax_mode',
    label: 'kontaktpersonens skattesätt',
    values: ['side_income_30', 'table', 'percentage'],
  },
  { table: 'contact_persons', column: 'gender', label: 'kontaktpersonens kön', values: ['man', 'kvinna'] },
  {
    table: 'cp_register_checks',
    column: 'register',
    label: 'registret',
    values: ['belastningsregistret', 'socialtjanstens_register'],
  },
  {
    table: 'cp_register_checks',
    column: 'outcome',
    label: 'registerkontrollens utfall',
    values: ['inga_anteckningar', 'anteckningar'],
  },
  // Participants without needs assessment have no gender or preference recorded.
  { table: 'clients', column: 'gender', label: 'brukarens kön', values: ['', 'man', 'kvinna'] },
  { table: 'clients', column: 'preferred_gender', label: 'önskat kön', values: ['', 'man', 'kvinna'] },
  { table: 'clients', column: 'age_group', label: 'åldersgruppen', values: ['', 'barn', 'ungdom', 'vuxen', 'aldre'] },
  {
    table: 'client_connections',
    column: 'role',
    label: 'kontaktens roll',
    values: ['vardnadshavare', 'god_man', 'forvaltare', 'personal', 'annan'],
  },
  { table: 'decisions', column: 'period', label: 'beslutets period', values: ['vecka', 'manad'] },
  {
    table: 'decisions',
    column: 'law',
    label: 'beslutets lag',
    values: ['LSS 1993:387', 'SoL 2001:453', 'SoL 2025:400'],
  },
  { table: 'decisions', column: 'personkrets', label: 'personkretsen', values: ['1', '2', '3'], nullable: true },
  {
    table: 'assignments',
    column: 'status',
    label: 'uppdragets status',
    values: [
      'forslag',
      'erbjudet',
      'kp_accepterat',
      'presentationsmote',
      'bada_ja',
      'aktivt',
      'avslutat',
      'kp_avbojt',
      'brukare_avbojt',
      'aterkallat',
    ],
  },
  { table: 'monthly_reports', column: 'status', label: 'månadsrapportens status', values: ['inlamnad', 'godkand'] },
  { table: 'payout_batches', column: 'status', label: 'utbetalningens status', values: ['utkast', 'attesterad'] },
  { table: 'payout_batches', column: 'kind', label: 'utbetalningens typ', values: ['ordinarie', 'rättelse'] },
  {
    table: 'payout_batches',
    column: 'channel',
    label: 'betalsättet',
    values: ['pain001', 'bgc-lon', 'paxml', 'csv'],
    nullable: true,
  },
  {
    table: 'payout_batches',
    column: 'bank_profile',
    label: 'bankprofilen',
    values: ['swedbank', 'seb', 'handelsbanken', 'nordea', 'danske', 'generic'],
    nullable: true,
  },
  {
    table: 'payout_lines',
    column: 'tax_mode',
    label: 'radens skattesätt',
    values: ['side_income_30', 'table', 'percentage'],
  },
  {
    table: 'payout_exports',
    column: 'format',
    label: 'exportformatet',
    values: ['pain001', 'bgc-lon', 'paxml', 'csv'],
  },
  {
    table: 'documents',
    column: 'kind',
    label: 'dokumenttypen',
    values: ['avtal', 'genomforandeplan', 'brev-godkand', 'brev-erbjudande', 'brev-avslut'],
  },
];

export const guardMessage = (g: ColumnGuard) => `Ogiltigt värde för ${g.label}. Inget har sparats.`;

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * SQLite-specific: SQLite cannot add a CHECK to an existing table, and rebuilding the tables would
 * drop the append-only and locked-batch triggers and break the foreign keys pointing at them.
 * A BEFORE INSERT and a BEFORE UPDATE OF trigger per column refuse an unknown value instead; rows
 * already stored are left as they are. A PostgreSQL twin adds the same lists as CHECK constraints
 * (ALTER TABLE … ADD CONSTRAINT … CHECK (col IN (…)) NOT VALID).
 */
async function addSqliteGuard(db: Kysely<unknown>, g: ColumnGuard): Promise<void> {
  const bad = `NEW.${g.column} NOT IN (${g.values.map(literal).join(', ')})${g.nullable ? '' : ` OR NEW.${g.column} IS NULL`}`;
  const raise = `SELECT RAISE(ABORT, ${literal(guardMessage(g))})`;
  for (const [when, on] of [
    ['insert', 'INSERT'],
    ['update', `UPDATE OF ${g.column}`],
  ] as const) {
    await sql
      .raw(`CREATE TRIGGER ${guardName(g)}_${when} BEFORE ${on} ON ${g.table} WHEN ${bad} BEGIN ${raise}; END`)
      .execute(db);
  }
}

/** The constraint (PostgreSQL) or trigger-name stem (SQLite) of a guard; constraint-errors.ts maps it back. */
export const guardName = (g: ColumnGuard) => `${g.table}_${g.column}_guard`;

/**
 * PostgreSQL twin: a real CHECK constraint. NOT VALID, like the SQLite triggers, leaves rows already
 * stored alone and checks every new or changed row.
 */
async function addPostgresGuard(db: Kysely<unknown>, g: ColumnGuard): Promise<void> {
  const list = `${g.column} IN (${g.values.map(literal).join(', ')})`;
  const check = g.nullable ? list : `${g.column} IS NOT NULL AND ${list}`;
  await sql.raw(`ALTER TABLE ${g.table} ADD CONSTRAINT ${guardName(g)} CHECK (${check}) NOT VALID`).execute(db);
}

export const migration0009: Migration = {
  async up(db: Kysely<unknown>) {
    const k = db as Kysely<any>;
    // Two quick clicks could make two drafts for a month before this version. Drafts are recomputed
    // from the reports at will, so the newest (the one computed last) stays and the older go.
    const months = await k
      .selectFrom('payout_batches')
      .select(['month', (eb) => eb.fn.max('id').as('keep')])
      .where('status', '=', 'utkast')
      .groupBy('month')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    for (const m of months as Array<{ month: string; keep: number }>) {
      const old = k
        .selectFrom('payout_batches')
        .select('id')
        .where('month', '=', m.month)
        .where('status', '=', 'utkast')
        .where('id', '!=', m.keep);
      await k.deleteFrom('payout_redates').where('batch_id', 'in', old).execute();
      await k.deleteFrom('payout_lines').where('batch_id', 'in', old).execute();
      await k
        .deleteFrom('payout_batches')
        .where('month', '=', m.month)
        .where('status', '=', 'utkast')
        .where('id', '!=', m.keep)
        .execute();
    }
    await db.schema
      .createIndex('payout_batches_one_draft')
      .on('payout_batches')
      .column('month')
      .unique()
      .where(sql.ref('status'), '=', 'utkast')
      .execute();

    const addGuard = dialectOf(db) === 'postgres' ? addPostgresGuard : addSqliteGuard;
    for (const g of GUARDS_0009) await addGuard(db, g);
  },
};
