import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppCore } from '../../../core/app-core';
import { ManualClock } from '../../../core/clock';
import { TEST_SCRYPT } from '../../../vault/kdf';
import { createRouter } from '../../../ipc/router';
import { handlers } from '../../../ipc/handlers/index';
import { ADMIN, tempDir } from '../../../../test/helpers/core';
import { activeAssignment, ok } from '../../../../test/helpers/cases';
import { DOCUMENT_KINDS } from '../../../../shared/ipc/procedures/documents';
import { DOCUMENT_RENDERERS } from './registry';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

const agreement = {
  startDate: '2026-10-16',
  endDate: null,
  noticeWeeks: 4,
  meetingsPerPeriod: 2,
  period: 'manad',
  hoursPerMeeting: 3,
  goals: 'Att Bruno får en meningsfull fritid.',
};
const plan = {
  goals: 'Meningsfull fritid.',
  activities: [{ what: 'Bad i simhallen', how: '', who: '', when: 'Tisdagar', howOften: '', howLong: '' }],
  nextFollowUp: '2027-04-16',
  participation: '',
};

async function setup() {
  const core = new AppCore({ dataDir: t.dir, clock: new ManualClock('2026-11-22T09:00:00Z'), kdf: TEST_SCRYPT });
  const inv = createRouter(core, handlers);
  await core.setup({ ...ADMIN, unitName: 'Kontaktpersonsenheten Provköping' });
  await core.login(ADMIN.username, ADMIN.password);
  const { assignmentId, contactPersonId } = await activeAssignment(inv, {
    contactPerson: { firstName: 'Åsa', lastName: 'Öberg' },
    client: { firstName: 'Bruno', lastName: 'Brukarsson' },
  });
  await ok(inv('agreements.save', { assignmentId, data: agreement }));
  await ok(inv('plans.save', { assignmentId, data: plan }));
  await ok(
    inv('assignments.act', {
      id: assignmentId,
      action: 'end',
      date: '2026-11-20',
      note: 'Åsa flyttar',
      decisionContinues: true,
    }),
  );
  const sql = (text: string, ...args: unknown[]) =>
    core
      .serviceContext()
      .raw.prepare(text)
      .run(...args);
  return { inv, assignmentId, contactPersonId, sql };
}

/** Text of the preview HTML, tags dropped, for plain assertions. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('document kinds: stored data parsed with the kind schema, then rendered', () => {
  it('has a renderer for every kind the contract names', () => {
    expect(Object.keys(DOCUMENT_RENDERERS).sort()).toEqual([...DOCUMENT_KINDS].sort());
  });

  it('renders each kind from valid data', async () => {
    const { inv, assignmentId, contactPersonId } = await setup();
    const expected: Record<(typeof DOCUMENT_KINDS)[number], { ref: object; title: string; contains: RegExp }> = {
      avtal: { ref: { assignmentId }, title: 'Uppdragsavtal version 1', contains: /2026-10-16.*tills vidare/ },
      genomforandeplan: {
        ref: { assignmentId },
        title: 'Genomförandeplan version 1',
        contains: /Bad i simhallen.*2027-04-16/,
      },
      'brev-godkand': {
        ref: { contactPersonId },
        title: 'Brev: godkänd som kontaktperson',
        contains: /godkänd som kontaktperson/,
      },
      'brev-erbjudande': {
        ref: { assignmentId },
        title: 'Brev: erbjudande om uppdrag',
        contains: /4 träffar per månad/,
      },
      'brev-avslut': {
        ref: { assignmentId },
        title: 'Brev: uppdraget avslutas',
        contains: /avslutas 2026-11-20.*Åsa flyttar/,
      },
    };
    for (const kind of DOCUMENT_KINDS) {
      const doc = await ok<{ title: string; html: string }>(inv('documents.preview', { kind, ...expected[kind].ref }));
      expect({ kind, title: doc.title }).toEqual({ kind, title: expected[kind].title });
      expect(text(doc.html)).toMatch(expected[kind].contains);
      expect(text(doc.html)).toMatch(/Åsa Öberg/);
      expect(doc.html).not.toMatch(/undefined|NaN|\[object Object\]/);
    }
  });

  it('refuses a stored agreement that fails its schema with a Swedish error, and archives nothing', async () => {
    const { inv, assignmentId, sql } = await setup();
    sql(
      'UPDATE agreements SET data = ? WHERE assignment_id = ?',
      JSON.stringify({ ...agreement, startDate: '2026-13-45' }),
      assignmentId,
    );
    for (const proc of ['documents.preview', 'documents.createPdf'] as const) {
      expect(await inv(proc, { kind: 'avtal', assignmentId })).toEqual({
        ok: false,
        error: {
          code: 'INTERNAL',
          message:
            'Uppdragsavtalet version 1 går inte att läsa eftersom de sparade uppgifterna är felaktiga ' +
            '(startdatum: Ange ett giltigt datum (ÅÅÅÅ-MM-DD).). Inget dokument skapades. ' +
            'Spara avtalet på nytt under Uppdrag → Avtal (det blir en ny version), eller kontakta systemförvaltaren.',
        },
      });
    }
    expect(await ok<unknown[]>(inv('documents.archive', { assignmentId }))).toEqual([]);
    // The version list says the same instead of a bare internal error.
    expect(await inv('agreements.list', { assignmentId })).toMatchObject({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: expect.stringMatching(/^Uppdragsavtalet version 1 går inte att läsa .*\(startdatum: /),
      },
    });
  });

  it('names a missing field and text that is not JSON in the stored plan', async () => {
    const { inv, assignmentId, sql } = await setup();
    const { goals: _dropped, ...withoutGoals } = plan;
    sql('UPDATE implementation_plans SET data = ? WHERE assignment_id = ?', JSON.stringify(withoutGoals), assignmentId);
    const missing = await inv('documents.preview', { kind: 'genomforandeplan', assignmentId });
    expect(missing).toMatchObject({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: expect.stringMatching(/^Genomförandeplanen version 1 går inte att läsa .*\(mål: /),
      },
    });

    sql('UPDATE implementation_plans SET data = ? WHERE assignment_id = ?', '{"goals": "Meningsf', assignmentId);
    const broken = await inv('documents.preview', { kind: 'genomforandeplan', assignmentId });
    expect(broken).toMatchObject({
      ok: false,
      error: {
        message: expect.stringContaining(
          'Genomförandeplanen version 1 går inte att läsa eftersom de sparade uppgifterna är felaktiga (texten går inte att tolka)',
        ),
      },
    });
  });

  it('refuses a letter whose register facts fail the letter schema', async () => {
    const { inv, assignmentId, sql } = await setup();
    sql(
      'UPDATE decisions SET meetings_per_period = 0 WHERE id = (SELECT decision_id FROM assignments WHERE id = ?)',
      assignmentId,
    );
    expect(await inv('documents.preview', { kind: 'brev-erbjudande', assignmentId })).toMatchObject({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: expect.stringMatching(
          /^Brevet med erbjudande om uppdrag går inte att läsa .*\(beslutets antal träffar: .*Rätta uppgifterna i registret/,
        ),
      },
    });
  });
});
