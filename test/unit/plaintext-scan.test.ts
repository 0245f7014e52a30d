import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/seed/demo';
import { ADMIN, makeReadyCore, tempDir } from '../helpers/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Vault } from '../../electron/vault/vault';
import { TEST_SCRYPT } from '../../electron/vault/kdf';
import { makeConnectionFile } from '../../electron/vault/connection-file';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** The text columns the scans look for (synthetic people; empty strings where a field is unset). */
type PersonRow = { first_name: string; last_name: string; personnummer: string; street: string };

describe('no plaintext case data on disk', () => {
  it('after seeding, neither the database, its WAL nor any other file in the data folder holds a name or personnummer', async () => {
    const { core } = await makeReadyCore(t.dir);
    const ctx = core.serviceContext();
    await seedDemo(ctx, { seed: 7 });
    const people = ctx.raw
      .prepare('SELECT first_name, last_name, personnummer, street, phone_digits FROM contact_persons')
      .all() as PersonRow[];
    expect(people).toHaveLength(60);
    const needles = [
      ...new Set(
        people.flatMap((p) => [
          p.last_name,
          `${p.first_name} ${p.last_name}`,
          p.personnummer,
          p.personnummer.slice(2),
          p.street,
        ]),
      ),
    ];

    const scan = (when: string) => {
      const files = filesUnder(t.dir);
      expect(files.some((f) => f.endsWith('-wal')) || when === 'closed').toBe(true);
      for (const file of files) {
        const bytes = readFileSync(file);
        for (const needle of needles) {
          expect(bytes.includes(Buffer.from(needle, 'utf8')), `${when}: "${needle}" in ${file}`).toBe(false);
        }
      }
    };
    scan('open');
    await core.lock();
    scan('closed');
  });

  it('after a full session (seed, reports, payout, attest, backup) no file in the data or backup folder holds case data in plaintext', async () => {
    const made = await makeReadyCore(join(t.dir, 'data'));
    const inv = made.invoke;
    const ctx = made.core.serviceContext();
    await seedDemo(ctx, { seed: 5 });
    const month = new Date(Date.parse(made.clock.now().toISOString()) - 40 * 86_400_000).toISOString().slice(0, 7);
    const created = await inv('payouts.create', { month });
    expect(created.ok).toBe(true);
    const batch = (await inv('payouts.list', { month })) as {
      ok: true;
      value: Array<{ id: number; lines: Array<{ id: number; taxOre: number | null; arvodeOre: number }> }>;
    };
    for (const l of batch.value[0]!.lines.filter((x) => x.taxOre === null))
      await inv('payouts.setTableTax', { lineId: l.id, taxOre: Math.floor(l.arvodeOre / 4) });
    await inv('users.create', {
      username: 'atte',
      displayName: 'Atte',
      roles: ['attestant'],
      password: 'pennan-stämplar-blått-7',
    });
    await made.core.logout();
    await made.core.login('atte', 'pennan-stämplar-blått-7');
    expect(
      (
        await inv('session.changePassword', {
          currentPassword: 'pennan-stämplar-blått-7',
          newPassword: 'egen-penna-blått-9',
        })
      ).ok,
    ).toBe(true);
    expect((await inv('payouts.attest', { batchId: batch.value[0]!.id })).ok).toBe(true);
    await made.core.logout();
    await made.core.login(ADMIN.username, ADMIN.password);
    const backups = join(t.dir, 'backups');
    mkdirSync(backups);
    await inv('backup.saveSettings', { folder: backups, automatic: false, keepDays: 7 });
    expect((await inv('backup.create', {})).ok).toBe(true);

    const raw = made.core.serviceContext().raw;
    const needles = new Set<string>();
    for (const table of ['contact_persons', 'clients'] as const) {
      for (const p of raw
        .prepare(`SELECT first_name, last_name, personnummer, street FROM ${table}`)
        .all() as PersonRow[]) {
        // Empty fields (a participant without needs assessment has no surname, street or personnummer) are no needle.
        [p.last_name, `${p.first_name} ${p.last_name}`.trim(), p.personnummer, p.personnummer.slice(2), p.street]
          .filter((n) => n.length >= 3)
          .forEach((n) => needles.add(n));
      }
    }
    expect(needles.size).toBeGreaterThan(200);
    const scan = () => {
      for (const file of [...filesUnder(join(t.dir, 'data')), ...filesUnder(backups)]) {
        const bytes = readFileSync(file);
        for (const needle of needles)
          expect(bytes.includes(Buffer.from(needle, 'utf8')), `"${needle}" in ${file}`).toBe(false);
      }
    };
    scan();
    await made.core.close();
    scan();
  }, 120_000);

  it("a shared server's account, password and TLS trust are in no file of the data folder, nor in the connection file", async () => {
    const secrets = {
      user: 'kpr_station_hemlig',
      password: 'Databas-Lösenord-Från-IT-2027',
      ca: '-----BEGIN CERTIFICATE-----\nMIIDazCCAlOgAwIBAgIUSyntetisktCertifikat\n-----END CERTIFICATE-----\n',
      pinSha256: 'e3'.repeat(32),
      servername: 'db-intern.kommun.example',
    };
    const vault = new Vault(join(t.dir, 'vault.json'), TEST_SCRYPT, () => new Date('2026-11-22T09:00:00Z'));
    const { dataKey } = await vault.create('admin', 'korrekt-hast-batteri', {
      config: {
        host: 'db.kommun.example',
        port: 5432,
        database: 'kontaktregistret',
        user: secrets.user,
        password: secrets.password,
        tls: { ca: secrets.ca, pinSha256: secrets.pinSha256, servername: secrets.servername },
      },
    });
    vault.setServer(dataKey, { ...vault.serverConfig(dataKey)!, password: `${secrets.password}-ny` });
    const file = makeConnectionFile(vault.snapshot()!, '2026-11-22T09:00:00.000Z');
    writeFileSync(join(t.dir, 'kontaktregistret-anslutning.json'), JSON.stringify(file));
    const needles = [secrets.user, secrets.password, 'MIIDazCCAlOgAwIBAgIU', secrets.pinSha256, secrets.servername];
    expect(filesUnder(t.dir)).toHaveLength(2);
    for (const f of filesUnder(t.dir)) {
      const bytes = readFileSync(f);
      for (const needle of needles)
        expect(bytes.includes(Buffer.from(needle, 'utf8')), `"${needle}" in ${f}`).toBe(false);
    }
  });
});
