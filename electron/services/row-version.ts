import { sql, type UpdateResult } from 'kysely';
import { DomainError } from '../../shared/errors';

/** What the officer was editing, in the Swedish of the conflict message. */
export type VersionedRecord = 'kontaktpersonen' | 'brukaren' | 'beslutet' | 'uppdraget';

/** Refusal of a save made from a form that someone else's save has overtaken. */
export function staleEditError(what: VersionedRecord): DomainError {
  return new DomainError(
    'CONFLICT',
    `Någon annan har ändrat ${what} sedan du öppnade den – ladda om och gör ändringen igen.`,
  );
}

/**
 * Optimistic locking (migration 0010). The form sends the version it loaded; a caller without one
 * (older callers, internal use) gets the version read in the same transaction, i.e. no check.
 * Refuses early, before any other validation, when the row has moved on.
 */
export function versionToMatch(what: VersionedRecord, current: number, expected: number | undefined): number {
  if (expected !== undefined && expected !== current) throw staleEditError(what);
  return current;
}

/** `set` fragment raising the row's version with the edit. */
export const nextVersion = sql<number>`version + 1`;

/**
 * Checks the result of an update made `WHERE id = ? AND version = ?`: no row means another
 * writer got there first, and throwing rolls back the transaction so nothing is written.
 */
export function assertVersionMatched(result: UpdateResult, what: VersionedRecord): void {
  if (result.numUpdatedRows === 0n) throw staleEditError(what);
}
