import { spawn } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, makeCore, makeReadyCore, tempDir } from '../helpers/core';
import { leftovers, toSqlcipher4 } from '../helpers/legacy-scheme';
import { detectScheme } from '../../electron/db/cipher';
import { ok } from '../helpers/cases';

let t: ReturnType<typeof tempDir>;
let child: string;
let template: string;
let legacyTemplate: string;
let boId: number;
const BO = { username: 'bo', password: 'blå-cykel-regnar-4' };
const FILLER_ROWS = 40_000;
const ROUNDS = 16;
const LEGACY_ROUNDS = 8;

beforeAll(async () => {
  t = tempDir('kpr-rekey-crash-');
  child = join(t.dir, 'rekey-writer.cjs');
  await build({
    entryPoints: [join(import.meta.dirname, '..', 'crash', 'rekey-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: child,
    external: ['better-sqlite3-multiple-ciphers'],
    nodePaths: [join(import.meta.dirname, '..', '..', 'node_modules')],
    logLevel: 'silent',
    logOverride: { 'empty-import-meta': 'silent' },
  });
  // One data folder with a database big enough (about 30 MB) that a rekey takes a while, copied for every round.
  template = join(t.dir, 'template');
  const made = await makeReadyCore(template);
  boId = (await ok<{ id: number }>(made.invoke('users.create', { ...BO, displayName: 'Bo', roles: ['handlaggare'] })))
    .id;
  const raw = made.core.serviceContext().raw;
  raw.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)');
  const ins = raw.prepare('INSERT INTO filler (payload) VALUES (?)');
  raw.transaction(() => {
    for (let i = 0; i < FILLER_ROWS; i++) ins.run(`rad ${i} `.padEnd(700, 'x'));
  })();
  const key = Buffer.from(made.core.serviceContext().dataKey);
  await made.core.close();
  // The same folder as an earlier version left it: the database in SQLCipher 4, same key.
  legacyTemplate = join(t.dir, 'legacy-template');
  cpSync(template, legacyTemplate, { recursive: true });
  toSqlcipher4(join(legacyTemplate, 'kontaktregistret.db'), key);
  key.fill(0);
}, 120_000);
afterAll(() => t.cleanup());

function runAndKill(dataDir: string, killAfterMs: number, mode = 'rekey'): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child], {
      env: {
        ...process.env,
        CRASH_DATA: dataDir,
        CRASH_PASSWORD: ADMIN.password,
        CRASH_USER_ID: String(boId),
        CRASH_MODE: mode,
        NODE_PATH: join(import.meta.dirname, '..', '..', 'node_modules'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready\n') && !p.killed) {
        if (killAfterMs === 0) p.kill('SIGKILL');
        else if (killAfterMs > 0) setTimeout(() => p.kill('SIGKILL'), killAfterMs);
        else {
          // Kill as soon as the rewrite's rollback journal exists (or when the child is done without one).
          const poll = setInterval(() => {
            if (existsSync(join(dataDir, 'kontaktregistret.db-journal')) || out.includes('done')) {
              clearInterval(poll);
              p.kill('SIGKILL');
            }
          }, 1);
        }
      }
    });
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('exit', (_c, signal) =>
      signal === 'SIGKILL' ? resolve(out) : reject(new Error(`child exited by itself: ${err}`)),
    );
  });
}

function freshCopy(from: string, name: string): string {
  const dir = join(t.dir, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** After a kill: the admin logs in (which finishes or redoes what was cut off) and every row is there. */
async function loginAndCheck(dir: string, round: number) {
  const again = makeCore(dir);
  await again.core.login(ADMIN.username, ADMIN.password);
  const raw = again.core.serviceContext().raw;
  expect(raw.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
  expect((raw.prepare('SELECT count(*) AS n FROM filler').get() as { n: number }).n, `round ${round}`).toBe(
    FILLER_ROWS,
  );
  return { again, raw };
}

describe('rekey crash safety (SIGKILL)', () => {
  it('killed at random points of a deactivation rekey, the data folder always opens, is intact, and the revocation is all-or-nothing', async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const dir = freshCopy(template, `round-${round}`);
      const out = await runAndKill(dir, round === 0 ? 0 : Math.floor((round / ROUNDS) * 600 + Math.random() * 60));
      if (existsSync(join(dir, 'kontaktregistret.db-journal')))
        outcomes.add('killed mid-rekey (rollback journal left)');
      const { again, raw } = await loginAndCheck(dir, round);
      const active = (raw.prepare('SELECT active FROM users WHERE id = ?').get(boId) as { active: number }).active;
      await again.core.logout();
      const boIn = await again.core.login(BO.username, BO.password).then(
        () => true,
        () => false,
      );
      // Bo keeps access only if the rekey never began (then the deactivation did not happen either).
      if (boIn) expect(active, `round ${round}`).toBe(1);
      outcomes.add(out.includes('done') ? 'done' : boIn ? 'before' : 'during/after');
      expect(leftovers(dir)).toEqual([]);
      await again.core.close();
    }
    console.log([...outcomes].join('; '));
    expect(outcomes.size).toBeGreaterThan(1);
  }, 600_000);

  it('killed at random points of the login that rewrites a SQLCipher 4 file in AEGIS-256, the folder always opens whole', async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < LEGACY_ROUNDS; round++) {
      const dir = freshCopy(legacyTemplate, `legacy-${round}`);
      const db = join(dir, 'kontaktregistret.db');
      // Every other round is killed the moment the rewrite's journal appears; the rest at spread times.
      const at = round % 2 === 1 ? -1 : Math.floor((round / LEGACY_ROUNDS) * 1500 + Math.random() * 100);
      const out = await runAndKill(dir, at, 'login');
      const before = detectScheme(db);
      if (existsSync(`${db}-journal`)) outcomes.add('killed mid-rewrite (rollback journal left)');
      const { again } = await loginAndCheck(dir, round);
      expect(detectScheme(db), `round ${round}`).toBe('aegis-256');
      expect(leftovers(dir)).toEqual([]);
      outcomes.add(out.includes('done') ? 'done' : `killed with the file in ${before}`);
      await again.core.close();
    }
    console.log([...outcomes].join('; '));
    expect(outcomes).toContain('killed mid-rewrite (rollback journal left)');
    expect(outcomes.size).toBeGreaterThan(1);
  }, 600_000);
});
