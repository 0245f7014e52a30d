import { DomainError } from '../../shared/errors';
import { GUARDS_0009, guardMessage, guardName } from './migrations/0009-integrity';

/**
 * The database's own refusals (unique indexes, guard triggers) as Swedish messages. The services check
 * the same rules first and say it better; these are the backstop for what slips past a check, such as
 * two calls racing each other or a write path that forgot a rule.
 */

const UNIQUE: Record<string, { message: string; field?: string }> = {
  'contact_persons.personnummer': {
    message: 'Det finns redan en kontaktperson med det personnumret.',
    field: 'personnummer',
  },
  'clients.personnummer': { message: 'Det finns redan en brukare med det personnumret.', field: 'personnummer' },
  'users.username': { message: 'Användarnamnet är redan upptaget.', field: 'username' },
  // The partial index payout_batches_one_draft (migration 0009): one draft per month.
  'payout_batches.month': {
    message:
      'Det finns redan ett utkast till utbetalning för månaden. Uppdatera sidan och räkna om det utkastet i stället.',
  },
  'monthly_reports.assignment_id, monthly_reports.month': {
    message: 'Det finns redan en månadsrapport för uppdraget och månaden.',
  },
  'agreements.assignment_id, agreements.version': {
    message: 'En annan version av avtalet sparades samtidigt. Ladda om och försök igen.',
  },
  'implementation_plans.assignment_id, implementation_plans.version': {
    message: 'En annan version av genomförandeplanen sparades samtidigt. Ladda om och försök igen.',
  },
  'rate_years.year': { message: 'Det finns redan ersättningsnivåer för året. Ändra dem i stället.', field: 'year' },
};

/** Messages of the triggers from before 0009, which were written in English. */
const OLD_TRIGGERS: Record<string, string> = {
  'payout batch is attested': 'Utbetalningen är attesterad och kan inte ändras.',
  'audit_log is append-only': 'Loggen kan inte ändras eller tas bort.',
};

function sqliteError(err: unknown): { code: string; message: string } | null {
  if (!(err instanceof Error)) return null;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT') ? { code, message: err.message } : null;
}

const GUARD_MESSAGES = new Map(GUARDS_0009.map((g) => [guardName(g), guardMessage(g)]));

function uniqueRefusal(key: string): DomainError {
  const hit = UNIQUE[key];
  if (!hit) return new DomainError('CONFLICT', 'Uppgiften finns redan och sparades inte en gång till.');
  return new DomainError('CONFLICT', hit.message, hit.field ? { fields: { [hit.field]: hit.message } } : {});
}

/** PostgreSQL's refusals (the pg driver's DatabaseError: SQLSTATE code, table, constraint, detail). */
function postgresConstraintError(err: unknown): DomainError | null {
  if (!(err instanceof Error)) return null;
  const e = err as Error & { code?: unknown; table?: string; constraint?: string; detail?: string };
  if (e.code === '23505') {
    // detail: "Key (assignment_id, month)=(3, 2026-10) already exists." → the same key as SQLite's message.
    const cols = /^Key \(([^)]*)\)=/.exec(e.detail ?? '')?.[1];
    return uniqueRefusal(
      cols && e.table
        ? cols
            .split(', ')
            .map((c) => `${e.table}.${c}`)
            .join(', ')
        : '',
    );
  }
  if (e.code === '23514') {
    return new DomainError(
      'RULE_VIOLATION',
      GUARD_MESSAGES.get(e.constraint ?? '') ?? 'Ett ogiltigt värde sparades inte.',
    );
  }
  // RAISE EXCEPTION from the plpgsql twins of the old triggers.
  if (e.code === 'P0001') return new DomainError('RULE_VIOLATION', OLD_TRIGGERS[e.message] ?? e.message);
  return null;
}

/** A DomainError for a constraint the database refused, or null when `err` is something else. */
export function constraintError(err: unknown): DomainError | null {
  const e = sqliteError(err);
  if (!e) return postgresConstraintError(err);
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return uniqueRefusal(e.message.replace(/^UNIQUE constraint failed: /, ''));
  }
  // RAISE(ABORT, '…') from a trigger: 0009's guards speak Swedish already.
  if (e.code === 'SQLITE_CONSTRAINT_TRIGGER')
    return new DomainError('RULE_VIOLATION', OLD_TRIGGERS[e.message] ?? e.message);
  return null;
}

/** Rethrows a constraint refusal as its DomainError, anything else as it is. */
export function rethrowConstraint(err: unknown): never {
  throw constraintError(err) ?? err;
}
