import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReadyCore, tempDir } from '../../../test/helpers/core';
import { syntheticPnr } from '../../../test/helpers/people';
import { approvedCp, clientInputOf, ok } from '../../../test/helpers/cases';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('the steps of an assignment are dated in order', () => {
  it('refuses a client yes or a start before the presentation meeting, with the date to use, and changes nothing', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    const cp = await approvedCp(
      inv,
      { firstName: 'Sara', lastName: 'Stickprov', personnummer: syntheticPnr('1981-04-04', 31) },
      '2026-06-01',
    );
    const { id: clientId } = await ok<{ id: number }>(inv('clients.create', clientInputOf()));
    const { id: decisionId } = await ok<{ id: number }>(
      inv('decisions.create', {
        clientId,
        legalBasis: 'LSS 9 § 4',
        personkrets: '1',
        decisionDate: '2026-09-01',
        validFrom: '2026-09-01',
        meetingsPerPeriod: 2,
        period: 'manad',
        hoursPerMonth: 8,
      }),
    );
    const { id } = await ok<{ id: number }>(inv('assignments.propose', { decisionId, contactPersonId: cp }));
    await ok(inv('assignments.act', { id, action: 'offer', date: '2026-11-10' }));
    expect(await inv('assignments.act', { id, action: 'cpAccept', date: '2026-11-09' })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message:
          '”Kontaktpersonen tackar ja” kan inte ha datum 2026-11-09: det är före erbjudandet (2026-11-10). Ange 2026-11-10 eller senare.',
        fields: { date: 'Tidigast 2026-11-10 (erbjudandet).' },
      },
    });
    await ok(inv('assignments.act', { id, action: 'cpAccept', date: '2026-11-12' }));
    // The meeting is booked ahead (2026-12-02, after today 2026-11-22).
    await ok(inv('assignments.act', { id, action: 'bookMeeting', date: '2026-12-02' }));
    made.clock.advance(10 * 86_400_000); // 2026-12-02
    const refused = await inv('assignments.act', { id, action: 'clientAccept', date: '2026-11-29' });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        message: /före presentationsmötet \(2026-12-02\)/,
        fields: { date: 'Tidigast 2026-12-02 (presentationsmötet).' },
      },
    });
    expect((await ok<any[]>(inv('assignments.list', { decisionId })))[0]).toMatchObject({
      status: 'presentationsmote',
    });

    await ok(inv('assignments.act', { id, action: 'clientAccept', date: '2026-12-02' }));
    expect(await inv('assignments.act', { id, action: 'activate', date: '2026-12-01' })).toMatchObject({
      ok: false,
      error: { message: /före att brukaren tackade ja \(2026-12-02\)/ },
    });
    const decision = async () => (await ok<any>(inv('clients.get', { id: clientId }))).decisions[0];
    expect((await decision()).executedDate).toBeNull();
    await ok(inv('assignments.act', { id, action: 'activate', date: '2026-12-02' }));
    expect((await decision()).executedDate).toBe('2026-12-02');
  });

  it('lets the contact person decline before a meeting booked ahead', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    const cp = await approvedCp(
      inv,
      { firstName: 'Sara', lastName: 'Stickprov', personnummer: syntheticPnr('1981-04-04', 31) },
      '2026-06-01',
    );
    const { id: clientId } = await ok<{ id: number }>(inv('clients.create', clientInputOf()));
    const { id: decisionId } = await ok<{ id: number }>(
      inv('decisions.create', {
        clientId,
        legalBasis: 'LSS 9 § 4',
        personkrets: '1',
        decisionDate: '2026-09-01',
        validFrom: '2026-09-01',
        meetingsPerPeriod: 2,
        period: 'manad',
        hoursPerMonth: 8,
      }),
    );
    const { id } = await ok<{ id: number }>(inv('assignments.propose', { decisionId, contactPersonId: cp }));
    await ok(inv('assignments.act', { id, action: 'offer', date: '2026-11-10' }));
    await ok(inv('assignments.act', { id, action: 'cpAccept', date: '2026-11-12' }));
    await ok(inv('assignments.act', { id, action: 'bookMeeting', date: '2026-12-02' }));
    await ok(inv('assignments.act', { id, action: 'cpDecline', date: '2026-11-20', note: 'Flyttar' }));
  });
});
