import type { ErrorCode, IpcError, IpcResult } from '../../shared/errors';
import {
  contract,
  isProcedureName,
  type InvokeFn,
  type ProcedureName,
  type ProcInput,
  type ProcOutput,
  type ProcParsedInput,
} from '../../shared/ipc/contract';
import { hasAccess, type Role } from '../../shared/roles';

/** A refusal from "main": the procedure answers with this error instead of a value. */
export class Refusal {
  public constructor(public readonly error: IpcError) {}
}

/** An error in the contract's shape (Swedish message, optional field messages). */
export function refuse(code: ErrorCode, message: string, fields?: Record<string, string>): Refusal {
  return new Refusal({ code, message, ...(fields ? { fields } : {}) });
}

type Result<N extends ProcedureName> = ProcOutput<N> | Refusal;
/** A fixed value, a refusal, or a function of the (parsed) input, possibly async. */
export type Answer<N extends ProcedureName> =
  Result<N> | ((input: ProcParsedInput<N>) => Result<N> | Promise<Result<N>>);
export type Answers = { [N in ProcedureName]?: Answer<N> };

/** One call as the renderer sent it (before the contract's defaults and transforms). */
export interface Call {
  name: ProcedureName;
  input: unknown;
}

/**
 * A stand-in for the preload's `window.kpr.invoke` that behaves like main's router
 * (electron/ipc/router.ts) for what the renderer can observe: role check, the contract's
 * input validation with Swedish field messages, then the test's answer. Every call is recorded.
 * Calls without an answer and answers that break the output schema are collected in `problems`
 * (the render helper fails the test on them), so a fixture cannot drift from the contract.
 */
export function createFakeKpr(initial: Answers, roles: Role[] | null) {
  const answers: Answers = { ...initial };
  const calls: Call[] = [];
  const problems: string[] = [];
  let pending = 0;

  const answerCall = async (name: string, raw: unknown): Promise<IpcResult<unknown>> => {
    if (!isProcedureName(name)) return { ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: 'Okänd åtgärd.' } };
    calls.push({ name, input: raw });
    const def = contract[name];
    if (!hasAccess(def.access, roles)) {
      const error: IpcError =
        roles === null
          ? { code: 'NOT_LOGGED_IN', message: 'Du är inte inloggad, eller så har sessionen låsts.' }
          : { code: 'FORBIDDEN', message: 'Du har inte behörighet för den här åtgärden.' };
      return { ok: false, error };
    }
    const parsed = def.input.safeParse(raw ?? {});
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: `Uppgifterna är inte giltiga: ${Object.values(fields)[0]}`, fields },
      };
    }
    const answer = answers[name] as Answer<typeof name> | undefined;
    if (answer === undefined) {
      problems.push(`No answer for ${name} (input ${JSON.stringify(raw)})`);
      return { ok: false, error: { code: 'INTERNAL', message: `Testet har inget svar för ${name}.` } };
    }
    const value = typeof answer === 'function' ? await answer(parsed.data as never) : answer;
    if (value instanceof Refusal) return { ok: false, error: value.error };
    const out = def.output.safeParse(value);
    if (!out.success) {
      problems.push(`Answer for ${name} breaks the output schema: ${out.error.message}`);
      return { ok: false, error: { code: 'INTERNAL', message: 'Ett internt fel inträffade. Inget har ändrats.' } };
    }
    return { ok: true, value: out.data };
  };
  const invoke = async (name: string, raw: unknown): Promise<IpcResult<unknown>> => {
    pending++;
    try {
      return await answerCall(name, raw);
    } finally {
      pending--;
    }
  };

  return {
    invoke: invoke as InvokeFn,
    calls,
    problems,
    /** Calls not yet answered (an answer may be a slow promise). */
    get pending(): number {
      return pending;
    },
    /** Replaces or adds an answer mid-test (e.g. the list after a save). */
    answer<N extends ProcedureName>(name: N, a: Answer<N>): void {
      (answers as Record<string, unknown>)[name] = a;
    },
    /** The inputs sent to one procedure, in order. */
    inputs<N extends ProcedureName>(name: N): ProcInput<N>[] {
      return calls.filter((c) => c.name === name).map((c) => c.input as ProcInput<N>);
    },
    /** The procedures called, in order, without the session poll. */
    names(): ProcedureName[] {
      return calls.map((c) => c.name).filter((n) => n !== 'session.status');
    },
  };
}

export type FakeKpr = ReturnType<typeof createFakeKpr>;
