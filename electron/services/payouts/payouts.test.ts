import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReadyCore, ADMIN, tempDir } from '../../../test/helpers/core';
import { activeAssignment, ok } from '../../../test/helpers/cases';
import { validateAgainstXsd } from '../../exports/validate-xml';
import { testPayment } from '../../../test/helpers/payment';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());
type Ready = Awaited<ReturnType<typeof makeReadyCore>>;

const PAYMENT = testPayment();

/** Admin (who also approves reports) sets up an active assignment from 2026-10-16 and a second user who attests. */
async function scenario(made: Ready) {
  const inv = made.invoke;
  await ok(inv('payments.saveSettings', PAYMENT));
  const { contactPersonId: anna, assignmentId: id } = await activeAssignment(inv);
  await ok(
    inv('users.create', {
      username: 'atte',
      displayName: 'Atte Attestant',
      roles: ['attestant'],
      password: 'pennan-stämplar-blått-7',
    }),
  );
  return { anna, assignmentId: id };
}

async function asAttestant(made: Ready, fn: () => Promise<void>) {
  await made.invoke('session.logout', {});
  await ok(made.invoke('session.login', { username: 'atte', password: 'pennan-stämplar-blått-7' }));
  await ok(
    made.invoke('session.changePassword', {
      currentPassword: 'pennan-stämplar-blått-7',
      newPassword: 'egen-penna-blått-9',
    }),
  );
  await fn();
  await made.invoke('session.logout', {});
  await ok(made.invoke('session.login', { username: ADMIN.username, password: ADMIN.password }));
}

describe('monthly reports, payout run, attest and payout files', () => {
  it('pays a part month pro rata after an approved report; the two-person rule; exports validate; re-export is identical', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    const { assignmentId } = await scenario(made);

    // Without an approved report nothing is paid and the run says who is missing.
    expect(await inv('payouts.create', { month: '2026-10' })).toMatchObject({
      ok: false,
      error: { message: /inga godkända månadsrapporter/ },
    });
    await ok(
      inv('reports.submit', {
        assignmentId,
        month: '2026-10',
        meetingDates: ['2026-10-18', '2026-10-25'],
        hours: 6,
        activities: 'Fotboll',
        expensesOre: 0,
      }),
    );
    expect(
      await inv('reports.submit', { assignmentId, month: '2026-10', meetingDates: ['2026-10-10'], hours: 2 }),
    ).toMatchObject({ ok: false, error: { message: /utanför månaden eller uppdraget: 2026-10-10/ } });
    await ok(inv('reports.approve', { assignmentId, month: '2026-10' }));

    expect(await inv('payouts.create', { month: '2026-10', paymentDate: '2026-11-20' })).toMatchObject({
      ok: false,
      error: { message: 'Utbetalningsdagen 2026-11-20 har redan passerat.' },
    });
    expect(await inv('payouts.create', { month: '2026-10', paymentDate: '2026-11-28' })).toMatchObject({
      ok: false,
      error: { message: /inte en bankdag/ },
    });
    const { id: batchId } = await ok<{ id: number }>(inv('payouts.create', { month: '2026-10' }));
    const [batch] = await ok<any[]>(inv('payouts.list', { month: '2026-10' }));
    expect(batch).toMatchObject({ id: batchId, kind: 'ordinarie', status: 'utkast', paymentDate: '2026-11-25' });
    // 2026: 20 % → 987 kr, 25 % → 1 233 kr; 16 of 31 days → 509 and 636 kr; 30 % tax rounded down: 152 kr.
    expect(batch.lines[0]).toMatchObject({
      arvodeOre: 50_900,
      omkostnadOre: 63_600,
      taxOre: 15_200,
      netOre: 99_300,
      feeOre: 0,
      belowThreshold: true,
    });
    expect(batch.lines[0].details.join(' ')).toMatch(/16 av 31 dagar/);

    // The admin approved the report, so may not attest; before attest nothing can be exported.
    expect(await inv('payouts.attest', { batchId })).toMatchObject({
      ok: false,
      error: { message: /Tvåpersonsregeln/ },
    });
    expect(await inv('payouts.export', { batchId, format: 'pain001' })).toMatchObject({
      ok: false,
      error: { message: /Bara en attesterad/ },
    });
    await asAttestant(made, async () => {
      await ok(inv('payouts.attest', { batchId }));
      const first = await ok<{ savedTo: string }>(inv('payouts.export', { batchId, format: 'pain001' }));
      const xml = readFileSync(first.savedTo, 'utf8');
      expect(await validateAgainstXsd(xml, 'pain.001.001.03')).toEqual({ valid: true, errors: [] });
      expect(xml).toContain('<CtrlSum>993.00</CtrlSum>');
      expect(xml).toContain('<Cd>SALA</Cd>');
      expect(xml).toContain('<ReqdExctnDt>2026-11-25</ReqdExctnDt>');
      expect(xml).toMatch(/<Id>3300800202012\d<\/Id>/);
      // Again: a reason is required, and the bytes are the same.
      expect(await inv('payouts.export', { batchId, format: 'pain001' })).toMatchObject({
        ok: false,
        error: { message: /redan exporterats/ },
      });
      const again = await ok<{ savedTo: string }>(
        inv('payouts.export', { batchId, format: 'pain001', reason: 'Banken tappade filen' }),
      );
      expect(readFileSync(again.savedTo, 'utf8')).toBe(xml);

      // One channel per batch: payroll may not pay what the bank file pays, unless the file is voided first.
      expect(await inv('payouts.export', { batchId, format: 'paxml' })).toMatchObject({
        ok: false,
        error: { message: /redan exporterad som Bankfil ISO 20022/ },
      });
      await ok(inv('payouts.voidExport', { batchId, reason: 'Banken avvisade filen; betalas via lönesystemet' }));
      const pax = await ok<{ savedTo: string }>(inv('payouts.export', { batchId, format: 'paxml' }));
      const paxml = readFileSync(pax.savedTo, 'utf8');
      expect(await validateAgainstXsd(paxml, 'paxml-2.0')).toEqual({ valid: true, errors: [] });
      expect(paxml).toMatch(
        /<lonart>310<\/lonart>[\s\S]*<belopp>509.00<\/belopp>[\s\S]*<lonart>320<\/lonart>[\s\S]*<belopp>636.00<\/belopp>/,
      );

      await ok(inv('payouts.voidExport', { batchId, reason: 'Test av Löner' }));
      const lon = await ok<{ savedTo: string; warning: string }>(inv('payouts.export', { batchId, format: 'bgc-lon' }));
      expect(lon.warning).toMatch(/äldre format/);
      const bgc = readFileSync(lon.savedTo);
      const records = bgc.toString('latin1').split('\r\n').filter(Boolean);
      expect(records.map((r) => r.length)).toEqual([80, 80, 80]);
      expect(records[0]!.slice(10, 13)).toBe('LÖN');
      expect(bgc.includes(Buffer.from('LÖN', 'utf8'))).toBe(false); // ISO 8859-1, not UTF-8
      expect(records[1]).toMatch(/^35261125 {4}3300\d{12}000000099300/);
      expect(records[2]).toMatch(/^09\d{6} {20}000000099300000001/);

      await ok(inv('payouts.voidExport', { batchId, reason: 'Test av CSV' }));
      const csv = readFileSync(
        (await ok<{ savedTo: string }>(inv('payouts.export', { batchId, format: 'csv' }))).savedTo,
        'utf8',
      );
      expect(csv).toContain(';310;Arvode;2026-10;509,00');
    });

    // Attested batches are locked in the database itself.
    expect(() => made.core.serviceContext().raw.prepare('UPDATE payout_lines SET arvode_ore = 1').run()).toThrow(
      /attested/,
    );

    // November: full month; the year passes 1 000 kr, so the employer fee catches up on October too.
    await ok(
      inv('reports.submit', {
        assignmentId,
        month: '2026-11',
        meetingDates: ['2026-11-01'],
        hours: 3,
        expensesOre: 12_500,
        receiptsNote: 'Biobiljetter, kvitto 2 st',
      }),
    );
    await ok(inv('reports.approve', { assignmentId, month: '2026-11' }));
    const { id: nov } = await ok<{ id: number }>(inv('payouts.create', { month: '2026-11' }));
    const [novBatch] = await ok<any[]>(inv('payouts.list', { month: '2026-11' }));
    expect(novBatch.id).toBe(nov);
    expect(novBatch.lines[0]).toMatchObject({
      arvodeOre: 98_700,
      omkostnadOre: 123_300,
      expensesOre: 12_500,
      taxOre: 29_600,
      feeOre: 47_004,
      belowThreshold: false,
    });
    expect(novBatch.paymentDate).toBe('2026-12-23'); // the 25th is juldagen
  });

  it('turns a change after attest into a correction batch with only the difference', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    const { assignmentId } = await scenario(made);
    await ok(inv('reports.submit', { assignmentId, month: '2026-10', meetingDates: ['2026-10-20'], hours: 2 }));
    await ok(inv('reports.approve', { assignmentId, month: '2026-10' }));
    const { id } = await ok<{ id: number }>(inv('payouts.create', { month: '2026-10' }));
    await asAttestant(made, async () => void (await ok(inv('payouts.attest', { batchId: id }))));
    expect(await inv('payouts.create', { month: '2026-10' })).toMatchObject({
      ok: false,
      error: { message: /Inga ändringar sedan den attesterade/ },
    });
    // The level was wrong: correct it and run again.
    await ok(inv('assignments.setCompensation', { id: assignmentId, arvodeLevel: 'A1H', omkostnadLevel: 'O2' }));
    await ok(inv('payouts.create', { month: '2026-10' }));
    const batches = await ok<any[]>(inv('payouts.list', { month: '2026-10' }));
    expect(batches.map((b) => [b.kind, b.status])).toEqual([
      ['ordinarie', 'attesterad'],
      ['rättelse', 'utkast'],
    ]);
    // 35 % → 1 727 kr × 16/31 = 891 kr, minus 509 kr already paid.
    expect(batches[1].lines[0]).toMatchObject({ arvodeOre: 38_200, omkostnadOre: 0, taxOre: 26_700 - 15_200 });
  });

  it('treats omkostnad above the tax-free ceiling (40 %) as taxable arvode', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    const { assignmentId } = await scenario(made);
    const rates = await ok<any[]>(inv('rates.list', {}));
    const y2026 = rates.find((r) => r.year === 2026);
    await ok(
      inv('rates.save', {
        ...y2026,
        omkostnadLevels: [...y2026.omkostnadLevels, { code: 'O4', label: 'Förhöjd (50 %)', percentBp: 5000 }],
      }),
    );
    await ok(inv('assignments.setCompensation', { id: assignmentId, arvodeLevel: 'A1M', omkostnadLevel: 'O4' }));
    await ok(inv('reports.submit', { assignmentId, month: '2026-11', meetingDates: [], hours: 2 }));
    await ok(inv('reports.approve', { assignmentId, month: '2026-11' }));
    await ok(inv('payouts.create', { month: '2026-11' }));
    const [batch] = await ok<any[]>(inv('payouts.list', { month: '2026-11' }));
    // 40 % stays tax-free (1 973 kr); the other 10 % joins the 20 % arvode: 30 % -> 1 480 kr, taxed 444 kr.
    expect(batch.lines[0]).toMatchObject({ omkostnadOre: 197_300, arvodeOre: 148_000, taxOre: 44_400 });
    expect(batch.lines[0].details.join(' ')).toMatch(/omkostnad över 40 % av prisbasbeloppet räknas som arvode/);
  });

  it('rejects a broken pain.001 and PAXml file with the XSD', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    const { assignmentId } = await scenario(made);
    await ok(inv('reports.submit', { assignmentId, month: '2026-10', meetingDates: [], hours: 1 }));
    await ok(inv('reports.approve', { assignmentId, month: '2026-10' }));
    const { id } = await ok<{ id: number }>(inv('payouts.create', { month: '2026-10' }));
    let xml = '';
    let pax = '';
    await asAttestant(made, async () => {
      await ok(inv('payouts.attest', { batchId: id }));
      xml = readFileSync(
        (await ok<{ savedTo: string }>(inv('payouts.export', { batchId: id, format: 'pain001' }))).savedTo,
        'utf8',
      );
      await ok(inv('payouts.voidExport', { batchId: id, reason: 'Test av PAXml' }));
      pax = readFileSync(
        (await ok<{ savedTo: string }>(inv('payouts.export', { batchId: id, format: 'paxml' }))).savedTo,
        'utf8',
      );
    });
    for (const broken of [
      xml.replace(/<ReqdExctnDt>.*<\/ReqdExctnDt>/, ''),
      xml.replace(/Ccy="SEK">(\d+)\.(\d\d)/, 'Ccy="SEK">$1,$2'),
      xml.replace('Ccy="SEK"', 'Ccy="sek"'),
    ]) {
      const r = await validateAgainstXsd(broken, 'pain.001.001.03');
      expect(r.valid).toBe(false);
      expect(r.errors.length).toBeGreaterThan(0);
    }
    const badPnr = pax.replace(/persnr="(\d{8})(\d{4})"/, 'persnr="$1-$2"');
    expect((await validateAgainstXsd(badPnr, 'paxml-2.0')).valid).toBe(false);
  });
});
