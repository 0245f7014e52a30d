import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppCore } from '../../core/app-core';
import { ManualClock } from '../../core/clock';
import { TEST_SCRYPT } from '../../vault/kdf';
import { createRouter } from '../../ipc/router';
import { handlers } from '../../ipc/handlers/index';
import { ADMIN, tempDir } from '../../../test/helpers/core';
import { activeAssignment, ok } from '../../../test/helpers/cases';
import { chromiumPdf } from '../../../test/harness/pdf-chromium';
import { pdfText } from '../../../test/helpers/pdf';
import { DEFAULT_AGREEMENT_TEMPLATE } from '../../../shared/documents/merge';

const pdf = chromiumPdf();
afterAll(() => pdf.close());
let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

async function setup() {
  const core = new AppCore({
    dataDir: t.dir,
    clock: new ManualClock('2026-11-22T09:00:00Z'),
    kdf: TEST_SCRYPT,
    pdf: pdf.render,
  });
  const inv = createRouter(core, handlers);
  await core.setup({ ...ADMIN, unitName: 'Kontaktpersonsenheten Provköping' });
  await core.login(ADMIN.username, ADMIN.password);
  const { assignmentId: id, contactPersonId: cp } = await activeAssignment(inv, {
    contactPerson: { firstName: 'Åsa', lastName: 'Öberg', street: 'Hemliga vägen 7', protectedIdentity: true },
    client: { firstName: 'Bruno', lastName: 'Brukarsson', street: 'Björkvägen 2' },
  });
  return { core, inv, assignmentId: id, cp };
}

const agreement = {
  startDate: '2026-10-16',
  endDate: null,
  noticeWeeks: 4,
  meetingsPerPeriod: 2,
  period: 'manad',
  hoursPerMeeting: 3,
  goals: 'Att Bruno får en meningsfull fritid och ökad självständighet.',
};

describe('agreements, plans, letters and follow-ups', () => {
  it('versions the agreement and prints both copies with names, amounts and dates; å, ä, ö intact', async () => {
    const { inv, assignmentId } = await setup();
    expect(await ok(inv('agreements.save', { assignmentId, data: agreement }))).toEqual({ version: 1 });
    expect(await ok(inv('agreements.save', { assignmentId, data: agreement }))).toEqual({ version: 1 }); // unchanged: no new version
    expect(await ok(inv('agreements.save', { assignmentId, data: { ...agreement, meetingsPerPeriod: 4 } }))).toEqual({
      version: 2,
    });
    const versions = await ok<any[]>(inv('agreements.list', { assignmentId }));
    expect(versions.map((v) => [v.version, v.data.meetingsPerPeriod])).toEqual([
      [2, 4],
      [1, 2],
    ]);

    // Not ready to sign: the unit's facts are missing. Refused with the list, nothing archived or printed.
    for (const proc of ['documents.createPdf', 'documents.print'] as const) {
      expect(await inv(proc, { kind: 'avtal', assignmentId, version: 1 })).toMatchObject({
        ok: false,
        error: {
          code: 'RULE_VIOLATION',
          message:
            'Avtalet kan inte skapas eller skrivas ut förrän detta finns: kommunens namn (Inställningar → Dokument och avtalsmall); enhetens adress (Inställningar → Dokument och avtalsmall); enhetens telefon (Inställningar → Dokument och avtalsmall). Förhandsgranskningen visar var uppgifterna saknas.',
        },
      });
    }
    expect(await ok<any[]>(inv('documents.archive', { assignmentId }))).toEqual([]);
    const { html } = await ok<{ html: string }>(inv('documents.preview', { kind: 'avtal', assignmentId, version: 1 }));
    expect(html).toContain('Utkast – uppgifter saknas:');
    await ok(
      inv('documents.saveSettings', {
        ...(await ok<any>(inv('documents.getSettings', {}))),
        municipality: 'Provköpings kommun',
        unitAddress: 'Rådhusgatan 1, 123 45 Provköping',
        unitPhone: '0123-45 67 89',
      }),
    );

    const { documentId } = await ok<{ documentId: number }>(
      inv('documents.createPdf', { kind: 'avtal', assignmentId, version: 1 }),
    );
    const archive = await ok<any[]>(inv('documents.archive', { assignmentId }));
    expect(archive).toEqual([
      expect.objectContaining({ id: documentId, kind: 'avtal', title: 'Uppdragsavtal version 1' }),
    ]);
    expect(archive[0].bytes).toBeGreaterThan(5000);
  });

  it('renders agreement, plan and the three letters to PDF with the expected text', async () => {
    const { core, inv, assignmentId, cp } = await setup();
    await ok(
      inv('documents.saveSettings', {
        ...(await ok<any>(inv('documents.getSettings', {}))),
        municipality: 'Provköpings kommun',
        unitAddress: 'Rådhusgatan 1, 123 45 Provköping',
        unitPhone: '0123-45 67 89',
      }),
    );
    await ok(inv('agreements.save', { assignmentId, data: agreement }));
    await ok(
      inv('plans.save', {
        assignmentId,
        data: {
          goals: 'Meningsfull fritid.',
          activities: [
            {
              what: 'Fotboll på lördagar',
              how: 'Går på match tillsammans',
              who: 'Åsa Öberg',
              when: 'Lördagar',
              howOften: 'Varannan vecka',
              howLong: '3 timmar',
            },
          ],
          nextFollowUp: '2027-04-16',
          participation: 'Bruno har valt aktiviteterna själv.',
        },
      }),
    );
    const text = async (ref: object, name: string) => {
      const { html } = await ok<{ html: string }>(inv('documents.preview', ref));
      return pdfText(await core.pdf(html), name, { layout: false }).replace(/\s+/g, ' ');
    };
    const avtal = await text({ kind: 'avtal', assignmentId }, 'doc-avtal');
    expect(avtal).toContain('Kontaktpersonens exemplar');
    // Letterhead on both copies, diarienummer, page numbers; no draft warning once everything is there.
    expect(avtal.match(/Provköpings kommun Kontaktpersonsenheten Provköping/g)?.length).toBe(2);
    expect(avtal.match(/Dnr SN 2026\/17/g)?.length).toBeGreaterThanOrEqual(2);
    expect(avtal).toMatch(/Sida 1 av \d/);
    expect(avtal).not.toContain('uppgifter saknas');
    expect(avtal).toContain('Enhetens exemplar');
    expect(avtal).toMatch(/Åsa\s+Öberg/);
    expect(avtal).toContain('Bruno Brukarsson, Björkvägen 2, 123 45 Provköping');
    expect(avtal).toMatch(/987,00\s+kr/); // 20 % of 59 200 kr ÷ 12
    expect(avtal).toMatch(/1\s+233,00\s+kr/);
    expect(avtal).toContain('2026-10-16');
    expect(avtal).toContain('tills vidare');
    expect(avtal).toContain('Skyddad adress – lämnas inte ut');
    expect(avtal).not.toContain('Hemliga vägen');
    expect(avtal).toContain('Rådhusgatan 1');
    expect(avtal).toMatch(/tystnadsplikt/i);
    expect(avtal).toMatch(/lex Sarah/);
    expect(avtal).toMatch(/inte en\s+anställning/);

    const plan = await text({ kind: 'genomforandeplan', assignmentId }, 'doc-plan');
    expect(plan).toContain('Fotboll på lördagar');
    expect(plan).toContain('2027-04-16');
    const offer = await text({ kind: 'brev-erbjudande', assignmentId }, 'doc-brev-erbjudande');
    expect(offer).toContain('Erbjudande om uppdrag som kontaktperson');
    expect(offer).toContain('4 träffar per månad');
    // The law and paragraph of the decision (LSS 9 § 4, from the test helper's decision).
    expect(offer).toMatch(/enligt 9 § 4 lagen\s+\(1993:387\)/);
    expect(plan).toMatch(/9 § 4 lagen\s+\(1993:387\)/);
    expect(avtal).toMatch(/insatsen\s+9\s+§\s+4\s+lagen\s+\(1993:387\)/);
    const approval = await text({ kind: 'brev-godkand', contactPersonId: cp }, 'doc-brev-godkand');
    expect(approval).toContain('godkänd som kontaktperson');
    expect(approval).toContain('2026-03-01');

    // A protected address is printed only with a reason, and the reason is logged.
    expect(await inv('documents.preview', { kind: 'avtal', assignmentId, revealReason: 'ab' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const shown = await ok<{ html: string }>(
      inv('documents.preview', {
        kind: 'avtal',
        assignmentId,
        revealReason: 'Kontaktpersonen behöver sitt eget exemplar',
      }),
    );
    expect(shown.html).toContain('Hemliga vägen 7');
    const log = core
      .serviceContext()
      .raw.prepare("SELECT detail FROM audit_log WHERE action = 'document.address.reveal'")
      .all() as Array<{ detail: string }>;
    expect(log).toEqual([
      {
        detail: expect.stringMatching(
          /Uppdragsavtal version 1: kontaktperson – Kontaktpersonen behöver sitt eget exemplar/,
        ),
      },
    ]);

    await ok(
      inv('assignments.act', {
        id: assignmentId,
        action: 'end',
        date: '2026-11-20',
        note: 'Åsa flyttar till Östersund',
        decisionContinues: true,
      }),
    );
    const end = await text({ kind: 'brev-avslut', assignmentId }, 'doc-brev-avslut');
    expect(end).toContain('avslutas 2026-11-20');
    expect(end).toContain('Åsa flyttar till Östersund');
  });

  it('prints the unit logo, and refuses anything that is not a PNG or JPEG data URL', async () => {
    const { inv, assignmentId } = await setup();
    await ok(inv('agreements.save', { assignmentId, data: agreement }));
    const before = await ok<any>(inv('documents.getSettings', {}));
    // 1×1 PNG.
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    await ok(inv('documents.saveSettings', { ...before, logoDataUrl: png }));
    expect((await ok<{ html: string }>(inv('documents.preview', { kind: 'avtal', assignmentId }))).html).toContain(
      `<img class="logo" src="${png}"`,
    );
    for (const bad of [
      'data:image/svg+xml;base64,PHN2Zz4=',
      'javascript:alert(1)',
      'data:image/png;base64,"><script>',
    ]) {
      expect(await inv('documents.saveSettings', { ...before, logoDataUrl: bad })).toMatchObject({
        ok: false,
        error: { message: /PNG- eller JPEG-bild/ },
      });
    }
  });

  it('refuses a template with an unknown merge field and keeps the old one', async () => {
    const { inv } = await setup();
    const before = await ok<any>(inv('documents.getSettings', {}));
    const r = await inv('documents.saveSettings', {
      ...before,
      agreementTemplate: [
        ...DEFAULT_AGREEMENT_TEMPLATE,
        { heading: 'Extra', text: 'Skostorlek: {{kontaktperson.skostorlek}}' },
      ],
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: expect.stringMatching(/okänt kopplingsfält \{\{kontaktperson.skostorlek\}\}/),
      },
    });
    expect(await ok(inv('documents.getSettings', {}))).toEqual(before);
  });

  it('schedules follow-ups (children every six months), records one and plans the next', async () => {
    const { inv, assignmentId } = await setup();
    const open = await ok<any[]>(inv('followUps.list', { assignmentId }));
    expect(open).toEqual([expect.objectContaining({ plannedDate: '2027-04-16', state: 'planerad', doneDate: null })]);
    expect(
      await inv('followUps.record', { id: open[0].id, doneDate: '2026-11-20', participants: '', outcome: 'Bra' }),
    ).toMatchObject({ ok: false, error: { message: /Ange vilka som deltog/ } });
    expect(
      await ok(
        inv('followUps.record', {
          id: open[0].id,
          doneDate: '2026-11-20',
          participants: 'Åsa, Bruno, handläggare',
          notes: 'Trivs bra.',
          outcome: 'Fortsätter som planerat.',
        }),
      ),
    ).toEqual({ nextPlanned: '2027-05-20' });
    const all = await ok<any[]>(inv('followUps.list', { assignmentId, openOnly: false }));
    expect(all.map((f) => [f.state, f.plannedDate])).toEqual([
      ['genomförd', '2027-04-16'],
      ['planerad', '2027-05-20'],
    ]);
  });
});
