/**
 * npm run bench: a generated municipality at ten times a big city, timed in one run.
 * Prints figures; asserts nothing (targets are shown next to each figure).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { performance } from 'node:perf_hooks';
import { AppCore } from '../../electron/core/app-core';
import { ManualClock } from '../../electron/core/clock';
import { TEST_SCRYPT } from '../../electron/vault/kdf';
import { createKysely, openEncryptedDatabase, type RawDatabase } from '../../electron/db/open';
import { migrate } from '../../electron/db/migrate';
import { verifyAuditChain } from '../../electron/audit/verify';
import { searchContactPersons } from '../../electron/services/contact-persons/read';
import { createPayoutBatch, attestBatch } from '../../electron/services/payouts/batches';
import { exportBatch } from '../../electron/services/payouts/export';
import { savePaymentSettings } from '../../electron/services/payouts/settings';
import { commitImport } from '../../electron/import/import';
import { generate, importWorkbook } from './generate';

const SIZE = { people: 10_000, clients: 10_000, reportsPerAssignment: 10, auditRows: 1_000_000 };
const ms = (t: number) => `${t.toFixed(0)} ms`;
const time = async <T>(fn: () => Promise<T> | T): Promise<[T, number]> => {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const line = (label: string, value: string, target = '') => console.log(`${label.padEnd(52)} ${value.padStart(12)}  ${target}`);

/** The same workload on any database: schema, data, and a mixed read load. */
async function workload(raw: RawDatabase) {
  await migrate(createKysely(raw));
  generate(raw, { ...SIZE, auditRows: 200_000 });
  const byId = raw.prepare('SELECT * FROM contact_persons WHERE id = ?');
  const search = raw.prepare("SELECT id FROM contact_persons WHERE search_name LIKE ? ORDER BY last_name LIMIT 200");
  for (let i = 0; i < 5000; i++) byId.get((i * 7919) % SIZE.people + 1);
  for (let i = 0; i < 200; i++) search.all(`%provsson${i}%`);
  raw.prepare('SELECT count(*) FROM monthly_reports WHERE status = ?').get('godkand');
}

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'kpr-bench-'));
  console.log(`Kontaktregistret benchmark: ${SIZE.people} kontaktpersoner, ${SIZE.clients} brukare, ${SIZE.clients * SIZE.reportsPerAssignment} månadsrapporter, ${SIZE.auditRows} loggrader`);
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);
  try {
    // 1. Encrypted vs plain for the same workload.
    const key = randomBytes(32);
    const [, tEnc] = await time(async () => {
      const raw = openEncryptedDatabase(join(root, 'enc.db'), key);
      await workload(raw);
      raw.close();
    });
    const [, tPlain] = await time(async () => {
      const raw = new Database(join(root, 'plain.db'));
      raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = FULL');
      raw.pragma('foreign_keys = ON');
      raw.pragma('secure_delete = ON');
      raw.pragma('temp_store = MEMORY');
      await workload(raw);
      raw.close();
    });
    line('Encrypted / unencrypted, same workload', `${(tEnc / tPlain).toFixed(2)}×`, `target ≤ 1,3× (${ms(tEnc)} vs ${ms(tPlain)})`);

    // The full municipality behind the app's own core.
    const clock = new ManualClock('2026-11-22T09:00:00Z');
    const core = new AppCore({ dataDir: join(root, 'data'), clock, kdf: TEST_SCRYPT });
    await core.setup({ username: 'admin', displayName: 'Admin', password: 'benchmark-lösenord', unitName: 'Bench' });
    await core.login('admin', 'benchmark-lösenord');
    let ctx = core.serviceContext();
    const [, tGen] = await time(() => generate(ctx.raw, SIZE));
    line('Generate the municipality', ms(tGen));

    // 2. Kysely vs raw prepared statement.
    const ids = Array.from({ length: 20_000 }, (_, i) => ((i * 7919) % SIZE.people) + 1);
    const stmt = ctx.raw.prepare('SELECT * FROM contact_persons WHERE id = ?');
    const [, tRaw] = await time(() => ids.forEach((id) => stmt.get(id)));
    const [, tKysely] = await time(async () => {
      for (const id of ids) await ctx.db.selectFrom('contact_persons').selectAll().where('id', '=', id).executeTakeFirst();
    });
    line('Kysely / raw prepared statement (20 000 lookups)', `${(tKysely / tRaw).toFixed(2)}×`, `target ≤ 1,5× (${ms(tKysely)} vs ${ms(tRaw)})`);

    // 3. Search through the service (with its audit line), 300 queries of three kinds.
    const times: number[] = [];
    for (let i = 0; i < 300; i++) {
      const query = i % 3 === 0 ? `provsson${i * 13}` : i % 3 === 1 ? `070-${String(i * 31).padStart(7, '0').slice(0, 5)}` : `19${40 + (i % 60)}`;
      const t0 = performance.now();
      await searchContactPersons(ctx, { query, statuses: [], limit: 200 });
      times.push(performance.now() - t0);
    }
    line('Search p50', `${pct(times, 50)!.toFixed(1)} ms`);
    line('Search p95', `${pct(times, 95)!.toFixed(1)} ms`, 'target < 20 ms');

    // 4. Payout run + pain.001 export (XSD-validated) for 10 000 payees.
    await savePaymentSettings(ctx, { payerName: 'Bench kommun', orgNumber: '212000-0000', bankProfile: 'swedbank', debtorClearing: '8327', debtorAccount: '1234567897', debtorBic: 'SWEDSESS', initiatorId: 'BENCHSIGNER', debtorId: 'BENCHAVTAL', payoutChannel: 'pain001', bgcCustomerNumber: '', bgcBankgiro: '', payCodeArvode: '310', payCodeOmkostnad: '320', payCodeUtlagg: '330', paymentDayOfMonth: 25, twoPersonRule: false });
    const [batch, tRun] = await time(() => createPayoutBatch(ctx, { month: '2026-10' }));
    await attestBatch(ctx, batch.id);
    let bytes = 0;
    const [, tExport] = await time(() => exportBatch(ctx, async (_n, c) => ((bytes = c.length), join(root, 'pain.xml')), { batchId: batch.id, format: 'pain001', reason: '' }));
    line('Payout run, 10 000 payees', ms(tRun));
    line('pain.001 export incl. XSD validation', ms(tExport), `${(bytes / 2 ** 20).toFixed(1)} MB`);
    line('Payout run + export', ms(tRun + tExport), 'target < 2 s');

    // 5. Audit chain verification.
    const rows = (ctx.raw.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const [v, tVerify] = await time(() => verifyAuditChain(ctx.raw));
    line(`Audit chain verify (${rows} rows, ${v.ok ? 'ok' : 'BROKEN'})`, ms(tVerify), 'target < 5 s');

    // 6. Unlock without the KDF: open with the raw key, prove it, check the schema.
    await core.close();
    const file = core.databaseFile;
    const [, tUnlock] = await time(async () => {
      const { dataKey } = await core.vault.unlock('admin', 'benchmark-lösenord');
      const t0 = performance.now();
      const raw = openEncryptedDatabase(file, dataKey);
      await migrate(createKysely(raw));
      raw.prepare('SELECT count(*) FROM users').get();
      const opened = performance.now() - t0;
      raw.close();
      return opened;
    }).then(([opened]) => [opened, opened] as const);
    line('Unlock without KDF (open, key check, schema check)', ms(tUnlock));

    // 7. Import of a 5 000-row xlsx.
    await core.login('admin', 'benchmark-lösenord');
    ctx = core.serviceContext();
    const book = await importWorkbook(5000);
    const [imported, tImport] = await time(() => commitImport(ctx, { kind: 'contact_persons', fileName: 'import.xlsx', dataBase64: book.toString('base64'), mapping: {}, excludeRows: [] }));
    line(`Import xlsx (${imported.imported} rows, validated, one transaction)`, ms(tImport));
    await core.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
