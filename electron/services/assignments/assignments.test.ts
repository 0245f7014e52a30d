import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReadyCore, tempDir } from '../../../test/helpers/core';
import { syntheticPnr } from '../../../test/helpers/people';
import { approvedCp, clientInputOf, ok } from '../../../test/helpers/cases';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());
type Ready = Awaited<ReturnType<typeof makeReadyCore>>;

async function setup(made: Ready) {
  const inv = made.invoke;
  const anna = await approvedCp(
    made.invoke,
    {
      firstName: 'Anna',
      lastName: 'Provsson',
      personnummer: syntheticPnr('1980-02-02', 12),
      interests: ['fotboll'],
      area: 'Centrum',
    },
    '2026-03-01',
  );
  const bo = await approvedCp(
    made.invoke,
    {
      firstName: 'Bo',
      lastName: 'Testberg',
      personnummer: syntheticPnr('1975-03-03', 21),
      interests: ['fotboll', 'friluftsliv'],
      area: 'Centrum',
    },
    '2026-06-01',
  );
  const { id: clientId } = await ok<{ id: number }>(inv('clients.create', clientInputOf()));
  const { id: decisionId } = await ok<{ id: number }>(
    inv('decisions.create', {
      clientId,
      legalBasis: 'LSS 9 § 4',
      personkrets: '1',
      decisionDate: '2026-07-01',
      validFrom: '2026-07-01',
      meetingsPerPeriod: 2,
      period: 'manad',
      hoursPerMonth: 8,
    }),
  );
  return { anna, bo, clientId, decisionId };
}

describe('matching, offers and assignments', () => {
  it('ranks with explanations; a decline returns the person to the queue with the original date; acceptance executes the decision', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    const { anna, bo, decisionId, clientId } = await setup(made);

    const ranked = await ok<any[]>(inv('matching.suggest', { decisionId }));
    expect(ranked.map((r) => r.name)).toEqual(['Bo Testberg', 'Anna Provsson']);
    expect(ranked[0].factors.map((f: any) => f.text)).toContain('Gemensamma intressen: fotboll, friluftsliv.');
    expect(ranked[1].factors.map((f: any) => f.text)).toContain('Har väntat i kön 266 dagar.');

    // Offer Bo; Bo declines: back in the queue, queue date unchanged.
    const { id: first } = await ok<{ id: number }>(inv('assignments.propose', { decisionId, contactPersonId: bo }));
    expect(await inv('assignments.propose', { decisionId, contactPersonId: anna })).toMatchObject({
      ok: false,
      error: { message: /redan ett pågående förslag/ },
    });
    await ok(inv('assignments.act', { id: first, action: 'offer', date: '2026-07-10' }));
    expect(await inv('assignments.act', { id: first, action: 'cpDecline', date: '2026-07-12' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    await ok(
      inv('assignments.act', { id: first, action: 'cpDecline', date: '2026-07-12', note: 'Har inte tid i höst.' }),
    );
    const boAfter = await ok<any>(inv('cp.get', { id: bo }));
    expect(boAfter).toMatchObject({ status: 'godkand', queueSince: '2026-06-01' });
    expect((await ok<any[]>(inv('cp.queue', {}))).map((q) => q.id)).toContain(bo);

    // Offer Anna; she accepts, presentation meeting, the client says yes, start.
    const { id: second } = await ok<{ id: number }>(inv('assignments.propose', { decisionId, contactPersonId: anna }));
    expect(await inv('assignments.act', { id: second, action: 'activate', date: '2026-08-01' })).toMatchObject({
      ok: false,
      error: { message: /"Starta uppdraget" går inte när uppdraget har status "Förslag"/ },
    });
    for (const [action, date] of [
      ['offer', '2026-07-15'],
      ['cpAccept', '2026-07-16'],
      ['bookMeeting', '2026-07-20'],
      ['clientAccept', '2026-07-20'],
      ['activate', '2026-08-03'],
    ] as const) {
      await ok(inv('assignments.act', { id: second, action, date }));
    }
    const client = await ok<any>(inv('clients.get', { id: clientId }));
    expect(client.decisions[0]).toMatchObject({ executedDate: '2026-08-03', ivoDeadline: '2026-10-01' });
    expect((await ok<any>(inv('cp.get', { id: anna }))).status).toBe('i_uppdrag');
    expect((await ok<any[]>(inv('cp.queue', {}))).map((q) => q.id)).toEqual([bo]);
    expect((await ok<any>(inv('reports.ivo', { year: 2026, q: 4 }))).lines).toEqual([]);

    // Ending while the decision continues: an interruption starts and Anna returns to the queue.
    await ok(
      inv('assignments.act', { id: second, action: 'end', date: '2026-11-01', note: 'Kontaktpersonen flyttar.' }),
    );
    const after = await ok<any>(inv('clients.get', { id: clientId }));
    expect(after.decisions[0].interruptions).toEqual([
      {
        id: expect.any(Number),
        fromDate: '2026-11-01',
        resumedDate: null,
        reason: 'Uppdraget avslutat: Kontaktpersonen flyttar.',
      },
    ]);
    expect(await ok<any>(inv('cp.get', { id: anna }))).toMatchObject({ status: 'godkand', queueSince: '2026-11-01' });
    const rows = await ok<any[]>(inv('assignments.list', { decisionId }));
    expect(rows.find((r) => r.id === second).events.map((e: any) => e.action)).toEqual([
      'propose',
      'offer',
      'cpAccept',
      'bookMeeting',
      'clientAccept',
      'activate',
      'end',
    ]);
  });

  it('flags conflicts of interest and needs a written reason to propose anyway', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    const { decisionId } = await setup(made);
    const gode = await approvedCp(
      made.invoke,
      {
        firstName: 'Gode',
        lastName: 'Mannsson',
        personnummer: syntheticPnr('1970-04-04', 33),
        workplace: 'Centrumskolan',
      },
      '2026-01-01',
    );
    const ranked = await ok<any[]>(inv('matching.suggest', { decisionId }));
    const g = ranked.find((r) => r.contactPersonId === gode);
    expect(g.conflicts).toEqual([
      'Arbetar där brukaren arbetar eller har daglig verksamhet (Centrumskolan).',
      'Är brukarens god man (Gode Mannsson).',
    ]);
    expect(ranked.at(-1).contactPersonId).toBe(gode);
    const before = made.core.serviceContext().raw.prepare('SELECT count(*) AS n FROM assignments').get();
    expect(await inv('assignments.propose', { decisionId, contactPersonId: gode })).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION', message: expect.stringMatching(/^Risk för jäv/) },
    });
    expect(made.core.serviceContext().raw.prepare('SELECT count(*) AS n FROM assignments').get()).toEqual(before);
    await ok(
      inv('assignments.propose', {
        decisionId,
        contactPersonId: gode,
        conflictOverride: 'Uppdraget som god man upphör i augusti.',
      }),
    );
    const log = made.core
      .serviceContext()
      .raw.prepare("SELECT detail FROM audit_log WHERE action = 'assignment.conflict-override'")
      .all();
    expect(log).toEqual([{ detail: 'Uppdraget som god man upphör i augusti.' }]);
  });

  it('refuses bad decisions with Swedish messages and writes nothing', async () => {
    const made = await makeReadyCore(t.dir);
    const { id: clientId } = await ok<{ id: number }>(made.invoke('clients.create', clientInputOf()));
    const count = () => made.core.serviceContext().raw.prepare('SELECT count(*) AS n FROM decisions').get();
    const before = count();
    const base = {
      clientId,
      legalBasis: 'LSS 9 § 4',
      personkrets: '1',
      decisionDate: '2026-07-01',
      validFrom: '2026-07-01',
      meetingsPerPeriod: 2,
      period: 'manad',
      hoursPerMonth: 8,
    };
    for (const [input, message] of [
      [{ ...base, legalBasis: 'Påhittad lag' }, /Lagrummet finns inte/],
      [{ ...base, decisionDate: '2026-13-01' }, /giltigt datum/],
      [{ ...base, decisionDate: '2027-01-01' }, /framtiden/],
      [{ ...base, validTo: '2026-06-01' }, /Slutdatum kan inte vara före startdatum/],
      [{ ...base, clientId: 999 }, /Brukaren finns inte/],
    ] as const) {
      const r = await made.invoke('decisions.create', input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(message);
    }
    expect(count()).toEqual(before);
  });
});
