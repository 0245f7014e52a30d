import type { ClientInput } from '../../shared/ipc/procedures/clients';
import { syntheticPnr } from './people';

export function clientInputOf(over: Partial<ClientInput> = {}): ClientInput {
  return {
    personnummer: syntheticPnr('2014-05-01', 246),
    firstName: 'Bruno',
    lastName: 'Brukarsson',
    street: 'Björkvägen 2',
    postalCode: '123 45',
    city: 'Provköping',
    area: 'Centrum',
    workplace: 'Centrumskolan',
    languages: ['svenska'],
    interests: ['friluftsliv', 'fotboll'],
    connections: [{ role: 'god_man', name: 'Gode Mannsson' }],
    ...over,
  };
}

/** Unwraps an IpcResult or fails with its Swedish message. */
export async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error!.message);
  return r.value as T;
}
