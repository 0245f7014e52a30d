import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReadyCore, tempDir } from '../../../test/helpers/core';
import { syntheticPnr } from '../../../test/helpers/people';
import { approvedCp, clientInputOf, ok } from '../../../test/helpers/cases';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('namesakes', () => {
  it('carry their birth dates in the matching list and the assignment list', async () => {
    const { invoke: inv } = await makeReadyCore(t.dir);
    const older = await approvedCp(
      inv,
      { firstName: 'Sara', lastName: 'Stickprov', personnummer: syntheticPnr('1971-05-05', 41) },
      '2026-03-01',
    );
    await approvedCp(
      inv,
      { firstName: 'Sara', lastName: 'Stickprov', personnummer: syntheticPnr('1994-08-08', 52) },
      '2026-04-01',
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
    const ranked = await ok<Array<{ name: string; birthDate: string }>>(inv('matching.suggest', { decisionId }));
    expect(ranked.map((r) => `${r.name} ${r.birthDate}`).sort()).toEqual([
      'Sara Stickprov 1971-05-05',
      'Sara Stickprov 1994-08-08',
    ]);
    await ok(inv('assignments.propose', { decisionId, contactPersonId: older }));
    const [row] = await ok<
      Array<{ contactPersonName: string; contactPersonBirthDate: string; clientBirthDate: string }>
    >(inv('assignments.list', { statuses: [] }));
    expect(row).toMatchObject({ contactPersonName: 'Sara Stickprov', contactPersonBirthDate: '1971-05-05' });
    expect(row!.clientBirthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
