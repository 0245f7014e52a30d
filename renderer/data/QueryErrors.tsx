import { FormMessage } from '../components/form';
import { errorText } from './useProc';

/** Shows why reads failed (each distinct message once), so no failed load is silent. */
export function QueryErrors({ of }: { of: ReadonlyArray<{ error: unknown }> }) {
  const messages = [...new Set(of.filter((q) => q.error != null).map((q) => errorText(q.error)))];
  if (messages.length === 0) return null;
  return <FormMessage>{messages.join(' ')}</FormMessage>;
}
