import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ProcedureName, ProcInput, ProcOutput } from '../../shared/ipc/contract';
import { ApiError, call } from '../api';

/** The cache key of one procedure call: its name, then its input. */
export function procKey<N extends ProcedureName>(name: N, input: ProcInput<N>): readonly [N, ProcInput<N>] {
  return [name, input] as const;
}

/** Marks every cached call whose procedure name starts with one of the prefixes as stale. */
export async function invalidateProcs(client: QueryClient, prefixes: readonly string[]): Promise<void> {
  if (prefixes.length === 0) return;
  await client.invalidateQueries({
    predicate: (q) => {
      const name = q.queryKey[0];
      return typeof name === 'string' && prefixes.some((p) => name.startsWith(p));
    },
  });
}

export interface ProcQueryOptions {
  /** false: do not call yet (e.g. nothing chosen). */
  enabled?: boolean;
  /** Keep showing the previous input's data while the new one loads (lists under a filter). */
  keepPrevious?: boolean;
}

/**
 * Reads a procedure. The key is the name plus the input, so a reply for an input the screen has
 * moved away from lands in its own cache entry and never over the current one.
 */
export function useProc<N extends ProcedureName>(name: N, input: ProcInput<N>, options: ProcQueryOptions = {}) {
  return useQuery({
    queryKey: procKey(name, input),
    queryFn: () => call(name, input),
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
}

export interface ProcMutationOptions<N extends ProcedureName> {
  /** Procedure-name prefixes whose cached reads are stale after success, e.g. ['payouts.']. */
  invalidates?: readonly string[];
  onSuccess?: (output: ProcOutput<N>, input: ProcInput<N>) => void;
}

/** Calls a procedure that changes something; afterwards the reads it affects reload. */
export function useProcMutation<N extends ProcedureName>(name: N, options: ProcMutationOptions<N> = {}) {
  const client = useQueryClient();
  return useMutation<ProcOutput<N>, ApiError | Error, ProcInput<N>>({
    mutationFn: (input) => call(name, input),
    onSuccess: async (output, input) => {
      await invalidateProcs(client, options.invalidates ?? []);
      options.onSuccess?.(output, input);
    },
  });
}

/** The Swedish text for a failed call (main's message, or a generic one for anything else). */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Något gick fel. Försök igen.';
}

/** Fetches a procedure into the cache outside render (e.g. on submit, to act on its error first). */
export function fetchProc<N extends ProcedureName>(
  client: QueryClient,
  name: N,
  input: ProcInput<N>,
): Promise<ProcOutput<N>> {
  return client.fetchQuery({ queryKey: procKey(name, input), queryFn: () => call(name, input), staleTime: 0 });
}
