import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReadyCore, tempDir } from '../../test/helpers/core';
import { cpInput, syntheticPnr } from '../../test/helpers/people';
import { activeAssignment, ok } from '../../test/helpers/cases';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('retention (gallring)', () => {
  it('previews, then removes only what the rules select, logging kind and count without personal data', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    const rejected = await ok<{ id: number }>(
      inv(
        'cp.create',
        cpInput({ firstName: 'Avslagen', lastName: 'Gallringsson', personnummer: syntheticPnr('1970-01-01', 11) }),
      ),
    );
    await ok(inv('cp.transition', { id: rejected.id, to: 'ej_godkand', date: '2026-11-22', note: 'Ej lämplig.' }));
    const waiting = await ok<{ id: number }>(
      inv(
        'cp.create',
        cpInput({ firstName: 'Kvar', lastName: 'Väntarsson', personnummer: syntheticPnr('1971-01-01', 12) }),
      ),
    );
    await ok(inv('cp.transition', { id: waiting.id, to: 'intervju_bokad', date: '2026-11-22' }));
    await ok(inv('cp.setConsent', { id: waiting.id, date: '2026-11-22' }));
    await ok(
      inv('cp.addRegisterCheck', {
        id: waiting.id,
        register: 'socialtjanstens_register',
        extractDate: '2026-11-20',
        shownDate: '2026-11-22',
        outcome: 'anteckningar',
        assessmentNote: 'Gammal anteckning, bedöms sakna betydelse.',
      }),
    );
    await ok(inv('cp.transition', { id: waiting.id, to: 'ej_godkand', date: '2026-11-22', note: 'Drog tillbaka.' }));

    const counts = async () =>
      Object.fromEntries((await ok<any[]>(inv('retention.preview', {}))).map((r) => [r.rule, r.count]));
    expect(await counts()).toEqual({
      ej_godkanda: 0,
      avslutade_kontaktpersoner: 0,
      registernoteringar: 0,
      avslutade_uppdrag: 0,
    });
    made.clock.advance(400 * 86_400_000); // about 13 months later
    expect(await counts()).toEqual({
      ej_godkanda: 2,
      avslutade_kontaktpersoner: 0,
      registernoteringar: 1,
      avslutade_uppdrag: 0,
    });

    // Keep the rejected ones longer: only the notes go.
    await ok(
      inv('retention.saveSettings', {
        rejectedApplicantsMonths: 24,
        endedContactPersonsMonths: 24,
        registerCheckNotesMonths: 12,
        endedAssignmentsMonths: 60,
      }),
    );
    expect(await inv('retention.run', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await ok(inv('retention.run', { confirm: true }))).toEqual({
      removed: { ej_godkanda: 0, avslutade_kontaktpersoner: 0, registernoteringar: 1, avslutade_uppdrag: 0 },
    });
    const raw = made.core.serviceContext().raw;
    expect(raw.prepare('SELECT register, assessment_note FROM cp_register_checks').all()).toEqual([
      { register: 'socialtjanstens_register', assessment_note: null },
    ]);

    await ok(
      inv('retention.saveSettings', {
        rejectedApplicantsMonths: 12,
        endedContactPersonsMonths: 24,
        registerCheckNotesMonths: 12,
        endedAssignmentsMonths: 60,
      }),
    );
    expect(await ok(inv('retention.run', { confirm: true }))).toEqual({
      removed: { ej_godkanda: 2, avslutade_kontaktpersoner: 0, registernoteringar: 0, avslutade_uppdrag: 0 },
    });
    expect(raw.prepare('SELECT count(*) AS n FROM contact_persons').get()).toEqual({ n: 0 });
    expect(raw.prepare('SELECT count(*) AS n FROM cp_events').get()).toEqual({ n: 0 });
    const log = raw.prepare("SELECT detail FROM audit_log WHERE action = 'retention.run' ORDER BY id").all();
    expect(log).toEqual([{ detail: 'Bedömningar av registerutdrag: 1' }, { detail: 'Sökande som inte godkändes: 2' }]);
    expect((await ok<any>(inv('audit.verify', {}))).ok).toBe(true);
  });
});

describe('retention of ended assignments', () => {
  it('removes an assignment ended more than N months ago with its papers, keeps payout lines, and frees the contact person of it', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    const { assignmentId, contactPersonId } = await activeAssignment(inv);
    await ok(
      inv('agreements.save', {
        assignmentId,
        data: {
          startDate: '2026-10-16',
          endDate: null,
          noticeWeeks: 4,
          meetingsPerPeriod: 2,
          period: 'manad',
          hoursPerMeeting: 3,
          goals: 'Mål.',
        },
      }),
    );
    await ok(inv('reports.submit', { assignmentId, month: '2026-10', meetingDates: [], hours: 2 }));
    await ok(
      inv('assignments.act', {
        id: assignmentId,
        action: 'end',
        date: '2026-11-20',
        note: 'Klart',
        decisionContinues: false,
      }),
    );
    made.clock.advance(400 * 86_400_000);
    await ok(
      inv('retention.saveSettings', {
        rejectedApplicantsMonths: 0,
        endedContactPersonsMonths: 0,
        registerCheckNotesMonths: 0,
        endedAssignmentsMonths: 12,
      }),
    );
    expect((await ok<any[]>(inv('retention.preview', {}))).find((r) => r.rule === 'avslutade_uppdrag').count).toBe(1);
    expect((await ok<any>(inv('retention.run', { confirm: true }))).removed.avslutade_uppdrag).toBe(1);
    const raw = made.core.serviceContext().raw;
    for (const table of ['assignments', 'agreements', 'monthly_reports', 'assignment_events', 'follow_ups']) {
      expect(raw.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    expect((await ok<any>(inv('cp.get', { id: contactPersonId }))).status).toBe('godkand');
  });
});

describe('audit review', () => {
  it('filters by person, user, action and period, and exports the selection as CSV', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    const pnr = syntheticPnr('1980-05-05', 77);
    const { id } = await ok<{ id: number }>(inv('cp.create', cpInput({ personnummer: pnr })));
    await ok(inv('cp.get', { id }));
    await ok(inv('cp.create', cpInput({ personnummer: syntheticPnr('1981-06-06', 88) })));
    const person = await ok<any[]>(inv('audit.list', { personnummer: pnr }));
    expect(person.map((r) => r.action)).toEqual(['cp.read', 'cp.create']);
    expect(await ok<any[]>(inv('audit.list', { actionPrefix: 'cp.create' }))).toHaveLength(2);
    expect(await ok<any[]>(inv('audit.list', { from: '2027-01-01' }))).toEqual([]);
    expect((await ok<any[]>(inv('audit.list', { userId: 1, limit: 500 }))).every((r) => r.userId === 1)).toBe(true);
    expect(await inv('audit.list', { personnummer: '123' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const exported = await ok<{ savedTo: string; rows: number }>(inv('audit.export', { personnummer: pnr }));
    expect(exported.rows).toBe(2);
    expect(readFileSync(exported.savedTo, 'utf8').split('\r\n')[0]).toBe(
      '\uFEFFNr;Tid;Användare;Händelse;Objekt;Objekt-id;Detalj;Arbetsstation',
    );
  });
});
