import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReadyCore, tempDir } from '../../../test/helpers/core';
import { approvedCp, ok } from '../../../test/helpers/cases';
import { syntheticPnr } from '../../../test/helpers/people';
import type { ProcOutput } from '../../../shared/ipc/contract';
import { testPayment } from '../../../test/helpers/payment';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('insats utan individuell behovsprövning (SoL 2025:400)', () => {
  it('registers a participant with name, age group and area only, runs the assignment to a payout to the contact person, and keeps the participant out of IVO', async () => {
    const { core, invoke } = await makeReadyCore(t.dir);
    const refused = await invoke('participants.create', {
      name: 'Sam',
      ageGroup: 'vuxen',
      area: 'Centrum',
      startDate: '2025-06-30',
    });
    expect(refused.ok ? null : refused.error.message).toBe(
      'Insatser utan individuell behovsprövning finns från 2025-07-01 (socialtjänstlagen 2025:400).',
    );
    const empty = await invoke('participants.create', {
      name: ' ',
      ageGroup: 'vuxen',
      area: 'Centrum',
      startDate: '2026-09-01',
    });
    expect(empty.ok ? null : empty.error.fields).toEqual({ name: 'Ange förnamn eller kod.' });
    expect(core.serviceContext().raw.prepare('SELECT COUNT(*) AS n FROM clients').get()).toEqual({ n: 0 });

    const { clientId, decisionId } = await ok<{ clientId: number; decisionId: number }>(
      invoke('participants.create', { name: 'Sam', ageGroup: 'ungdom', area: 'Centrum', startDate: '2026-09-01' }),
    );
    // A second participant, registered 2025-07-10 and never given a contact person: an ordinary decision like it
    // would be "ej verkställt" in every quarter since; a participant has no IVO duty.
    await ok(
      invoke('participants.create', { name: 'K-17', ageGroup: 'ungdom', area: 'Norr', startDate: '2025-07-10' }),
    );

    const detail = await ok<ProcOutput<'clients.get'>>(invoke('clients.get', { id: clientId }));
    expect([
      detail.values.personnummer,
      detail.withoutAssessment,
      detail.ageGroup,
      detail.isChild,
      detail.ivoCode,
    ]).toEqual(['', true, 'ungdom', true, '']);
    expect(detail.decisions[0]!.legalReference).toBe('socialtjänstlagen (2025:400)');
    const list = await ok<ProcOutput<'clients.search'>>(invoke('clients.search', { query: '' }));
    expect(list.map((r) => [r.name, r.personnummerMasked, r.isChild])).toEqual([
      ['K-17', 'utan behovsprövning', true],
      ['Sam', 'utan behovsprövning', true],
    ]);
    const edit = await invoke('clients.update', {
      id: clientId,
      values: { personnummer: syntheticPnr('1990-01-01', 100), firstName: 'Sam', lastName: 'X' },
    });
    expect(edit.ok ? null : edit.error.message).toMatch(/deltagare utan behovsprövning/);

    await ok(invoke('payments.saveSettings', testPayment({ twoPersonRule: false })));
    const pnr = syntheticPnr('1980-02-02', 12);
    const cpId = await approvedCp(
      invoke,
      {
        firstName: 'Anna',
        lastName: 'Provsson',
        personnummer: pnr,
        bankClearing: '3300',
        bankAccount: pnr.slice(2),
        prefersAdults: true,
      },
      '2026-03-01',
    );
    const matches = await ok<ProcOutput<'matching.suggest'>>(invoke('matching.suggest', { decisionId }));
    expect(matches.find((m) => m.contactPersonId === cpId)?.excluded).toEqual([]);
    const { id: assignmentId } = await ok<{ id: number }>(
      invoke('assignments.propose', { decisionId, contactPersonId: cpId }),
    );
    for (const [action, date] of [
      ['offer', '2026-09-05'],
      ['cpAccept', '2026-09-06'],
      ['bookMeeting', '2026-09-20'],
      ['clientAccept', '2026-09-20'],
      ['activate', '2026-10-01'],
    ] as const) {
      await ok(invoke('assignments.act', { id: assignmentId, action, date }));
    }
    // A young participant: the first follow-up at the children's interval (6 months), from the age group.
    expect(
      core
        .serviceContext()
        .raw.prepare('SELECT planned_date FROM follow_ups WHERE assignment_id = ?')
        .all(assignmentId),
    ).toEqual([{ planned_date: '2027-04-01' }]);
    await ok(invoke('assignments.setCompensation', { id: assignmentId, arvodeLevel: 'A1M', omkostnadLevel: 'O2' }));
    await ok(
      invoke('reports.submit', {
        assignmentId,
        month: '2026-10',
        meetingDates: ['2026-10-08', '2026-10-22'],
        hours: 6,
      }),
    );
    await ok(invoke('reports.approve', { assignmentId, month: '2026-10' }));
    const { id: batchId } = await ok<{ id: number }>(invoke('payouts.create', { month: '2026-10' }));
    const lines = core
      .serviceContext()
      .raw.prepare('SELECT contact_person_id, arvode_ore, omkostnad_ore FROM payout_lines WHERE batch_id = ?')
      .all(batchId) as Array<{ contact_person_id: number; arvode_ore: number; omkostnad_ore: number }>;
    expect(lines).toHaveLength(1);
    expect(lines[0]!.contact_person_id).toBe(cpId);
    expect(lines[0]!.arvode_ore).toBeGreaterThan(0);

    // IVO: nothing from either participant, in any quarter since SoL 2025:400 came into force.
    for (const quarter of [
      { year: 2025, q: 4 },
      { year: 2026, q: 1 },
      { year: 2026, q: 2 },
      { year: 2026, q: 3 },
    ] as const) {
      expect((await ok<ProcOutput<'reports.ivo'>>(invoke('reports.ivo', quarter))).lines).toEqual([]);
    }
    // Counted apart in the summary: Sam's assignment (from 2026-10-01) runs at the end of Q4 2026, not of Q3.
    expect(
      (await ok<ProcOutput<'reports.ivo'>>(invoke('reports.ivo', { year: 2026, q: 3 }))).summary
        .participantsWithoutAssessment,
    ).toBe(0);
    expect(
      (await ok<ProcOutput<'reports.ivo'>>(invoke('reports.ivo', { year: 2026, q: 4 }))).summary
        .participantsWithoutAssessment,
    ).toBe(1);
    // Counted apart on Översikt: two registered, one with a running assignment.
    expect((await ok<ProcOutput<'legal.reminders'>>(invoke('legal.reminders', {}))).participants).toEqual({
      registered: 2,
      activeAssignments: 1,
    });
  });
});
