/**
 * npm run bench [-- --runs 5] [--scale 0.1] [--strict] [--no-history] [--no-pg]
 *
 * A generated municipality at ten times a big city. Every figure is measured --runs times and shown
 * as median and spread (min–max); a ratio target is judged on ratios measured side by side in the
 * same repetition. Each run appends a line to test/bench/history.jsonl and prints the change against
 * the previous entry at the same scale. PASS/FAIL per target by median; exit code 1 on a FAIL only
 * with --strict. --scale shrinks the data for a quick run (absolute targets are judged at scale 1 only).
 * When PostgreSQL is installed, the comparable figures are measured on a throwaway server too and
 * printed beside SQLite's (test/bench/pg-side.ts); without it, or with --no-pg, that column is skipped
 * with the reason printed.
 */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus, totalmem, loadavg } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3-multiple-ciphers';
import { performance } from 'node:perf_hooks';
import { AppCore } from '../../electron/core/app-core';
import { ManualClock, systemClock } from '../../electron/core/clock';
import { TEST_SCRYPT } from '../../electron/vault/kdf';
import {
  applyConnectionSettings,
  closeDatabase,
  createKysely,
  openEncryptedDatabase,
  type RawDatabase,
} from '../../electron/db/open';
import { migrate } from '../../electron/db/migrate';
import { param, precompile } from '../../electron/db/precompiled';
import { verifyAuditChainDb, verifyAuditChainParallel } from '../../electron/audit/verify';
import type { ServiceContext } from '../../electron/core/session';
import { searchContactPersons } from '../../electron/services/contact-persons/read';
import { createPayoutBatch, attestBatch } from '../../electron/services/payouts/batches';
import { exportBatch } from '../../electron/services/payouts/export';
import { savePaymentSettings } from '../../electron/services/payouts/settings';
import { commitImport } from '../../electron/import/import';
import { generate, importWorkbook } from './generate';
import { compareToPrevious, judge, stats, TARGETS, type Figure, type HistoryEntry } from './stats';
import { startPgSide, type PgSide } from './pg-side';

const HISTORY = join(import.meta.dirname, 'history.jsonl');

function options(argv: string[]) {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const runs = Number(value('--runs') ?? 5);
  const scale = Number(value('--scale') ?? 1);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error('--runs must be a whole number 1–50');
  if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be > 0 and ≤ 1');
  return {
    runs,
    scale,
    strict: argv.includes('--strict'),
    history: !argv.includes('--no-history'),
    pg: !argv.includes('--no-pg'),
  };
}

const time = async <T>(fn: () => Promise<T> | T): Promise<[T, number]> => {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
};
/** Wall time and this process's CPU time (all threads) of fn: on a shared machine wall time includes waiting for a core. */
const timeCpu = async <T>(fn: () => Promise<T> | T): Promise<[T, number, number]> => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await fn();
  const c = process.cpuUsage(c0);
  return [r, performance.now() - t0, (c.user + c.system) / 1000];
};
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** 300 searches of three kinds through the service (each with its audit row): p50 and p95 in ms. */
async function searchPercentiles(ctx: ServiceContext, people: number, rep: number) {
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const query =
      i % 3 === 0
        ? `provsson${(i * 13 + rep) % people}`
        : i % 3 === 1
          ? `070-${String(i * 31)
              .padStart(7, '0')
              .slice(0, 5)}`
          : `19${40 + ((i + rep) % 60)}`;
    times.push((await time(() => searchContactPersons(ctx, { query, statuses: [], limit: 200 })))[1]);
  }
  return { p50: pct(times, 50), p95: pct(times, 95) };
}

/** Payout run for every payee, attest, and the XSD-validated pain.001 export: wall and CPU ms. */
async function payoutAndExport(ctx: ServiceContext, month: string, file: string) {
  const [batch, tRun, cRun] = await timeCpu(() => createPayoutBatch(ctx, { month, paymentDate: '2026-11-25' }));
  await attestBatch(ctx, batch.id);
  let bytes = 0;
  const [, tExport, cExport] = await timeCpu(() =>
    exportBatch(ctx, async (_n, c) => ((bytes = c.length), file), {
      batchId: batch.id,
      format: 'pain001',
      reason: '',
    }),
  );
  return { tRun, tExport, cpu: cRun + cExport, bytes };
}

/** The same workload on any connection: schema, writes, a mixed read load, and the close the app does. */
async function workload(raw: RawDatabase, size: { people: number; clients: number }) {
  await migrate(createKysely(raw));
  generate(raw, { ...size, reportsPerAssignment: 10, auditRows: 10 * size.people });
  const byId = raw.prepare('SELECT * FROM contact_persons WHERE id = ?');
  const search = raw.prepare('SELECT id FROM contact_persons WHERE search_name LIKE ? ORDER BY last_name LIMIT 200');
  const reports = raw.prepare('SELECT * FROM monthly_reports WHERE assignment_id = ? AND month = ?');
  for (let i = 0; i < 20_000; i++) byId.get(((i * 7919) % size.people) + 1);
  for (let i = 0; i < 20_000; i++) reports.get(((i * 104_729) % size.clients) + 1, `2026-${pad((i % 10) + 1, 2)}`);
  for (let i = 0; i < 100; i++) search.all(`%provsson${i}%`);
  raw.prepare('SELECT count(*) FROM monthly_reports WHERE status = ?').get('godkand');
  closeDatabase(raw);
}

/** Encrypted, then plain, with the same connection settings (applyConnectionSettings); fresh files each time. */
async function encryptedVsPlain(root: string, rep: number, size: { people: number; clients: number }) {
  const enc = async () =>
    (await time(() => workload(openEncryptedDatabase(join(root, `enc-${rep}.db`), randomBytes(32)), size)))[1];
  const plain = async () =>
    (
      await time(() => {
        const raw = new Database(join(root, `plain-${rep}.db`));
        applyConnectionSettings(raw);
        return workload(raw, size);
      })
    )[1];
  // Alternate the order so drift on a shared machine does not always favour one side.
  if (rep % 2 === 0) {
    const e = await enc();
    return { enc: e, plain: await plain() };
  }
  const p = await plain();
  return { enc: await enc(), plain: p };
}

async function main() {
  const opt = options(process.argv.slice(2));
  const SIZE = {
    people: Math.round(10_000 * opt.scale),
    clients: Math.round(10_000 * opt.scale),
    reportsPerAssignment: 10,
    auditRows: Math.round(1_000_000 * opt.scale),
  };
  const root = mkdtempSync(join(tmpdir(), 'kpr-bench-'));
  const loadAtStart = Number(loadavg()[0]?.toFixed(2));
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  console.log(
    `Kontaktregistret benchmark: ${SIZE.people} kontaktpersoner, ${SIZE.clients} brukare, ${SIZE.clients * SIZE.reportsPerAssignment} månadsrapporter, ${SIZE.auditRows} loggrader`,
  );
  console.log(
    `Machine: ${machine}; load average at start ${loadavg()[0]?.toFixed(1)}. ${opt.runs} runs per figure, median [min–max].\n`,
  );
  const samples: Record<string, number[]> = {};
  const add = (key: string, v: number) => (samples[key] ??= []).push(v);
  const once: Record<string, number> = {};
  let pgNote = '';
  const closers: Array<() => Promise<void>> = [];
  try {
    const clock = new ManualClock('2026-11-22T09:00:00Z');
    const core = new AppCore({ dataDir: join(root, 'data'), clock, kdf: TEST_SCRYPT });
    await core.setup({ username: 'admin', displayName: 'Admin', password: 'benchmark-lösenord', unitName: 'Bench' });
    await core.login('admin', 'benchmark-lösenord');
    let ctx = core.serviceContext();
    once.generateMs = (await time(() => generate(ctx.raw, SIZE)))[1];
    await savePaymentSettings(ctx, {
      payerName: 'Bench kommun',
      orgNumber: '212000-0000',
      bankProfile: 'swedbank',
      debtorClearing: '8327',
      debtorAccount: '1234567897',
      debtorBic: 'SWEDSESS',
      initiatorId: 'BENCHSIGNER',
      debtorId: 'BENCHAVTAL',
      payoutChannel: 'pain001',
      bgcCustomerNumber: '',
      bgcBankgiro: '',
      payCodeArvode: '310',
      payCodeOmkostnad: '320',
      payCodeUtlagg: '330',
      paymentDayOfMonth: 25,
      twoPersonRule: false,
    });
    // The PostgreSQL column: the same data, copied to a throwaway server before any figure is taken.
    let pgSide: PgSide | null = null;
    if (opt.pg) {
      process.stderr.write('PostgreSQL column: starting a server and copying the data\n');
      const side = await startPgSide({
        root,
        localDataDir: join(root, 'data'),
        local: ctx,
        clock,
        username: 'admin',
        password: 'benchmark-lösenord',
      });
      if ('skipped' in side) pgNote = `skipped: ${side.skipped}`;
      else {
        pgSide = side;
        pgNote = side.server;
        once.pgCopyMs = side.copyMs;
      }
    } else pgNote = 'skipped: --no-pg';
    closers.push(async () => pgSide?.close());
    const ids = Array.from({ length: 20_000 }, (_, i) => ((i * 7919) % SIZE.people) + 1);
    const rawById = ctx.raw.prepare('SELECT * FROM contact_persons WHERE id = ?');
    const hotById = precompile((db) =>
      db.selectFrom('contact_persons').selectAll().where('id', '=', param<number>('id')),
    );

    for (let rep = 0; rep < opt.runs; rep++) {
      const phase = (name: string) => process.stderr.write(`run ${rep + 1}/${opt.runs}: ${name}\n`);
      phase('encrypted vs plain');
      // 1. Encrypted vs plain for the same workload.
      const ep = await encryptedVsPlain(root, rep, SIZE);
      add('encPlainRatio', ep.enc / ep.plain);
      add('encMs', ep.enc);
      add('plainMs', ep.plain);

      phase('Kysely vs raw');
      // 2. Kysely vs a raw prepared statement: the hot lookup compiled once, and the query built per call.
      const [, tRaw] = await time(() => ids.forEach((id) => rawById.get(id)));
      const [, tHot] = await time(async () => {
        for (const id of ids) await hotById.executeTakeFirst(ctx.db, { id });
      });
      const [, tBuilt] = await time(async () => {
        for (const id of ids)
          await ctx.db.selectFrom('contact_persons').selectAll().where('id', '=', id).executeTakeFirst();
      });
      add('kyselyHotMs', tHot);
      add('kyselyHotRatio', tHot / tRaw);
      add('kyselyBuiltRatio', tBuilt / tRaw);

      phase('search');
      // 3. Search through the service (with its audit line), 300 queries of three kinds.
      const search = await searchPercentiles(ctx, SIZE.people, rep);
      add('searchP50Ms', search.p50);
      add('searchP95Ms', search.p95);

      phase('payout run + export');
      // 4. Payout run + pain.001 export (XSD-validated) for every payee: one month per repetition
      // (October, September, …), paid on a coming bank day.
      const month = `2026-${pad(10 - (rep % 10), 2)}`;
      const pay = await payoutAndExport(ctx, month, join(root, 'pain.xml'));
      add('payoutRunMs', pay.tRun);
      add('exportMs', pay.tExport);
      add('payoutTotalMs', pay.tRun + pay.tExport);
      add('payoutTotalCpuMs', pay.cpu);
      once.painBytes = pay.bytes;

      phase('audit verify');
      // 5. Audit chain verification.
      const [v, tVerify, cVerify] = await timeCpu(() => verifyAuditChainParallel(ctx.raw, null, { key: ctx.dataKey }));
      if (!v.ok) throw new Error(`Audit chain broken: ${v.reason}`);
      add('auditVerifyMs', tVerify);
      add('auditVerifyCpuMs', cVerify);
      once.auditRows = v.checked;

      if (pgSide) {
        // The PostgreSQL column: the same figures through the same services, on the server.
        const pgCtx = pgSide.ctx();
        phase('PostgreSQL: Kysely lookups');
        const [, tPgHot] = await time(async () => {
          for (const id of ids) await hotById.executeTakeFirst(pgCtx.db, { id });
        });
        add('pgKyselyHotMs', tPgHot);
        phase('PostgreSQL: search');
        const pgSearch = await searchPercentiles(pgCtx, SIZE.people, rep);
        add('pgSearchP50Ms', pgSearch.p50);
        add('pgSearchP95Ms', pgSearch.p95);
        phase('PostgreSQL: payout run + export');
        const pgPay = await payoutAndExport(pgCtx, month, join(root, 'pain-pg.xml'));
        add('pgPayoutRunMs', pgPay.tRun);
        add('pgExportMs', pgPay.tExport);
        add('pgPayoutTotalMs', pgPay.tRun + pgPay.tExport);
        add('pgPayoutTotalCpuMs', pgPay.cpu);
        phase('PostgreSQL: audit verify');
        const [pv, tPgVerify, cPgVerify] = await timeCpu(() => verifyAuditChainDb(pgCtx.db));
        if (!pv.ok) throw new Error(`Audit chain on the server broken: ${pv.reason}`);
        add('pgAuditVerifyMs', tPgVerify);
        add('pgAuditVerifyCpuMs', cPgVerify);
        once.pgAuditRows = pv.checked;
      }
    }
    await pgSide?.close();
    pgSide = null;

    // 6. Once: unlock without the KDF (open with the raw key, prove it, check the schema).
    await core.close();
    const { dataKey } = await core.vault.unlock('admin', 'benchmark-lösenord');
    once.unlockMs = (
      await time(async () => {
        const raw = openEncryptedDatabase(core.databaseFile, dataKey);
        await migrate(createKysely(raw));
        raw.prepare('SELECT count(*) FROM users').get();
        raw.close();
      })
    )[1];

    // 7. Once: import of a 5 000-row xlsx.
    await core.login('admin', 'benchmark-lösenord');
    ctx = core.serviceContext();
    const book = await importWorkbook(Math.round(5000 * opt.scale));
    const [imported, tImport] = await time(() =>
      commitImport(ctx, {
        kind: 'contact_persons',
        fileName: 'import.xlsx',
        dataBase64: book.toString('base64'),
        mapping: {},
        excludeRows: [],
      }),
    );
    once.importMs = tImport;
    once.importRows = imported.imported;
    await core.close();
  } finally {
    for (const close of closers) await close().catch(() => {});
    rmSync(root, { recursive: true, force: true });
  }

  const figures: Record<string, Figure> = {};
  for (const [k, xs] of Object.entries(samples)) figures[k] = stats(xs);
  const history: HistoryEntry[] = existsSync(HISTORY)
    ? readFileSync(HISTORY, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as HistoryEntry)
    : [];
  const previous = [...history].reverse().find((h) => h.scale === opt.scale);
  const entry: HistoryEntry = {
    at: systemClock.now().toISOString(),
    commit: gitCommit(),
    machine,
    loadAverage: Number(loadavg()[0]?.toFixed(2)),
    loadAverageStart: loadAtStart,
    scale: opt.scale,
    runs: opt.runs,
    figures,
    once,
    verdicts: {},
    pgColumn: pgNote,
  };

  const fmt = (k: string, f: Figure) =>
    k.endsWith('Ratio')
      ? `${f.median.toFixed(2)}× [${f.min.toFixed(2)}–${f.max.toFixed(2)}]`
      : `${f.median.toFixed(k.startsWith('search') ? 1 : 0)} ms [${f.min.toFixed(k.startsWith('search') ? 1 : 0)}–${f.max.toFixed(k.startsWith('search') ? 1 : 0)}]`;
  const rows: Array<[string, string]> = [
    ['encPlainRatio', 'Encrypted / unencrypted, same workload and settings'],
    ['encMs', '  encrypted workload'],
    ['plainMs', '  unencrypted workload'],
    ['kyselyHotRatio', 'Kysely compiled once / raw statement (20 000 lookups)'],
    ['kyselyHotMs', '  Kysely compiled once, the 20 000 lookups'],
    ['kyselyBuiltRatio', 'Kysely built per call / raw statement'],
    ['searchP50Ms', 'Search p50 (300 queries via the service)'],
    ['searchP95Ms', 'Search p95'],
    ['payoutRunMs', `Payout run, ${SIZE.people} payees`],
    ['exportMs', `pain.001 export incl. XSD (${((once.painBytes ?? 0) / 2 ** 20).toFixed(1)} MB)`],
    ['payoutTotalMs', 'Payout run + export'],
    ['payoutTotalCpuMs', '  CPU time of it (all threads, incl. XSD workers)'],
    ['auditVerifyMs', `Audit chain verify (${once.auditRows ?? 0} rows)`],
    ['auditVerifyCpuMs', '  CPU time of it (all threads, incl. verify workers)'],
  ];
  console.log(
    `${'Figure'.padEnd(56)} ${'median [min–max]'.padEnd(26)} ${'target'.padEnd(10)} ${'verdict'.padEnd(8)} vs previous`,
  );
  let failed = false;
  for (const [k, label] of rows) {
    const f = figures[k];
    if (!f) continue;
    const target = TARGETS[k];
    const verdict = target ? judge(target, f.median, opt.scale) : '';
    if (verdict) entry.verdicts[k] = verdict;
    if (verdict === 'FAIL') failed = true;
    const change = compareToPrevious(previous?.figures[k], f);
    console.log(
      `${label.padEnd(56)} ${fmt(k, f).padEnd(26)} ${(target?.label ?? '').padEnd(10)} ${verdict.padEnd(8)} ${change}`,
    );
  }
  printPgColumn(figures, previous, pgNote, once);
  console.log(
    `\nOnce: generate ${once.generateMs?.toFixed(0)} ms; unlock without KDF ${once.unlockMs?.toFixed(0)} ms; import xlsx ${once.importRows} rows ${once.importMs?.toFixed(0)} ms.`,
  );
  console.log(
    previous
      ? `Compared with ${previous.at} (${previous.commit.slice(0, 9)}, load ${previous.loadAverage}).`
      : 'No earlier entry at this scale in the history.',
  );
  if (opt.history) {
    appendFileSync(HISTORY, `${JSON.stringify(entry)}\n`);
    console.log(`Appended to ${HISTORY}.`);
  }
  console.log(
    'Wall time is what the targets judge; on a busy machine it includes waiting for a core, which CPU time does not.',
  );
  console.log(`Load average at the end ${loadavg()[0]?.toFixed(1)} (figures swing with other work on the machine).`);
  if (failed && opt.strict) process.exitCode = 1;
}

function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
    return dirty ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 2;
});

/**
 * SQLite and PostgreSQL side by side for the figures both measure, median [min–max], and the server's
 * median as a multiple of the local one. Informative only: the targets are judged on SQLite.
 */
function printPgColumn(
  figures: Record<string, Figure>,
  previous: HistoryEntry | undefined,
  note: string,
  once: Record<string, number>,
) {
  console.log(`\nPostgreSQL column (${note})`);
  if (!figures.pgKyselyHotMs) return;
  const ms = (f: Figure, d = 0) => `${f.median.toFixed(d)} ms [${f.min.toFixed(d)}–${f.max.toFixed(d)}]`;
  const pairs: Array<[string, string, string, number]> = [
    ['Kysely hot lookups, 20 000 by id (compiled once)', 'kyselyHotMs', 'pgKyselyHotMs', 0],
    ['Search p50 (300 queries via the service)', 'searchP50Ms', 'pgSearchP50Ms', 1],
    ['Search p95', 'searchP95Ms', 'pgSearchP95Ms', 1],
    ['Payout run', 'payoutRunMs', 'pgPayoutRunMs', 0],
    ['pain.001 export incl. XSD', 'exportMs', 'pgExportMs', 0],
    ['Payout run + export', 'payoutTotalMs', 'pgPayoutTotalMs', 0],
    ['  CPU time of it (this process, all threads)', 'payoutTotalCpuMs', 'pgPayoutTotalCpuMs', 0],
    [`Audit chain verify (${once.pgAuditRows ?? 0} rows on the server)`, 'auditVerifyMs', 'pgAuditVerifyMs', 0],
    ['  CPU time of it (this process)', 'auditVerifyCpuMs', 'pgAuditVerifyCpuMs', 0],
  ];
  console.log(
    `${'Figure'.padEnd(56)} ${'SQLite (encrypted file)'.padEnd(26)} ${'PostgreSQL'.padEnd(26)} ${'PG/SQLite'.padEnd(10)} PG vs previous`,
  );
  for (const [label, local, server, d] of pairs) {
    const a = figures[local];
    const b = figures[server];
    if (!a || !b) continue;
    console.log(
      `${label.padEnd(56)} ${ms(a, d).padEnd(26)} ${ms(b, d).padEnd(26)} ${`${(b.median / a.median).toFixed(2)}×`.padEnd(10)} ${compareToPrevious(previous?.figures[server], b)}`,
    );
  }
  console.log(
    `Copy of the local database to the server (copyLocalToServer, verified): ${once.pgCopyMs?.toFixed(0) ?? '?'} ms. The server runs on this machine, so its CPU time is not in "CPU time of it".`,
  );
}
