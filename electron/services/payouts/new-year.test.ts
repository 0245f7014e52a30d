import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReadyCore, ADMIN, tempDir } from '../../../test/helpers/core';
import { activeAssignment, ok } from '../../../test/helpers/cases';
import { testPayment } from '../../../test/helpers/payment';
import { contract } from '../../../shared/ipc/contract';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

const PAYMENT = testPayment({ twoPersonRule: false });
// A made-up 2027 prisbasbelopp for the test (the real one is whatever the government sets).
const PBB_2027_ORE = 6_000_000;

describe('across the year change', () => {
  it('warns in the autumn, pays December in January with last year\'s figures, refuses January until "Ny årsnivå", then pays a part month with the new figures', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    await ok(inv('payments.saveSettings', PAYMENT));
    const { assignmentId } = await activeAssignment(inv);
    expect(await ok(inv('rates.status', {}))).toEqual({
      warning: {
        year: 2027,
        kind: 'missing-next',
        message: 'Ersättningsnivåer för 2027 saknas – lägg in prisbasbeloppet när regeringen har fastställt det.',
      },
    });

    // January 2027, nothing entered yet: December is still paid (2026 figures), on the 25th of January.
    made.clock.set('2027-01-11T08:00:00Z');
    expect(await ok(inv('rates.status', {}))).toMatchObject({ warning: { year: 2027, kind: 'missing-current' } });
    await ok(
      inv('reports.submit', {
        assignmentId,
        month: '2026-12',
        meetingDates: ['2026-12-06', '2026-12-20'],
        hours: 6,
        activities: 'Bowling',
        expensesOre: 0,
      }),
    );
    await ok(inv('reports.approve', { assignmentId, month: '2026-12' }));
    await ok(inv('payouts.create', { month: '2026-12' }));
    const [dec] = await ok<any[]>(inv('payouts.list', { month: '2026-12' }));
    // 2026: 59 200 × 20 % ÷ 12 = 986,67 → 987 kr; × 25 % ÷ 12 = 1 233,33 → 1 233 kr; 30 % tax on 987 = 296,10 → 296 kr.
    expect(dec).toMatchObject({ paymentDate: '2027-01-25' });
    expect(dec.lines[0]).toMatchObject({ arvodeOre: 98_700, omkostnadOre: 123_300, taxOre: 29_600 });
    // Reports and the IVO report do not need the year's figures.
    expect((await inv('reports.ivo', { year: 2026, q: 4 })).ok).toBe(true);
    expect((await inv('dashboard.summary', {})).ok).toBe(true);

    // The assignment ends on 10 January; January cannot be computed without 2027's figures.
    await ok(
      inv('assignments.act', {
        id: assignmentId,
        action: 'end',
        date: '2027-01-10',
        note: 'Flyttar',
        decisionContinues: false,
      }),
    );
    made.clock.set('2027-02-02T08:00:00Z');
    await ok(
      inv('reports.submit', {
        assignmentId,
        month: '2027-01',
        meetingDates: ['2027-01-03'],
        hours: 2,
        activities: 'Avslutning',
        expensesOre: 0,
      }),
    );
    await ok(inv('reports.approve', { assignmentId, month: '2027-01' }));
    expect(await inv('payouts.create', { month: '2027-01' })).toMatchObject({
      ok: false,
      error: { message: /Ersättningsnivåer för 2027 saknas, så ersättningen för 2027-01 kan inte räknas.*Ny årsnivå/ },
    });
    expect(await inv('payouts.list', { month: '2027-01' })).toMatchObject({ ok: true, value: [] });

    // "Ny årsnivå": only an admin; a source is required; the year cannot be made twice; it is logged.
    await ok(
      inv('users.create', {
        username: 'atte',
        displayName: 'Atte Attestant',
        roles: ['attestant'],
        password: 'pennan-stämplar-blått-7',
      }),
    );
    expect(await inv('rates.createYear', { year: 2027, prisbasbeloppOre: PBB_2027_ORE, source: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const created = await ok<any>(
      inv('rates.createYear', { year: 2027, prisbasbeloppOre: PBB_2027_ORE, source: 'SFS 2026:999 (test)' }),
    );
    expect(created).toMatchObject({
      year: 2027,
      prisbasbeloppOre: PBB_2027_ORE,
      source: 'SFS 2026:999 (test)',
      demo: false,
    });
    expect(await inv('rates.createYear', { year: 2027, prisbasbeloppOre: PBB_2027_ORE, source: 'igen' })).toMatchObject(
      { ok: false, error: { code: 'CONFLICT' } },
    );
    const log = await ok<Array<{ action: string; detail: string | null }>>(
      inv('audit.list', { actionPrefix: 'rates.create', limit: 10 }),
    );
    expect(log[0]!.detail).toMatch(
      /kopierat från 2026; prisbasbelopp 59\u00a0200,00\u00a0kr → 60\u00a0000,00\u00a0kr; källa SFS 2026:999 \(test\)/,
    );
    expect(await ok(inv('rates.status', {}))).toEqual({ warning: null });
    await inv('session.logout', {});
    await ok(inv('session.login', { username: 'atte', password: 'pennan-stämplar-blått-7' }));
    expect(await inv('rates.createYear', { year: 2028, prisbasbeloppOre: PBB_2027_ORE, source: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await inv('session.logout', {});
    await ok(inv('session.login', { username: ADMIN.username, password: ADMIN.password }));

    // January: 10 of 31 days with 2027's figures. 60 000 × 20 % ÷ 12 = 1 000 kr → 10/31 = 322,58 → 323 kr;
    // × 25 % ÷ 12 = 1 250 kr → 403,23 → 403 kr; 30 % tax on 323 = 96,90 → 96 kr. Paid 2027-02-25.
    await ok(inv('payouts.create', { month: '2027-01' }));
    const [jan] = await ok<any[]>(inv('payouts.list', { month: '2027-01' }));
    expect(jan).toMatchObject({ paymentDate: '2027-02-25' });
    expect(jan.lines[0]).toMatchObject({ arvodeOre: 32_300, omkostnadOre: 40_300, taxOre: 9_600 });
    expect(jan.lines[0].details.join(' ')).toMatch(/10 av 31 dagar/);
  });

  it('a December part month is paid in January with 2026 figures, though 2027 has none yet', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    await ok(inv('payments.saveSettings', PAYMENT));
    made.clock.set('2026-12-21T08:00:00Z');
    const { assignmentId } = await activeAssignment(inv);
    // activeAssignment starts it on 2026-10-16; end it 2026-12-20 so December is a part month (20/31).
    await ok(
      inv('assignments.act', {
        id: assignmentId,
        action: 'end',
        date: '2026-12-20',
        note: 'Klart',
        decisionContinues: false,
      }),
    );
    made.clock.set('2027-01-04T08:00:00Z');
    await ok(
      inv('reports.submit', {
        assignmentId,
        month: '2026-12',
        meetingDates: ['2026-12-06'],
        hours: 2,
        activities: 'Fika',
        expensesOre: 0,
      }),
    );
    await ok(inv('reports.approve', { assignmentId, month: '2026-12' }));
    await ok(inv('payouts.create', { month: '2026-12' }));
    const [dec] = await ok<any[]>(inv('payouts.list', { month: '2026-12' }));
    // 987 kr × 20/31 = 636,77 → 637 kr; 1 233 kr × 20/31 = 795,48 → 795 kr.
    expect(dec.lines[0]).toMatchObject({ arvodeOre: 63_700, omkostnadOre: 79_500 });
  });

  it('"Ny årsnivå" answers text in the year field in Swedish (the form passes Number("tjugo") = NaN)', () => {
    const r = contract['rates.createYear'].input.safeParse({
      year: Number('tjugo'),
      prisbasbeloppOre: PBB_2027_ORE,
      source: 'x',
    });
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual(['Ange året med fyra siffror, t.ex. 2027.']);
    const half = contract['rates.createYear'].input.safeParse({
      year: 2027.5,
      prisbasbeloppOre: PBB_2027_ORE,
      source: 'x',
    });
    expect(half.success ? [] : half.error.issues.map((i) => i.message)).toEqual([
      'Ange året med fyra siffror, t.ex. 2027.',
    ]);
  });
});
