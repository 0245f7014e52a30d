import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isValidIBAN } from 'ibantools';
import { makeReadyCore, ADMIN, tempDir } from '../../../test/helpers/core';
import { activeAssignment, clientInputOf, ok } from '../../../test/helpers/cases';
import { cpInput, syntheticPnr } from '../../../test/helpers/people';
import { validateAgainstXsd } from '../../exports/validate-xml';
import { BANK_PROFILE_IDS, type BankProfileId } from '../../../shared/bank-profiles';
import type { PayoutBatch } from '../../../shared/ipc/procedures/payouts';
import type { PaymentSettings } from '../../../shared/ipc/procedures/payments';
import { testPayment } from '../../../test/helpers/payment';

/** Issue 13: payouts that cannot pay twice, pay a changed account, or be refused by the bank. Clock: 2026-11-22. */

let t: ReturnType<typeof tempDir>;
let t2: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir();
  t2 = tempDir();
});
afterEach(() => {
  t.cleanup();
  t2.cleanup();
});
type Ready = Awaited<ReturnType<typeof makeReadyCore>>;

const ANNA = syntheticPnr('1980-02-02', 12);
const ANNA2 = syntheticPnr('1991-07-07', 34);

/** Anna Provsson (Nordea personkonto) with an approved October report; an attestant "atte". */
async function scenario(made: Ready, payment: Partial<PaymentSettings> = {}, person: Record<string, unknown> = {}) {
  const inv = made.invoke;
  await ok(inv('payments.saveSettings', testPayment(payment)));
  const a = await activeAssignment(inv, { contactPerson: person });
  await ok(
    inv('users.create', {
      username: 'atte',
      displayName: 'Atte Attestant',
      roles: ['attestant'],
      password: 'pennan-stämplar-blått-7',
    }),
  );
  await report(made, a.assignmentId, '2026-10');
  return a;
}

/** A second person with her own client and assignment from 2026-10-16. */
async function another(made: Ready, person: Record<string, unknown>, clientSerial: number) {
  const a = await activeAssignment(made.invoke, {
    contactPerson: person,
    client: clientInputOf({
      personnummer: syntheticPnr('2013-03-03', clientSerial),
      firstName: `Klient${clientSerial}`,
    }),
  });
  await report(made, a.assignmentId, '2026-10');
  return a;
}

async function report(made: Ready, assignmentId: number, month: string) {
  await ok(
    made.invoke('reports.submit', {
      assignmentId,
      month,
      meetingDates: [`${month === '2026-10' ? '2026-10-20' : `${month}-05`}`],
      hours: 2,
    }),
  );
  await ok(made.invoke('reports.approve', { assignmentId, month }));
}

let attestantPasswordChanged = false;
async function asAttestant<T>(made: Ready, fn: () => Promise<T>): Promise<T> {
  await made.invoke('session.logout', {});
  await ok(
    made.invoke('session.login', {
      username: 'atte',
      password: attestantPasswordChanged ? 'egen-penna-blått-9' : 'pennan-stämplar-blått-7',
    }),
  );
  if (!attestantPasswordChanged)
    await ok(
      made.invoke('session.changePassword', {
        currentPassword: 'pennan-stämplar-blått-7',
        newPassword: 'egen-penna-blått-9',
      }),
    );
  attestantPasswordChanged = true;
  try {
    return await fn();
  } finally {
    await made.invoke('session.logout', {});
    await ok(made.invoke('session.login', { username: ADMIN.username, password: ADMIN.password }));
  }
}
beforeEach(() => void (attestantPasswordChanged = false));

const list = (made: Ready, month: string) => ok<PayoutBatch[]>(made.invoke('payouts.list', { month }));
const exportFile = async (made: Ready, batchId: number, format: string, reason = '') => {
  const r = await ok<{ savedTo: string }>(made.invoke('payouts.export', { batchId, format, reason }));
  return readFileSync(r.savedTo);
};
const cpValues = async (made: Ready, id: number) =>
  (await ok<{ values: Record<string, unknown> }>(made.invoke('cp.get', { id }))).values;

describe('issue 13: payout safety', () => {
  it('1: freezes payee and account at attest (exports use them); a later account change is logged masked, flagged and must be ticked by the attestant', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    const { contactPersonId: anna, assignmentId } = await scenario(made);
    const { id } = await ok<{ id: number }>(inv('payouts.create', { month: '2026-10' }));
    await asAttestant(made, () => ok(inv('payouts.attest', { batchId: id })));

    // After attest, the handläggare changes Anna's account and name.
    const v = await cpValues(made, anna);
    await ok(
      inv('cp.update', { id: anna, values: { ...v, lastName: 'Nyman', bankClearing: '5000', bankAccount: '1234560' } }),
    );
    const [batch] = await list(made, '2026-10');
    expect(batch!.lines[0]).toMatchObject({ name: 'Anna Provsson', clearing: '3300', account: ANNA.slice(2) });
    const xml = (await asAttestant(made, () => exportFile(made, id, 'pain001'))).toString('utf8');
    expect(xml).toContain(`<Id>3300${ANNA.slice(2)}</Id>`);
    expect(xml).toContain('<Nm>Anna Provsson</Nm>');
    expect(xml).not.toContain('50001234560');

    // The change is in the report of payment-detail changes, masked.
    const changes = await ok<any[]>(inv('payouts.paymentDetailChanges', { from: '2026-11-01', to: '2026-11-30' }));
    expect(changes).toEqual([
      expect.objectContaining({
        field: 'bankkonto',
        name: 'Anna Nyman',
        before: `3300, ******${ANNA.slice(-4)}`,
        after: '5000, ***4560',
        by: 'Ada Admin',
        personnummerMasked: `${ANNA.slice(0, 8)}-****`,
      }),
    ]);
    expect(JSON.stringify(changes)).not.toContain(ANNA.slice(2));
    expect(await ok<any[]>(inv('payouts.paymentDetailChanges', { from: '2026-10-01', to: '2026-10-31' }))).toEqual([]);

    // November: the line is flagged; attest is refused until this attestant ticks it.
    await report(made, assignmentId, '2026-11');
    const { id: nov } = await ok<{ id: number }>(inv('payouts.create', { month: '2026-11' }));
    const [novBatch] = await list(made, '2026-11');
    expect(novBatch!.lines[0]).toMatchObject({
      accountChanged: true,
      accountChangeCheckedBy: null,
      clearing: '5000',
      account: '1234560',
    });
    expect(novBatch!.lines[0]!.accountChangeNote).toMatch(/Kontonummer ändrat sedan förra utbetalningen \(2026-10\)/);
    await ok(inv('payouts.checkAccountChange', { lineId: novBatch!.lines[0]!.id, checked: true })); // the admin (also attestant) ticks: not enough
    await asAttestant(made, async () => {
      expect(await inv('payouts.attest', { batchId: nov })).toMatchObject({
        ok: false,
        error: { message: /Kontonummer ändrat sedan förra utbetalningen för Anna Nyman/ },
      });
      await ok(inv('payouts.checkAccountChange', { lineId: novBatch!.lines[0]!.id, checked: true }));
      await ok(inv('payouts.attest', { batchId: nov }));
    });
    const [attested] = await list(made, '2026-11');
    expect(attested!.lines[0]).toMatchObject({
      accountChanged: true,
      accountChangeCheckedBy: 'Atte Attestant',
      name: 'Anna Nyman',
      account: '1234560',
    });
  });

  it('1b: an account changed after the tick needs a new tick', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    const { contactPersonId: anna } = await scenario(made);
    await ok(
      inv('cp.update', {
        id: anna,
        values: { ...(await cpValues(made, anna)), bankClearing: '5000', bankAccount: '1234560' },
      }),
    );
    const { id } = await ok<{ id: number }>(inv('payouts.create', { month: '2026-10' }));
    const [b] = await list(made, '2026-10');
    expect(b!.lines[0]!.accountChangeNote).toMatch(/ändrat sedan registreringen/);
    await asAttestant(made, () => ok(inv('payouts.checkAccountChange', { lineId: b!.lines[0]!.id, checked: true })));
    await ok(
      inv('cp.update', {
        id: anna,
        values: { ...(await cpValues(made, anna)), bankClearing: '6000', bankAccount: '12345601' },
      }),
    );
    await asAttestant(made, async () => {
      expect(await inv('payouts.attest', { batchId: id })).toMatchObject({
        ok: false,
        error: { message: /Kontonummer ändrat/ },
      });
    });
  });

  it('1c: gallring removes a never-paid applicant together with the log of her account changes', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    const { id } = await ok<{ id: number }>(
      inv('cp.create', cpInput({ personnummer: syntheticPnr('1970-01-01', 11) })),
    );
    await ok(
      inv('cp.update', { id, values: { ...(await cpValues(made, id)), bankClearing: '5000', bankAccount: '1234560' } }),
    );
    await ok(inv('cp.transition', { id, to: 'ej_godkand', date: '2026-11-22', note: 'Ej lämplig.' }));
    made.clock.advance(400 * 86_400_000);
    expect(await ok(inv('retention.run', { confirm: true }))).toMatchObject({ removed: { ej_godkanda: 1 } });
    expect(made.core.serviceContext().raw.prepare('SELECT count(*) AS n FROM payment_detail_changes').get()).toEqual({
      n: 0,
    });
  });

  it('1d: only an attestant re-dates an attested batch', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    await scenario(made);
    await ok(
      inv('users.create', {
        username: 'hand',
        displayName: 'Hanna Handläggare',
        roles: ['handlaggare'],
        password: 'mappen-ligger-på-bordet-4',
      }),
    );
    const { id } = await ok<{ id: number }>(inv('payouts.create', { month: '2026-10' }));
    await asAttestant(made, () => ok(inv('payouts.attest', { batchId: id })));
    await made.invoke('session.logout', {});
    await ok(inv('session.login', { username: 'hand', password: 'mappen-ligger-på-bordet-4' }));
    await ok(
      inv('session.changePassword', {
        currentPassword: 'mappen-ligger-på-bordet-4',
        newPassword: 'mappens-egen-fras-är-lång-5',
      }),
    );
    expect(await inv('payouts.redate', { batchId: id, paymentDate: '2026-11-30', reason: 'Sent' })).toMatchObject({
      ok: false,
      error: { message: 'Bara en attestant kan ändra dagen för en attesterad utbetalning.' },
    });
    expect((await list(made, '2026-10'))[0]!.paymentDate).toBe('2026-11-25');
  });

  it('2: one channel per batch: another format is refused until the export is voided with a reason', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    await scenario(made, { payoutChannel: 'paxml' });
    const { id } = await ok<{ id: number }>(inv('payouts.create', { month: '2026-10' }));
    await asAttestant(made, async () => {
      await ok(inv('payouts.attest', { batchId: id }));
      expect(await inv('payouts.export', { batchId: id, format: 'pain001' })).toMatchObject({
        ok: false,
        error: { message: /betalas via Lön: PAXml 2.0/ },
      });
      await exportFile(made, id, 'paxml');
      for (const other of ['pain001', 'bgc-lon', 'csv']) {
        expect(await inv('payouts.export', { batchId: id, format: other }), other).toMatchObject({
          ok: false,
          error: { message: /redan exporterad som Lön: PAXml 2.0/ },
        });
      }
      expect(await inv('payouts.voidExport', { batchId: id, reason: ' ' })).toMatchObject({
        ok: false,
        error: { message: /Ange skälet/ },
      });
      await ok(inv('payouts.voidExport', { batchId: id, reason: 'Lönekontoret läste aldrig in filen' }));
      await exportFile(made, id, 'pain001');
      expect(await inv('payouts.export', { batchId: id, format: 'bgc-lon' })).toMatchObject({
        ok: false,
        error: { message: /redan exporterad som Bankfil/ },
      });
    });
    const [b] = await list(made, '2026-10');
    expect(b!.exports.map((e) => [e.format, e.voidReason])).toEqual([
      ['paxml', 'Lönekontoret läste aldrig in filen'],
      ['pain001', null],
    ]);
    expect(b!.channel).toBe('pain001');
    expect(b!.exports[1]!.msgId).toMatch(/^KPR-202610-/);
  });

  it('3: pay date editable at compute; all formats refuse a passed date; an attestant re-dates with a reason; the profile sets the execution date', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    await scenario(made, { bankProfile: 'seb', initiatorId: '', debtorId: '' });
    expect(await ok(inv('payouts.defaultPaymentDate', { month: '2026-10' }))).toEqual({ paymentDate: '2026-11-25' });
    expect(await ok(inv('payouts.defaultPaymentDate', { month: '2026-11' }))).toEqual({ paymentDate: '2026-12-23' });
    const { id } = await ok<{ id: number }>(inv('payouts.create', { month: '2026-10', paymentDate: '2026-11-24' }));
    // A draft can be re-dated without a reason.
    await ok(inv('payouts.redate', { batchId: id, paymentDate: '2026-11-25' }));
    let [b] = await list(made, '2026-10');
    expect(b).toMatchObject({ paymentDate: '2026-11-25', executionDate: '2026-11-24' }); // SEB: the bank day before
    await asAttestant(made, () => ok(inv('payouts.attest', { batchId: id })));

    made.clock.set('2026-11-26T08:00:00Z'); // the unit is late
    for (const format of ['pain001', 'bgc-lon', 'paxml', 'csv']) {
      expect(await inv('payouts.export', { batchId: id, format }), format).toMatchObject({
        ok: false,
        error: {
          message: /Utbetalningsdagen 2026-11-25 har redan passerat\. En attestant kan ange en ny utbetalningsdag/,
        },
      });
    }
    await asAttestant(made, async () => {
      expect(await inv('payouts.redate', { batchId: id, paymentDate: '2026-11-30' })).toMatchObject({
        ok: false,
        error: { message: /Ange skälet/ },
      });
      expect(
        await inv('payouts.redate', { batchId: id, paymentDate: '2026-11-29', reason: 'Sen körning' }),
      ).toMatchObject({ ok: false, error: { message: /inte en bankdag/ } });
      expect(
        await inv('payouts.redate', { batchId: id, paymentDate: '2026-11-25', reason: 'Sen körning' }),
      ).toMatchObject({ ok: false, error: { message: /har redan passerat/ } });
      await ok(
        inv('payouts.redate', { batchId: id, paymentDate: '2026-11-30', reason: 'Filen hann inte till banken' }),
      );
      const xml = (await exportFile(made, id, 'pain001')).toString('utf8');
      expect(xml).toContain('<ReqdExctnDt>2026-11-27</ReqdExctnDt>'); // Monday's pay -> Friday at SEB
      expect(await inv('payouts.redate', { batchId: id, paymentDate: '2026-12-01', reason: 'igen' })).toMatchObject({
        ok: false,
        error: { message: /Makulera exporten/ },
      });
    });
    [b] = await list(made, '2026-10');
    expect(b!.redates.map((r) => [r.from, r.to, r.reason])).toEqual([
      ['2026-11-24', '2026-11-25', 'Ändrad före attest'],
      ['2026-11-25', '2026-11-30', 'Filen hann inte till banken'],
    ]);
  });

  it('4: corrections compare table tax correctly, say when nothing differs, and a draft can be deleted', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    const { assignmentId } = await scenario(made, {}, { taxMode: 'table', taxTable: 33, taxColumn: 1 });
    const { id } = await ok<{ id: number }>(inv('payouts.create', { month: '2026-10' }));
    const [b] = await list(made, '2026-10');
    expect(b!.lines[0]!.taxOre).toBeNull();
    await ok(inv('payouts.setTableTax', { lineId: b!.lines[0]!.id, taxOre: 10_000 }));
    await asAttestant(made, () => ok(inv('payouts.attest', { batchId: id })));
    expect(await inv('payouts.create', { month: '2026-10' })).toMatchObject({
      ok: false,
      error: { message: 'Inga ändringar sedan den attesterade utbetalningen för 2026-10: ingen rättelse behövs.' },
    });
    expect((await list(made, '2026-10')).length).toBe(1);

    // A draft is deleted; an attested batch is not.
    await report(made, assignmentId, '2026-11');
    const { id: draft } = await ok<{ id: number }>(
      inv('payouts.create', { month: '2026-11', paymentDate: '2026-12-22' }),
    );
    await ok(inv('payouts.deleteDraft', { batchId: draft }));
    expect(await list(made, '2026-11')).toEqual([]);
    expect(await inv('payouts.deleteDraft', { batchId: id })).toMatchObject({
      ok: false,
      error: { message: 'En attesterad utbetalning kan inte tas bort.' },
    });
  });

  it('5–6: every bank profile writes its identifiers, accounts, execution date and names; each file validates against the XSD', async () => {
    const expectations: Record<
      BankProfileId,
      {
        initg: string | null;
        dbtr: string | null;
        debtorAcct: RegExp;
        swedbank: string;
        exec: string;
        iban: boolean;
        name: string;
      }
    > = {
      swedbank: {
        initg: 'SIGNER1234',
        dbtr: 'AVTAL5678',
        debtorAcct: /<Othr><Id>832791234567897<\/Id>/,
        swedbank: '832791234567897',
        exec: '2026-11-25',
        iban: false,
        name: 'Bertil Åström',
      },
      seb: {
        initg: '2120000000',
        dbtr: '21200000000004',
        debtorAcct: /<Othr><Id>832791234567897<\/Id>/,
        swedbank: '832791234567897',
        exec: '2026-11-24',
        iban: false,
        name: 'Bertil Åström',
      },
      handelsbanken: {
        initg: '2120000000',
        dbtr: '2120000000',
        debtorAcct: /<Othr><Id>832791234567897<\/Id>/,
        swedbank: '832791234567897',
        exec: '2026-11-25',
        iban: false,
        name: 'Bertil Åström',
      },
      nordea: {
        initg: '9999999999',
        dbtr: '9999999999',
        debtorAcct: /<DbtrAcct><Id><IBAN>SE\d{22}<\/IBAN>/,
        swedbank: '83271234567897',
        exec: '2026-11-24',
        iban: false,
        name: 'Bertil Åström',
      },
      danske: {
        initg: '2120000000',
        dbtr: null,
        debtorAcct: /<Othr><Id>832791234567897<\/Id>/,
        swedbank: '832791234567897',
        exec: '2026-11-25',
        iban: false,
        name: 'Bertil Åström',
      },
      generic: {
        initg: '2120000000',
        dbtr: null,
        debtorAcct: /<DbtrAcct><Id><IBAN>SE\d{22}<\/IBAN>/,
        swedbank: '',
        exec: '2026-11-25',
        iban: true,
        name: 'Bertil Astrom',
      },
    };
    for (const profile of BANK_PROFILE_IDS) {
      const dir = tempDir();
      try {
        const made = await makeReadyCore(dir.dir);
        const inv = made.invoke;
        attestantPasswordChanged = false;
        const ids = profile === 'swedbank' ? {} : { initiatorId: '', debtorId: '' };
        await scenario(
          made,
          { bankProfile: profile, ...ids },
          { firstName: 'Дмитрий', lastName: 'Øystein-Łukasz Þór' },
        );
        // Swedbank account typed with the fifth clearing digit in the account field; Handelsbanken with 8 digits.
        await another(
          made,
          {
            firstName: 'Bertil',
            lastName: 'Åström',
            personnummer: syntheticPnr('1970-01-01', 56),
            bankClearing: '8327',
            bankAccount: '9 123 456 789-7',
          },
          251,
        );
        await another(
          made,
          {
            firstName: 'Cecilia',
            lastName: 'Handel',
            personnummer: syntheticPnr('1975-05-05', 78),
            bankClearing: '6000',
            bankAccount: '12345601',
          },
          252,
        );
        const { id } = await ok<{ id: number }>(inv('payouts.create', { month: '2026-10' }));
        const xml = await asAttestant(made, async () => {
          await ok(inv('payouts.attest', { batchId: id }));
          return (await exportFile(made, id, 'pain001')).toString('utf8');
        });
        const e = expectations[profile];
        expect(await validateAgainstXsd(xml, 'pain.001.001.03'), profile).toEqual({ valid: true, errors: [] });
        const initg = xml.match(/<InitgPty>.*?<\/InitgPty>/)![0];
        if (e.initg) expect(initg, profile).toContain(`<Id>${e.initg}</Id>`);
        else expect(initg).not.toContain('<OrgId>');
        const dbtr = xml.match(/<Dbtr>.*?<\/Dbtr>/)![0];
        if (e.dbtr) expect(dbtr, profile).toContain(`<Id>${e.dbtr}</Id>`);
        else expect(dbtr, profile).not.toContain('<OrgId>');
        expect(xml, profile).toMatch(e.debtorAcct);
        expect(xml, profile).toContain(`<ReqdExctnDt>${e.exec}</ReqdExctnDt>`);
        expect(xml, profile).toContain(`<Nm>${e.name}</Nm>`);
        // Names outside the character set are transliterated, never empty.
        expect(xml, profile).toContain('<Nm>Dmitriy Oystein-Lukasz Thor</Nm>');
        expect(xml).not.toMatch(/<Nm>\s*<\/Nm>/);
        if (e.iban) {
          const ibans = [...xml.matchAll(/<CdtrAcct><Id><IBAN>([A-Z0-9]+)<\/IBAN>/g)].map((m) => m[1]);
          expect(ibans.length, profile).toBe(3);
          for (const iban of ibans) expect(isValidIBAN(iban!), iban).toBe(true);
          expect(
            ibans.some((i) => i!.endsWith('80000832791234567897')),
            'Swedbank 8xxx-x keeps the 5th digit in the IBAN',
          ).toBe(true);
          expect(
            ibans.some((i) => i!.endsWith('60000000000012345601')),
            'Handelsbanken: account only',
          ).toBe(true);
          expect(xml).not.toContain('<ClrSysMmbId>');
        } else {
          expect(xml, profile).toContain(`<Id>${e.swedbank}</Id>`);
          expect(xml, profile).toContain('<Id>6000012345601</Id>'); // Handelsbanken: 4 + 9 digits
          expect(xml).toContain('<Cd>SESBA</Cd>');
        }
        await made.core.close();
      } finally {
        dir.cleanup();
      }
    }
  });

  it('5b: Swedbank refuses a file without its Signer-ID and product agreement', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    await scenario(made, { initiatorId: '', debtorId: '' });
    const { id } = await ok<{ id: number }>(inv('payouts.create', { month: '2026-10' }));
    await asAttestant(made, async () => {
      await ok(inv('payouts.attest', { batchId: id }));
      expect(await inv('payouts.export', { batchId: id, format: 'pain001' })).toMatchObject({
        ok: false,
        error: { message: /Swedbank kräver Signer-ID \(InitgPty\).*Swedbank kräver Produktavtals-ID/ },
      });
    });
  });

  it('7: MsgId is unique across databases (another unit, a reinstall or a restore all start at batch 1), at most 35 characters', async () => {
    const ids: string[] = [];
    for (const dir of [t.dir, t2.dir]) {
      attestantPasswordChanged = false;
      const made = await makeReadyCore(dir);
      await scenario(made);
      const { id } = await ok<{ id: number }>(made.invoke('payouts.create', { month: '2026-10' }));
      expect(id).toBe(1);
      const xml = await asAttestant(made, async () => {
        await ok(made.invoke('payouts.attest', { batchId: id }));
        const first = (await exportFile(made, id, 'pain001')).toString('utf8');
        expect((await exportFile(made, id, 'pain001', 'Tappad fil')).toString('utf8')).toBe(first); // same bytes, same MsgId
        return first;
      });
      ids.push(xml.match(/<MsgId>([^<]+)<\/MsgId>/)![1]!);
      await made.core.close();
    }
    expect(ids[0]).not.toBe(ids[1]);
    for (const m of ids) {
      expect(m.length).toBeLessThanOrEqual(35);
      expect(m).toMatch(/^KPR-202610-1-[A-Z2-9]{10}$/);
    }
  });

  it('8–11: Löner carries the month and warns; CSV neutralises hostile names; PAXml/CSV use the anställningsnummer; namesakes differ on screen', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    await scenario(made, { payoutChannel: 'bgc-lon' }, { employeeNumber: '4711' });
    await another(
      made,
      {
        firstName: 'Anna',
        lastName: 'Provsson',
        personnummer: ANNA2,
        bankClearing: '5000',
        bankAccount: '1234560',
        employeeNumber: 'A-17',
      },
      251,
    );
    await another(
      made,
      {
        firstName: '=HYPERLINK("http://x.test")',
        lastName: '+Evil',
        personnummer: syntheticPnr('1966-06-06', 90),
        bankClearing: '5000',
        bankAccount: '1234560',
      },
      252,
    );
    const { id } = await ok<{ id: number }>(inv('payouts.create', { month: '2026-10' }));
    const [draft] = await list(made, '2026-10');
    const annas = draft!.lines.filter((l) => l.name === 'Anna Provsson');
    expect(annas.map((l) => [l.birthDate, l.personnummerMasked]).sort()).toEqual([
      ['1980-02-02', `${ANNA.slice(0, 8)}-****`],
      ['1991-07-07', `${ANNA2.slice(0, 8)}-****`],
    ]);
    expect(draft!.channel).toBe('bgc-lon');

    await asAttestant(made, async () => {
      await ok(inv('payouts.attest', { batchId: id }));
      const lon = await ok<{ savedTo: string; warning: string }>(
        inv('payouts.export', { batchId: id, format: 'bgc-lon' }),
      );
      expect(lon.warning).toMatch(/äldre format som flera banker har slutat ta emot/);
      const records = readFileSync(lon.savedTo)
        .toString('latin1')
        .split('\r\n')
        .filter((r) => r.startsWith('35'));
      expect(records.length).toBe(3);
      for (const r of records) expect(r.slice(68, 80)).toBe('ARV 2026-10 ');
      expect(records.some((r) => r.slice(58, 68) === '0000004711')).toBe(true); // numeric anställningsnummer as payee id

      await ok(inv('payouts.voidExport', { batchId: id, reason: 'Banken tar inte emot Löner; lönesystemet betalar' }));
      const pax = (await exportFile(made, id, 'paxml')).toString('utf8');
      expect(await validateAgainstXsd(pax, 'paxml-2.0')).toEqual({ valid: true, errors: [] });
      expect(pax).toContain(`anstid="4711" persnr="${ANNA}"`);
      expect(pax).toContain(`anstid="A-17" persnr="${ANNA2}"`);
      await ok(inv('payouts.voidExport', { batchId: id, reason: 'CSV i stället' }));
      const csv = (await exportFile(made, id, 'csv')).toString('utf8');
      expect(csv).toContain(`4711;${ANNA};Anna Provsson;310;`);
      expect(csv).toContain(`A-17;${ANNA2};Anna Provsson;310;`);
      expect(csv).toContain(`;"'=HYPERLINK(""http://x.test"") +Evil";310;`);
      expect(csv).not.toMatch(/;=HYPERLINK/);
    });
    // The contact person list in xlsx neutralises the same name.
    const x = await ok<{ savedTo: string }>(inv('export.xlsx', { list: 'kontaktpersoner' }));
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(x.savedTo);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((r) => (r.values as unknown[]).forEach((c) => cells.push(String(c ?? ''))));
    const hostile = cells.filter((c) => c.includes('HYPERLINK'));
    expect(hostile.length).toBe(1);
    expect(hostile[0]).toMatch(/^'[+=]/);
    expect(cells.some((c) => /^[=+@]/.test(c))).toBe(false);
  });
});
