import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { createKysely } from './open';
import { migrate } from './migrate';
import { param, precompile } from './precompiled';

async function db() {
  const raw = new Database(':memory:');
  const k = createKysely(raw);
  await migrate(k);
  const now = '2026-11-22T09:00:00.000Z';
  const add = raw.prepare(
    'INSERT INTO users (username, display_name, roles, created_at, updated_at) VALUES (?, ?, \'["admin"]\', ?, ?)',
  );
  for (const name of ['anna', 'bertil']) add.run(name, name.toUpperCase(), now, now);
  return { raw, k };
}

const byName = precompile((d) =>
  d.selectFrom('users').select(['id', 'display_name']).where('username', '=', param<string>('name')).limit(1),
);

describe('precompile', () => {
  it("runs the compiled query with each call's values, on each database and inside a transaction", async () => {
    const a = await db();
    const b = await db();
    expect(await byName.executeTakeFirst(a.k, { name: 'anna' })).toMatchObject({ display_name: 'ANNA' });
    expect(await byName.executeTakeFirst(a.k, { name: 'bertil' })).toMatchObject({ display_name: 'BERTIL' });
    expect(await byName.executeTakeFirst(a.k, { name: 'cecilia' })).toBeUndefined();
    b.raw.prepare("UPDATE users SET display_name = 'Annika' WHERE username = 'anna'").run();
    expect(await byName.execute(b.k, { name: 'anna' })).toEqual([expect.objectContaining({ display_name: 'Annika' })]);
    await a.k.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ display_name: 'Ändrad' }).where('username', '=', 'bertil').execute();
      expect(await byName.executeTakeFirst(trx, { name: 'bertil' })).toMatchObject({ display_name: 'Ändrad' });
    });
  });
});
