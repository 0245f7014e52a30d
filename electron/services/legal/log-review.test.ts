import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ADMIN, makeReadyCore, tempDir } from '../../../test/helpers/core';
import { approvedCp, ok } from '../../../test/helpers/cases';
import { cpInput, syntheticPnr } from '../../../test/helpers/people';
import { legalScenario } from '../../../test/helpers/legal';
import type { ProcOutput } from '../../../shared/ipc/contract';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('Logguppföljning for Monday 2026-11-23 – Sunday 2026-11-29 (office hours 07:00–18:00 Swedish time, CET = UTC+1)', () => {
  it('finds exactly the rows worked out by hand, exports them, and the sign-off is recorded and logged', async () => {
    const { core, clock, invoke } = await makeReadyCore(t.dir);
    const { ids } = await legalScenario(invoke, core.serviceContext().raw); // Sunday 2026-11-22: before the period
    const cpOver = {
      firstName: 'Pia',
      lastName: 'Betalsson',
      personnummer: syntheticPnr('1982-03-03', 404),
      prefersChildren: true,
    };
    const cpId = await approvedCp(invoke, cpOver, '2026-01-10');

    // a. Mon 08:30: the protected client Alma is read, and an archived PDF about her assignment is saved to a file.
    //    -> skyddad identitet (2 rows: client.read, document.export)
    const raw0 = core.serviceContext().raw;
    const docId = Number(
      raw0
        .prepare(
          "INSERT INTO documents (kind, assignment_id, title, created_at, pdf) VALUES ('avtal', ?, 'Uppdragsavtal version 1', '2026-11-22T09:00:00Z', ?)",
        )
        .run(ids.alma!.assignmentId, Buffer.from('%PDF-1.4 test')).lastInsertRowid,
    );
    clock.set('2026-11-23T07:30:00Z');
    await ok(invoke('clients.get', { id: ids.alma!.clientId }));
    await ok(invoke('documents.exportPdf', { documentId: docId }));
    // b. Mon 18:15: Bertil is read after office hours.                       -> utanför kontorstid (1 row: client.read)
    clock.set('2026-11-23T17:15:00Z');
    await ok(invoke('clients.get', { id: ids.bertil!.clientId }));
    // c. Tue 10:00: log out, a wrong password, then in again at 10:01.         -> misslyckad inloggning (1), plus logout and login rows
    clock.set('2026-11-24T09:00:00Z');
    await core.logout();
    await expect(core.login(ADMIN.username, 'fel-losenord-helt')).rejects.toThrow();
    clock.set('2026-11-24T09:01:00Z');
    await core.login(ADMIN.username, ADMIN.password);
    // d. Tue 10:05: bulk limit set to 5 rows; the client list (7 rows) and the LSS register (2 rows) exported.
    //    -> mängduttag: export.xlsx "brukare, 7 rader" (1); the LSS file's 2 rows are under the limit.
    //    Rows: settings.legal, client.search (the list export reads the list), export.xlsx, report.lss, report.lss.export.
    clock.set('2026-11-24T09:05:00Z');
    const settings = await ok<ProcOutput<'legal.settings'>>(invoke('legal.settings', {}));
    await ok(invoke('legal.saveSettings', { ...settings, bulkExportRows: 5 }));
    await ok(invoke('export.xlsx', { list: 'brukare' }));
    await ok(invoke('reports.exportLssRegister', { referenceDate: '2026-10-01', format: 'csv' }));
    // e. Wed 12:00: the contact person's bank account changes.                -> betalningsuppgifter (1: cp.payment-data.change)
    //    Rows: cp.read, cp.update, cp.payment-data.change.
    clock.set('2026-11-25T11:00:00Z');
    await ok(invoke('cp.get', { id: cpId }));
    await ok(
      invoke('cp.update', {
        id: cpId,
        values: cpInput({ ...cpOver, bankAccount: syntheticPnr('1980-02-02', 12).slice(2) }),
      }),
    );
    // f. Sat 11:00: a search on a Saturday.                                   -> utanför kontorstid (1 row: client.search)
    clock.set('2026-11-28T10:00:00Z');
    await ok(invoke('clients.search', { query: '' }));

    // Reviewed the following Monday.
    clock.set('2026-11-30T09:00:00Z');
    expect((await ok<ProcOutput<'legal.reminders'>>(invoke('legal.reminders', {}))).logReview).toEqual({
      lastReviewedAt: null,
    });
    const r = await ok<ProcOutput<'audit.review'>>(invoke('audit.review', { from: '2026-11-23', to: '2026-11-29' }));
    // Rows in the period by hand: a 2 + b 1 + c 3 (logout, failed, login) + d 5 + e 3 + f 1 = 15.
    expect(r.totalRows).toBe(15);
    const got = Object.fromEntries(
      r.categories.map((c) => [c.key, c.entries.map((e) => `${e.localTime} ${e.action}`)]),
    );
    expect(got).toEqual({
      skyddad_identitet: ['2026-11-23 08:30 client.read', '2026-11-23 08:30 document.export'],
      utanfor_kontorstid: ['2026-11-23 18:15 client.read', '2026-11-28 11:00 client.search'],
      massutdrag: ['2026-11-24 10:05 export.xlsx'],
      misslyckade_inloggningar: ['2026-11-24 10:00 session.login.failed'],
      betalningsuppgifter: ['2026-11-25 12:00 cp.payment-data.change'],
    });

    const file = await ok<{ savedTo: string }>(
      invoke('audit.exportReview', { from: '2026-11-23', to: '2026-11-29', format: 'csv' }),
    );
    const lines = readFileSync(file.savedTo, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(1 + 7);
    expect(lines[0]).toBe('Kategori;Nr;Tid (svensk);Användare;Händelse;Objekt;Objekt-id;Detalj;Arbetsstation');
    // Every row of the period was written by this workstation, and says so.
    expect(lines.slice(1).filter((l) => !l.endsWith(`;${core.workstation()}`))).toEqual([]);
    expect(lines[1]).toMatch(
      /^Läsningar av personer med skyddade personuppgifter;\d+;2026-11-23 08:30;admin;client\.read;client;/,
    );

    await ok(invoke('audit.signOffReview', { from: '2026-11-23', to: '2026-11-29', note: 'Inget att anmärka.' }));
    const raw = core.serviceContext().raw;
    expect(raw.prepare('SELECT period_from, period_to, reviewed_at, note, counts FROM log_reviews').all()).toEqual([
      {
        period_from: '2026-11-23',
        period_to: '2026-11-29',
        reviewed_at: '2026-11-30T09:00:00.000Z',
        note: 'Inget att anmärka.',
        counts: JSON.stringify({
          skyddad_identitet: 2,
          utanfor_kontorstid: 2,
          massutdrag: 1,
          misslyckade_inloggningar: 1,
          betalningsuppgifter: 1,
        }),
      },
    ]);
    expect(raw.prepare("SELECT detail FROM audit_log WHERE action = 'audit.review.signoff'").all()).toEqual([
      {
        detail:
          '2026-11-23–2026-11-29 granskad: skyddad_identitet 2, utanfor_kontorstid 2, massutdrag 1, misslyckade_inloggningar 1, betalningsuppgifter 1',
      },
    ]);
    // Reminder: none until a month after the review (2026-12-30), then again.
    clock.set('2026-12-30T09:00:00Z');
    expect((await ok<ProcOutput<'legal.reminders'>>(invoke('legal.reminders', {}))).logReview).toBeNull();
    clock.set('2026-12-31T09:00:00Z');
    expect((await ok<ProcOutput<'legal.reminders'>>(invoke('legal.reminders', {}))).logReview).toEqual({
      lastReviewedAt: '2026-11-30T09:00:00.000Z',
    });

    // A period that ends before it starts is refused with a Swedish message.
    const bad = await invoke('audit.review', { from: '2026-11-29', to: '2026-11-23' });
    expect(bad.ok ? null : bad.error.message).toMatch(/Slutdatum kan inte vara före startdatum/);
  });
});
