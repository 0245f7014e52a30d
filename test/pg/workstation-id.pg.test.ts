import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeCore, tempDir } from '../helpers/core';
import { emptyPgConfig, LOCAL_PREFIX } from '../helpers/pg-db';

// Data folders named kpr-local-… get no server from test/pg/setup.ts: these cores find it in their vault.
let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir(LOCAL_PREFIX)));
afterEach(() => t.cleanup());

function editVault(dir: string, edit: (v: Record<string, unknown>) => void): void {
  const file = `${dir}/vault.json`;
  const v = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(v);
  writeFileSync(file, JSON.stringify(v));
}

async function loginAndRead(dir: string): Promise<Array<{ action: string; detail: string | null }>> {
  const { core } = makeCore(dir);
  await core.login(ADMIN.username, ADMIN.password);
  const rows = await core
    .serviceContext()
    .db.selectFrom('audit_log')
    .select(['action', 'detail'])
    .where('action', 'in', ['vault.tampered', 'datasource.workstation.new'])
    .orderBy('id')
    .execute();
  await core.logout();
  return rows;
}

describe("the workstation id in vault.json is MAC'd on a server", () => {
  it('a new id put in by hand is logged, with or without its MAC; the real workstation logs in quietly', async () => {
    const config = await emptyPgConfig();
    await makeCore(t.dir).core.setup({ ...ADMIN, server: { config } });
    expect(await loginAndRead(t.dir)).toEqual([]);

    // A fresh id (to get a clean login counter on the server) under the old MAC: an edit.
    editVault(t.dir, (v) => (v.workstation = randomUUID()));
    const edited = {
      action: 'vault.tampered',
      detail: 'arbetsstationens id i nyckelfilen har ändrats utanför programmet',
    };
    expect(await loginAndRead(t.dir)).toEqual([edited]);
    // Logged once; the id is MAC'd again after that login.
    expect(await loginAndRead(t.dir)).toEqual([edited]);

    // A fresh id without any MAC: the server sees a new workstation appear, and says so.
    editVault(t.dir, (v) => {
      v.workstation = randomUUID();
      delete v.workstationMac;
    });
    const appeared = {
      action: 'datasource.workstation.new',
      detail: 'en ny arbetsstation loggar in för första gången',
    };
    expect(await loginAndRead(t.dir)).toEqual([edited, appeared]);
    expect(await loginAndRead(t.dir)).toEqual([edited, appeared]);
  });
});
