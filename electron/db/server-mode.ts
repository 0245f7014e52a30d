import { DomainError } from '../../shared/errors';
import type { RawDatabase } from './open';

/** Said when something that exists only for the local encrypted file is asked for on a shared server. */
export const LOCAL_ONLY_MESSAGE =
  'Det här finns bara med den lokala krypterade databasen. Med en delad databasserver sköter kommunens IT säkerhetskopior och nycklar på servern.';

export function localOnlyError(what?: string): DomainError {
  return new DomainError('RULE_VIOLATION', what ? `${what}: ${LOCAL_ONLY_MESSAGE}` : LOCAL_ONLY_MESSAGE);
}

/**
 * Stands in for the SQLite connection in server mode: there is no local file, so any use of it
 * (a file backup, a rekey, a direct SQLite query) fails loudly with a Swedish message instead of
 * touching something that is not there. `open` is false, like a closed connection.
 */
export function noLocalDatabase(): RawDatabase {
  return new Proxy({} as RawDatabase, {
    get: (_target, prop) => {
      if (prop === 'open') return false;
      // Not a promise, and harmless for inspection by test tooling.
      if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
      throw localOnlyError();
    },
  });
}
