import { QueryClient } from '@tanstack/react-query';

/**
 * The renderer's query cache. One per app (main.tsx) and one per test. Procedure errors are
 * answers from main (a rule, a missing right), so a retry would only repeat them; the window
 * regaining focus is no reason to reload on a desktop app.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 },
      mutations: { retry: false },
    },
  });
}
