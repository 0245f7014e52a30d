import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReadyCore, tempDir } from '../../test/helpers/core';
import { cpInput, syntheticPnr } from '../../test/helpers/people';
import { activeAssignment, clientInputOf, ok } from '../../test/helpers/cases';
import { conflictsOfInterest, PROTECTED_CONFLICT } from '../../shared/matching/match';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir('kpr-skyddad-')));
afterEach(() => t.cleanup());

const PHONE = '070-987 65 43';
const auditRows = (made: Awaited<ReturnType<typeof makeReadyCore>>, action: string) =>
  made.core
    .serviceContext()
    .raw.prepare('SELECT entity_id, detail FROM audit_log WHERE action = ?')
    .all(action) as Array<{ entity_id: string; detail: string }>;

describe('skyddad identitet', () => {
  it('phone and workplace of a protected contact person are masked like the address, in the record and the list', async () => {
    const made = await makeReadyCore(t.dir);
    const { id } = await ok<{ id: number }>(
      made.invoke(
        'cp.create',
        cpInput({ phone: PHONE, workplace: 'Hemliga skolan', street: 'Dolda gatan 1', protectedIdentity: true }),
      ),
    );
    const d = await ok<any>(made.invoke('cp.get', { id }));
    expect(d.values).toMatchObject({ street: '', city: '', phone: '', workplace: '' });
    const list = await ok<any>(made.invoke('cp.search', {}));
    expect(list.rows[0]).toMatchObject({ phone: '', city: '', protectedIdentity: true });
    // Searching by the phone number does not find the protected person (no phone oracle).
    expect((await ok<any>(made.invoke('cp.search', { query: '0709876543' }))).total).toBe(0);
    // Revealing needs a reason and is logged; it shows everything that was masked.
    expect(await ok(made.invoke('cp.revealAddress', { id, reason: 'Utskick av avtal' }))).toMatchObject({
      street: 'Dolda gatan 1',
      phone: PHONE,
      workplace: 'Hemliga skolan',
    });
    // Saving the form with the masked fields blank keeps the stored values.
    await ok(made.invoke('cp.update', { id, values: { ...d.values, firstName: 'Nytt' } }));
    expect(await ok(made.invoke('cp.revealAddress', { id, reason: 'Kontroll efter ändring' }))).toMatchObject({
      street: 'Dolda gatan 1',
      phone: PHONE,
      workplace: 'Hemliga skolan',
    });
  });

  it("a protected child's school and phone are masked", async () => {
    const made = await makeReadyCore(t.dir);
    const { id } = await ok<{ id: number }>(
      made.invoke(
        'clients.create',
        clientInputOf({ phone: PHONE, workplace: 'Centrumskolan', protectedIdentity: true }),
      ),
    );
    const d = await ok<any>(made.invoke('clients.get', { id }));
    expect(d.values).toMatchObject({ street: '', phone: '', workplace: '' });
    expect(
      await ok(made.invoke('clients.revealAddress', { id, reason: 'Skolans kontaktuppgift behövs' })),
    ).toMatchObject({ phone: PHONE, workplace: 'Centrumskolan' });
  });

  it('turning the flag off (or on) needs a reason, which is logged; without one nothing changes', async () => {
    const made = await makeReadyCore(t.dir);
    const { id } = await ok<{ id: number }>(
      made.invoke('cp.create', cpInput({ street: 'Dolda gatan 1', protectedIdentity: true })),
    );
    const d = await ok<any>(made.invoke('cp.get', { id }));
    const off = { ...d.values, protectedIdentity: false };
    expect(await made.invoke('cp.update', { id, values: off })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { protectedIdentityReason: expect.stringMatching(/skälet/) } },
    });
    expect((await ok<any>(made.invoke('cp.get', { id }))).values).toMatchObject({
      protectedIdentity: true,
      street: '',
    });
    await ok(
      made.invoke('cp.update', {
        id,
        values: { ...off, protectedIdentityReason: 'Skyddet har upphört enligt Skatteverket' },
      }),
    );
    expect((await ok<any>(made.invoke('cp.get', { id }))).values).toMatchObject({
      protectedIdentity: false,
      street: 'Dolda gatan 1',
    });
    expect(auditRows(made, 'cp.protected-identity')).toEqual([
      { entity_id: String(id), detail: 'skyddad identitet av: Skyddet har upphört enligt Skatteverket' },
    ]);

    const c = await ok<{ id: number }>(
      made.invoke('clients.create', clientInputOf({ personnummer: syntheticPnr('2015-01-01', 12) })),
    );
    const cd = await ok<any>(made.invoke('clients.get', { id: c.id }));
    expect(
      await made.invoke('clients.update', { id: c.id, values: { ...cd.values, protectedIdentity: true } }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await ok(
      made.invoke('clients.update', {
        id: c.id,
        values: { ...cd.values, protectedIdentity: true, protectedIdentityReason: 'Beslut om skyddad folkbokföring' },
      }),
    );
    expect(auditRows(made, 'client.protected-identity')).toHaveLength(1);
  });

  it('documents print the phone of a protected person only when revealed with a reason', async () => {
    const made = await makeReadyCore(t.dir);
    const { assignmentId } = await activeAssignment(made.invoke, {
      contactPerson: { phone: PHONE, protectedIdentity: true },
    });
    await ok(
      made.invoke('agreements.save', {
        assignmentId,
        data: {
          startDate: '2026-10-16',
          endDate: null,
          noticeWeeks: 4,
          meetingsPerPeriod: 2,
          period: 'manad',
          hoursPerMeeting: 3,
          goals: 'Meningsfull fritid.',
        },
      }),
    );
    const hidden = await ok<{ html: string }>(made.invoke('documents.preview', { kind: 'avtal', assignmentId }));
    expect(hidden.html).not.toContain(PHONE);
    expect(hidden.html).toContain('Skyddat telefonnummer');
    const shown = await ok<{ html: string }>(
      made.invoke('documents.preview', {
        kind: 'avtal',
        assignmentId,
        revealReason: 'Avtalet ska skickas till kontaktpersonen',
      }),
    );
    expect(shown.html).toContain(PHONE);
  });

  it('a conflict with a protected person does not say why (no address oracle)', () => {
    const client = {
      birthDate: '2014-05-01',
      interests: [],
      languages: [],
      area: '',
      street: 'Björkvägen 2',
      city: 'Provköping',
      workplace: 'Centrumskolan',
      residence: '',
      preferredGender: '' as const,
      preferredAgeMin: null,
      preferredAgeMax: null,
      connections: [],
    };
    const cand = {
      id: 1,
      personnummer: '',
      name: 'A B',
      birthDate: '1980-01-01',
      gender: 'man' as const,
      interests: [],
      languages: [],
      area: '',
      street: 'Björkvägen 2',
      city: 'Provköping',
      workplace: 'Centrumskolan',
      prefersChildren: true,
      prefersAdults: false,
      speciallyQualified: false,
      queueSince: null,
      belastningExtractDate: null,
      hasOpenOffer: false,
    };
    expect(conflictsOfInterest(client, cand)).toContain('Bor på samma adress som brukaren.');
    for (const c of [
      conflictsOfInterest({ ...client, protectedIdentity: true }, cand),
      conflictsOfInterest(client, { ...cand, protectedIdentity: true }),
    ]) {
      expect(c).toEqual([PROTECTED_CONFLICT]);
      expect(c.join(' ')).not.toMatch(/adress|Centrumskolan|arbetar/i);
    }
  });
});
