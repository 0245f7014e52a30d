import type { IpcError } from '../shared/errors';
import type { ProcedureName, ProcInput, ProcOutput } from '../shared/ipc/contract';

/** A failed call, carrying the typed Swedish error from main. */
export class ApiError extends Error {
  public constructor(public readonly error: IpcError) {
    super(error.message);
    this.name = 'ApiError';
  }
}

/** Calls a procedure; resolves with its value or throws ApiError. */
export async function call<N extends ProcedureName>(name: N, input: ProcInput<N>): Promise<ProcOutput<N>> {
  let result;
  try {
    result = await window.kpr.invoke(name, input);
  } catch {
    throw new ApiError({
      code: 'INTERNAL',
      message: 'Kontakten med programmets kärna bröts. Starta om Kontaktregistret.',
    });
  }
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
