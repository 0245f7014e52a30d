import type { Invoke } from '../../electron/ipc/router';
import type { ManualClock } from '../../electron/core/clock';
import type { RawDatabase } from '../../electron/db/open';
import { approvedCp, clientInputOf, ok } from './cases';
import { syntheticPnr } from './people';

/**
 * A small municipality with LSS and SoL decisions on both sides of 2025-07-01 (SoL 2025:400), for the
 * hand-computed LSS register, IVO quarter and log review tests. The clock stays at 2026-11-22 (the harness's
 * date); every date below is in the past.
 *
 *   client  law (guess/explicit)      pk  decision    executed    then
 *   Alma    LSS 9 § 4                 1   2025-03-10  2025-04-01  active
 *   Bertil  SoL → 2001:453            –   2025-05-20  2025-06-15  active
 *   Cecilia SoL → 2025:400            –   2025-07-01  –           waiting
 *   David   LSS 9 § 4                 3   2025-06-30  2025-09-01  assignment ended 2026-05-31, decision continues (avbrott)
 *   Eva     LSS 9 § 4                 2   2026-08-20  2026-10-05  active
 *   Filip   LSS 9 § 4 (migrated)      –   2024-11-01  2024-12-01  active; personkrets missing, law guessed
 *   Greta   LSS 9 § 4                 1   2025-01-15  2025-02-01  assignment and decision ended 2026-03-31
 */
export async function legalScenario(inv: Invoke, raw: RawDatabase) {
  const people = {
    alma: syntheticPnr('2012-03-04', 242), // 3rd digit of 242 even: kvinna
    bertil: syntheticPnr('1990-06-07', 131),
    cecilia: syntheticPnr('1985-01-20', 222),
    david: syntheticPnr('2010-09-09', 111),
    eva: syntheticPnr('2001-12-12', 262),
    filip: syntheticPnr('1999-02-02', 151),
    greta: syntheticPnr('1975-05-05', 282),
  };
  const ids: Record<string, { clientId: number; decisionId: number; assignmentId?: number }> = {};
  let serial = 300;
  const client = async (key: keyof typeof people, firstName: string, over: { protectedIdentity?: boolean } = {}) =>
    (
      await ok<{ id: number }>(
        inv(
          'clients.create',
          clientInputOf({
            personnummer: people[key],
            firstName,
            lastName: 'Lagsson',
            workplace: '',
            connections: [],
            ...over,
          }),
        ),
      )
    ).id;
  const decision = async (
    clientId: number,
    legalBasis: string,
    decisionDate: string,
    personkrets: '1' | '2' | '3' | null,
  ) =>
    (
      await ok<{ id: number }>(
        inv('decisions.create', {
          clientId,
          legalBasis,
          personkrets,
          decisionDate,
          validFrom: decisionDate,
          meetingsPerPeriod: 2,
          period: 'manad',
          hoursPerMonth: 8,
        }),
      )
    ).id;
  const run = async (decisionId: number, start: string) => {
    const cp = await approvedCp(
      inv,
      {
        firstName: 'Kim',
        lastName: `Kontakt${serial}`,
        personnummer: syntheticPnr('1970-01-01', serial++),
        prefersAdults: true,
      },
      '2024-06-01',
    );
    const { id } = await ok<{ id: number }>(inv('assignments.propose', { decisionId, contactPersonId: cp }));
    for (const action of ['offer', 'cpAccept', 'bookMeeting', 'clientAccept'] as const)
      await ok(inv('assignments.act', { id, action, date: start }));
    await ok(inv('assignments.act', { id, action: 'activate', date: start }));
    return id;
  };
  const LSS = 'LSS 9 § 4';
  const SOL = 'SoL (bistånd, kontaktperson)';

  let c = await client('alma', 'Alma', { protectedIdentity: true });
  let d = await decision(c, LSS, '2025-03-10', '1');
  ids.alma = { clientId: c, decisionId: d, assignmentId: await run(d, '2025-04-01') };

  c = await client('bertil', 'Bertil');
  d = await decision(c, SOL, '2025-05-20', null);
  ids.bertil = { clientId: c, decisionId: d, assignmentId: await run(d, '2025-06-15') };

  c = await client('cecilia', 'Cecilia');
  ids.cecilia = { clientId: c, decisionId: await decision(c, SOL, '2025-07-01', null) };

  c = await client('david', 'David');
  d = await decision(c, LSS, '2025-06-30', '3');
  const davidA = await run(d, '2025-09-01');
  await ok(
    inv('assignments.act', {
      id: davidA,
      action: 'end',
      date: '2026-05-31',
      note: 'Kontaktpersonen flyttade',
      decisionContinues: true,
    }),
  );
  ids.david = { clientId: c, decisionId: d, assignmentId: davidA };

  c = await client('eva', 'Eva');
  d = await decision(c, LSS, '2026-08-20', '2');
  ids.eva = { clientId: c, decisionId: d, assignmentId: await run(d, '2026-10-05') };

  c = await client('filip', 'Filip');
  d = await decision(c, LSS, '2024-11-01', '1');
  ids.filip = { clientId: c, decisionId: d, assignmentId: await run(d, '2024-12-01') };
  // As migration 0008 leaves a decision made before personkrets was recorded.
  raw.prepare('UPDATE decisions SET personkrets = NULL, law_guessed = 1 WHERE id = ?').run(d);

  c = await client('greta', 'Greta');
  d = await decision(c, LSS, '2025-01-15', '1');
  const gretaA = await run(d, '2025-02-01');
  await ok(
    inv('assignments.act', {
      id: gretaA,
      action: 'end',
      date: '2026-03-31',
      note: 'Behovet upphörde',
      decisionContinues: false,
    }),
  );
  await ok(inv('decisions.end', { id: d, date: '2026-03-31', reason: 'Behovet upphörde' }));
  ids.greta = { clientId: c, decisionId: d, assignmentId: gretaA };
  return { people, ids };
}

export type LegalScenario = Awaited<ReturnType<typeof legalScenario>>;
export type { ManualClock };
