import type { ClientInput } from '../../shared/ipc/procedures/clients';
import { cpInput, syntheticPnr } from './people';
import type { Invoke } from '../../electron/ipc/router';

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

/** A contact person with the whole assessment done (interview, reference, consent, both register checks), not yet decided. */
export async function assessedCp(inv: Invoke, over: Parameters<typeof cpInput>[0]): Promise<number> {
  const { id } = await ok<{ id: number }>(inv('cp.create', cpInput({ prefersChildren: true, ...over })));
  await ok(inv('cp.transition', { id, to: 'intervju_bokad', date: '2025-01-02' }));
  await ok(inv('cp.addInterview', { id, date: '2025-01-05', interviewer: 'Ada', notes: 'Bra.' }));
  await ok(inv('cp.addReference', { id, name: 'Ref', phone: '070-111 22 33' }));
  await ok(inv('cp.setConsent', { id, date: '2025-01-05' }));
  await ok(inv('cp.transition', { id, to: 'utredning_pagar', date: '2025-01-05' }));
  await ok(
    inv('cp.addRegisterCheck', {
      id,
      register: 'socialtjanstens_register',
      extractDate: '2025-01-06',
      shownDate: '2025-01-06',
      outcome: 'inga_anteckningar',
    }),
  );
  await ok(
    inv('cp.addRegisterCheck', {
      id,
      register: 'belastningsregistret',
      extractDate: '2026-06-01',
      shownDate: '2026-06-02',
      outcome: 'inga_anteckningar',
    }),
  );
  return id;
}

/** An approved contact person, queued on `queueDate`. */
export async function approvedCp(inv: Invoke, over: Parameters<typeof cpInput>[0], queueDate: string): Promise<number> {
  const id = await assessedCp(inv, over);
  await ok(inv('cp.transition', { id, to: 'godkand', date: queueDate }));
  return id;
}

/**
 * The usual scenario: an approved contact person, a client with an LSS decision from 2026-09-01, and
 * their assignment started on 2026-10-16. Returns the ids.
 */
export async function activeAssignment(
  inv: Invoke,
  over: { contactPerson?: Parameters<typeof cpInput>[0]; client?: Partial<ClientInput>; levels?: boolean } = {},
) {
  const pnr = syntheticPnr('1980-02-02', 12);
  const contactPersonId = await approvedCp(
    inv,
    {
      firstName: 'Anna',
      lastName: 'Provsson',
      personnummer: pnr,
      bankClearing: '3300',
      bankAccount: pnr.slice(2),
      ...over.contactPerson,
    },
    '2026-03-01',
  );
  const { id: clientId } = await ok<{ id: number }>(inv('clients.create', clientInputOf(over.client)));
  const { id: decisionId } = await ok<{ id: number }>(
    inv('decisions.create', {
      clientId,
      legalBasis: 'LSS 9 § 4',
      personkrets: '1',
      decisionDate: '2026-09-01',
      diarienummer: 'SN 2026/17',
      validFrom: '2026-09-01',
      meetingsPerPeriod: 4,
      period: 'manad',
      hoursPerMonth: 8,
    }),
  );
  const { id: assignmentId } = await ok<{ id: number }>(inv('assignments.propose', { decisionId, contactPersonId }));
  for (const [action, date] of [
    ['offer', '2026-09-10'],
    ['cpAccept', '2026-09-12'],
    ['bookMeeting', '2026-10-01'],
    ['clientAccept', '2026-10-01'],
    ['activate', '2026-10-16'],
  ] as const) {
    await ok(inv('assignments.act', { id: assignmentId, action, date }));
  }
  if (over.levels !== false)
    await ok(inv('assignments.setCompensation', { id: assignmentId, arvodeLevel: 'A1M', omkostnadLevel: 'O2' }));
  return { contactPersonId, clientId, decisionId, assignmentId };
}
