import { z } from 'zod';
import { DomainError, type IpcError, type IpcResult } from '../../shared/errors';
import { constraintError } from '../db/constraint-errors';
import {
  contract,
  isProcedureName,
  type ProcedureName,
  type ProcOutput,
  type ProcParsedInput,
} from '../../shared/ipc/contract';
import { hasAccess } from '../../shared/roles';
import { SetupFailedError, type AppCore } from '../core/app-core';
import { DatabaseKeyError } from '../db/open';
import { DatabaseFromFutureError } from '../db/migrate';

export type Handler<N extends ProcedureName> = (
  core: AppCore,
  input: ProcParsedInput<N>,
) => Promise<ProcOutput<N>> | ProcOutput<N>;
export type Handlers = { [N in ProcedureName]: Handler<N> };

export type Logger = (message: string, err?: unknown) => void;

/** While an admin-set temporary password is in force, only these may be called. */
const MUST_CHANGE_ALLOWED: ReadonlySet<string> = new Set([
  'session.status',
  'session.changePassword',
  'session.logout',
  'session.lock',
  'session.touch',
]);

/** Field path -> first Swedish message, for forms. */
function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

function fail(error: IpcError): { ok: false; error: IpcError } {
  return { ok: false, error };
}

/**
 * The one place every IPC call passes: known procedure, role check, valid input, then the
 * handler. Errors come back typed with a Swedish message; unexpected ones never carry details
 * (they may hold case data) to the renderer, only to the redacted log.
 */
export function createRouter(core: AppCore, handlers: Handlers, log: Logger = () => {}) {
  return async function invoke(name: unknown, rawInput: unknown): Promise<IpcResult<unknown>> {
    if (!isProcedureName(name)) return fail({ code: 'UNKNOWN_PROCEDURE', message: 'Okänd åtgärd.' });
    const def = contract[name];
    // Roles, active flag and must-change-password are read from the database on every call, not cached for the session.
    let user;
    try {
      user = await core.refreshSessionUser();
    } catch (err) {
      log('Could not re-read the session user', err);
      return fail({ code: 'INTERNAL', message: 'Ett internt fel inträffade. Inget har ändrats.' });
    }
    const roles = user ? user.roles : null;
    if (user?.mustChangePassword && !MUST_CHANGE_ALLOWED.has(name)) {
      return fail({ code: 'FORBIDDEN', message: 'Du måste byta ditt tillfälliga lösenord innan du kan fortsätta.' });
    }
    if (!hasAccess(def.access, roles)) {
      return roles === null
        ? fail({ code: 'NOT_LOGGED_IN', message: 'Du är inte inloggad, eller så har sessionen låsts.' })
        : fail({ code: 'FORBIDDEN', message: 'Du har inte behörighet för den här åtgärden.' });
    }
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      return fail({
        code: 'INVALID_INPUT',
        message: `Uppgifterna är inte giltiga: ${Object.values(fields)[0]}`,
        fields,
      });
    }
    if (!('passive' in def && def.passive)) core.touch();
    try {
      const handler = handlers[name] as Handler<typeof name>;
      const value = await handler(core, parsed.data as never);
      const out = def.output.safeParse(value);
      if (!out.success) {
        log(`Output of ${name} does not match its schema`, out.error);
        return fail({ code: 'INTERNAL', message: 'Ett internt fel inträffade. Inget har ändrats.' });
      }
      return { ok: true, value: out.data };
    } catch (err) {
      const domain = err instanceof DomainError ? err : constraintError(err);
      if (domain) {
        return fail({
          code: domain.code,
          message: domain.message,
          fields: domain.fields,
          retryAfterSeconds: domain.retryAfterSeconds,
        });
      }
      if (err instanceof SetupFailedError) {
        log(`Procedure ${name} failed`, err.cause);
        return fail({ code: 'INTERNAL', message: err.message });
      }
      if (err instanceof DatabaseKeyError || err instanceof DatabaseFromFutureError) {
        return fail({ code: 'INTERNAL', message: err.message });
      }
      log(`Procedure ${name} failed`, err);
      return fail({ code: 'INTERNAL', message: 'Ett internt fel inträffade. Inget har ändrats.' });
    }
  };
}

export type Invoke = ReturnType<typeof createRouter>;
