import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReadyCore, tempDir } from '../../../test/helpers/core';
import { cpInput, syntheticPnr } from '../../../test/helpers/people';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

type Ready = Awaited<ReturnType<typeof makeReadyCore>>;
async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error!.message);
  return r.value as T;
}
async function rowCounts(made: Ready) {
  const raw = made.core.serviceContext().raw;
  const n = (t: string) => (raw.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return { cp: n('contact_persons'), events: n('cp_events'), checks: n('cp_register_checks') };
}

/** Runs the whole assessment and approves. */
async function approve(made: Ready, id: number, children = true) {
  const inv = made.invoke;
  await ok(inv('cp.transition', { id, to: 'intervju_bokad', date: '2026-11-02' }));
  await ok(inv('cp.addInterview', { id, date: '2026-11-05', interviewer: 'Ada Admin', notes: 'Lugn och stabil.' }));
  await ok(
    inv('cp.addReference', {
      id,
      name: 'Refera Refsson',
      phone: '070-111 22 33',
      relation: 'Tidigare chef',
      notes: 'Gott omdöme',
      contactedDate: '2026-11-06',
    }),
  );
  await ok(inv('cp.setConsent', { id, date: '2026-11-05' }));
  await ok(inv('cp.transition', { id, to: 'utredning_pagar', date: '2026-11-05' }));
  await ok(
    inv('cp.addRegisterCheck', {
      id,
      register: 'socialtjanstens_register',
      extractDate: '2026-11-07',
      shownDate: '2026-11-07',
      outcome: 'inga_anteckningar',
    }),
  );
  if (children)
    await ok(
      inv('cp.addRegisterCheck', {
        id,
        register: 'belastningsregistret',
        extractDate: '2026-11-01',
        shownDate: '2026-11-10',
        outcome: 'inga_anteckningar',
      }),
    );
  await ok(inv('cp.transition', { id, to: 'godkand', date: '2026-11-12' }));
}

describe('contact persons', () => {
  it('runs the recruitment flow to the queue with days waiting, leaving a timeline', async () => {
    const made = await makeReadyCore(t.dir);
    const { id, warnings } = await ok<{ id: number; warnings: string[] }>(
      made.invoke('cp.create', cpInput({ prefersChildren: true })),
    );
    expect(warnings).toEqual([]);
    await approve(made, id);
    const detail = await ok<any>(made.invoke('cp.get', { id }));
    expect(detail).toMatchObject({
      status: 'godkand',
      queueSince: '2026-11-12',
      daysWaiting: 10,
      bankCheck: { status: 'ok' },
    });
    expect(detail.registerChecks.find((c: any) => c.register === 'belastningsregistret').usableUntil).toBe(
      '2027-11-01',
    );
    expect(detail.events.map((e: any) => e.kind).reverse()).toEqual([
      'registered',
      'status',
      'interview',
      'reference',
      'consent',
      'status',
      'register_check',
      'register_check',
      'status',
    ]);
    const queue = await ok<any[]>(made.invoke('cp.queue', { target: 'barn' }));
    expect(queue.map((q) => [q.id, q.daysWaiting])).toEqual([[id, 10]]);
    expect(await ok<any[]>(made.invoke('cp.queue', { target: 'vuxna' }))).toEqual([]);
    expect(
      await ok<any[]>(made.invoke('cp.queue', { interest: 'FRILUFTSLIV', language: 'svenska', area: 'centrum' })),
    ).toHaveLength(1);
    expect(await ok<any[]>(made.invoke('cp.queue', { language: 'arabiska' }))).toHaveLength(0);
  });

  it('refuses approval until the assessment is complete, and changes nothing', async () => {
    const made = await makeReadyCore(t.dir);
    const { id } = await ok<{ id: number }>(made.invoke('cp.create', cpInput({ prefersChildren: true })));
    await ok(made.invoke('cp.transition', { id, to: 'intervju_bokad', date: '2026-11-02' }));
    await ok(made.invoke('cp.transition', { id, to: 'utredning_pagar', date: '2026-11-03' }));
    const before = await rowCounts(made);
    const r = await made.invoke('cp.transition', { id, to: 'godkand', date: '2026-11-04' });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'RULE_VIOLATION',
        message: expect.stringMatching(/kan inte godkännas än: Ingen intervju.*belastningsregistret/),
      },
    });
    expect(await rowCounts(made)).toEqual(before);
  });

  it('refuses bad input and illegal changes with Swedish messages and changes nothing', async () => {
    const made = await makeReadyCore(t.dir);
    const { id } = await ok<{ id: number }>(made.invoke('cp.create', cpInput()));
    const before = await rowCounts(made);
    const cases: Array<[string, unknown, RegExp]> = [
      ['cp.create', cpInput({ personnummer: '19851412-1234' }), /datum som inte finns/],
      [
        'cp.create',
        cpInput({ personnummer: syntheticPnr('1985-04-12', 123).replace(/\d$/, (d) => String((Number(d) + 1) % 10)) }),
        /kontrollsiffra/,
      ],
      ['cp.create', cpInput({ firstName: '   ' }), /Ange förnamn/],
      ['cp.create', cpInput(), /redan en kontaktperson med det personnumret/],
      [
        'cp.create',
        cpInput({ personnummer: syntheticPnr('1990-01-01', 5), bankClearing: '0000', bankAccount: '123' }),
        /ingen känd bank/,
      ],
      [
        'cp.create',
        cpInput({ personnummer: syntheticPnr('1990-01-01', 5), taxMode: 'table' }),
        /skattetabell och kolumn/,
      ],
      [
        'cp.transition',
        { id, to: 'godkand', date: '2026-11-04' },
        /Det går inte att ändra status från "Intresseanmälan" till "Godkänd/,
      ],
      ['cp.transition', { id, to: 'i_uppdrag', date: '2026-11-04' }, /sätts när ett uppdrag accepteras/],
      ['cp.transition', { id, to: 'ej_godkand', date: '2026-11-04' }, /skälet/],
      ['cp.transition', { id, to: 'intervju_bokad', date: '2026-02-30' }, /giltigt datum/],
      ['cp.addInterview', { id, date: '2027-01-01', interviewer: 'X', notes: 'Y' }, /framtiden/],
      [
        'cp.addRegisterCheck',
        {
          id,
          register: 'belastningsregistret',
          extractDate: '2026-11-01',
          shownDate: '2026-11-02',
          outcome: 'inga_anteckningar',
        },
        /samtycke/i,
      ],
      [
        'cp.addRegisterCheck',
        {
          id,
          register: 'belastningsregistret',
          extractDate: '2026-11-05',
          shownDate: '2026-11-02',
          outcome: 'inga_anteckningar',
        },
        /före utdragsdatumet/,
      ],
      ['cp.get', { id: 9999 }, /finns inte/],
    ];
    for (const [name, input, message] of cases) {
      const r = await made.invoke(name, input);
      expect(r.ok, `${name} ${JSON.stringify(input).slice(0, 80)}`).toBe(false);
      if (!r.ok) expect(r.error.message, name).toMatch(message);
    }
    expect(await rowCounts(made)).toEqual(before);
  });

  it('rejects with a reason; the person stays out of the queue', async () => {
    const made = await makeReadyCore(t.dir);
    const { id } = await ok<{ id: number }>(made.invoke('cp.create', cpInput()));
    await ok(
      made.invoke('cp.transition', {
        id,
        to: 'ej_godkand',
        date: '2026-11-20',
        note: 'Kan inte åta sig uppdrag regelbundet.',
      }),
    );
    const d = await ok<any>(made.invoke('cp.get', { id }));
    expect(d.status).toBe('ej_godkand');
    expect(d.events[0]).toMatchObject({
      kind: 'status',
      toStatus: 'ej_godkand',
      note: 'Kan inte åta sig uppdrag regelbundet.',
    });
    expect(await ok<any[]>(made.invoke('cp.queue', {}))).toEqual([]);
  });

  it('warns when the belastningsregister extract is too old for a start with a child within 30 days', async () => {
    const made = await makeReadyCore(t.dir);
    const { id } = await ok<{ id: number }>(made.invoke('cp.create', cpInput({ prefersChildren: true })));
    await ok(made.invoke('cp.setConsent', { id, date: '2026-01-05' }));
    await ok(
      made.invoke('cp.addRegisterCheck', {
        id,
        register: 'belastningsregistret',
        extractDate: '2026-01-10',
        shownDate: '2026-01-12',
        outcome: 'inga_anteckningar',
      }),
    );
    expect((await ok<any>(made.invoke('cp.get', { id }))).extractWarning).toBeNull(); // usable until 2027-01-10
    await ok(
      made.invoke('cp.addRegisterCheck', {
        id,
        register: 'belastningsregistret',
        extractDate: '2025-11-01',
        shownDate: '2025-11-02',
        outcome: 'inga_anteckningar',
      }),
    );
    expect((await ok<any>(made.invoke('cp.get', { id }))).extractWarning).toBeNull(); // the newest extract counts
    const old = await ok<{ id: number }>(
      made.invoke('cp.create', cpInput({ prefersChildren: true, personnummer: syntheticPnr('1966-06-06', 66) })),
    );
    await ok(made.invoke('cp.setConsent', { id: old.id, date: '2025-11-01' }));
    await ok(
      made.invoke('cp.addRegisterCheck', {
        id: old.id,
        register: 'belastningsregistret',
        extractDate: '2025-12-01',
        shownDate: '2025-12-02',
        outcome: 'inga_anteckningar',
      }),
    );
    expect((await ok<any>(made.invoke('cp.get', { id: old.id }))).extractWarning).toMatch(
      /äldre än ett år vid start 2026-12-22/,
    );
  });

  it('warns but saves a doubtful bank account', async () => {
    const made = await makeReadyCore(t.dir);
    const r = await ok<{ id: number; warnings: string[] }>(
      made.invoke('cp.create', cpInput({ bankAccount: '8112289875' })),
    );
    expect(r.warnings).toEqual([expect.stringMatching(/ser inte ut att stämma för Nordea/)]);
    expect((await ok<any>(made.invoke('cp.get', { id: r.id }))).bankCheck.status).toBe('doubtful');
  });

  it('audits every read; hides a protected address in lists and records, reveals it only with a logged reason', async () => {
    const made = await makeReadyCore(t.dir);
    const { id } = await ok<{ id: number }>(
      made.invoke('cp.create', cpInput({ protectedIdentity: true, street: 'Hemliga vägen 7' })),
    );
    const list = await ok<any>(made.invoke('cp.search', { query: 'provs' }));
    expect(list.rows[0]).toMatchObject({
      city: '',
      protectedIdentity: true,
      personnummerMasked: expect.stringMatching(/-\*\*\*\*$/),
    });
    const d = await ok<any>(made.invoke('cp.get', { id }));
    expect(d.addressHidden).toBe(true);
    expect(JSON.stringify(d)).not.toContain('Hemliga');
    expect(await made.invoke('cp.revealAddress', { id, reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await ok<any>(made.invoke('cp.revealAddress', { id, reason: 'Utskick av avtal' }))).toMatchObject({
      street: 'Hemliga vägen 7',
    });
    // Saving the form with the hidden (blank) address keeps the stored one.
    await ok(
      made.invoke('cp.update', {
        id,
        values: cpInput({ protectedIdentity: true, street: '', postalCode: '', city: '', phone: '070-999 99 99' }),
      }),
    );
    expect(await ok<any>(made.invoke('cp.revealAddress', { id, reason: 'Kontroll efter ändring' }))).toMatchObject({
      street: 'Hemliga vägen 7',
    });
    const log = made.core
      .serviceContext()
      .raw.prepare("SELECT action, detail FROM audit_log WHERE entity_type = 'contact_person' ORDER BY id")
      .all();
    expect(log).toEqual([
      { action: 'cp.create', detail: null },
      { action: 'cp.search', detail: '1 träffar' },
      { action: 'cp.read', detail: null },
      { action: 'cp.address.reveal', detail: 'Utskick av avtal' },
      { action: 'cp.update', detail: 'phone' },
      { action: 'cp.address.reveal', detail: 'Kontroll efter ändring' },
    ]);
  });

  it('finds people by name, personnummer and phone', async () => {
    const made = await makeReadyCore(t.dir);
    await ok(
      made.invoke(
        'cp.create',
        cpInput({
          firstName: 'Åsa',
          lastName: 'Östberg',
          personnummer: syntheticPnr('1970-03-03', 11),
          phone: '08-555 123 00',
        }),
      ),
    );
    await ok(
      made.invoke(
        'cp.create',
        cpInput({
          firstName: 'Bo',
          lastName: 'Berg',
          personnummer: syntheticPnr('1980-05-05', 22),
          phone: '070-000 00 01',
        }),
      ),
    );
    const names = async (query: string) =>
      (await ok<any>(made.invoke('cp.search', { query }))).rows.map((r: any) => r.name);
    expect(await names('berg')).toEqual(['Berg, Bo', 'Östberg, Åsa']);
    expect(await names('åsa östberg')).toEqual(['Östberg, Åsa']);
    expect(await names('19700303')).toEqual(['Östberg, Åsa']);
    expect(await names('0855512300')).toEqual(['Östberg, Åsa']);
    expect(await names('070-000')).toEqual(['Berg, Bo']);
    await ok(
      made.invoke(
        'cp.create',
        cpInput({ firstName: 'Ärla', lastName: 'Äng', personnummer: syntheticPnr('1975-05-05', 33) }),
      ),
    );
    await ok(
      made.invoke(
        'cp.create',
        cpInput({ firstName: 'Åke', lastName: 'Åberg', personnummer: syntheticPnr('1976-06-06', 44) }),
      ),
    );
    expect(await names('')).toEqual(['Berg, Bo', 'Åberg, Åke', 'Äng, Ärla', 'Östberg, Åsa']);
    // The total counts every match, not just the page (one query gives both).
    expect(await ok<any>(made.invoke('cp.search', { query: 'berg', limit: 1 }))).toMatchObject({
      total: 3,
      rows: [{ name: 'Berg, Bo' }],
    });
    expect(await ok<any>(made.invoke('cp.search', { query: 'ingen sådan' }))).toEqual({ total: 0, rows: [] });
  });
});
