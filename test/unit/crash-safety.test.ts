import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../electron/db/open';
import { verifyAuditChain } from '../../electron/audit/verify';
import { tempDir } from '../helpers/core';

let t: ReturnType<typeof tempDir>;
let writer: string;
beforeAll(async () => {
  t = tempDir('kpr-crash-');
  writer = join(t.dir, 'writer.cjs');
  // Bundled once so each of the 100 rounds starts in plain Node quickly.
  await build({
    entryPoints: [join(import.meta.dirname, '..', 'crash', 'writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: writer,
    external: ['better-sqlite3-multiple-ciphers'],
    nodePaths: [join(import.meta.dirname, '..', '..', 'node_modules')],
    logLevel: 'silent',
  });
});
afterAll(() => t.cleanup());

function runAndKill(db: string, key: string, killAfterMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer], {
      env: {
        ...process.env,
        CRASH_DB: db,
        CRASH_KEY: key,
        NODE_PATH: join(import.meta.dirname, '..', '..', 'node_modules'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!timer && out.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited by itself: ${err}`));
      // Only lines completed before the kill count as reported.
      const lines = out
        .split('\n')
        .slice(0, -1)
        .filter((l) => /^\d+$/.test(l));
      resolve(lines.map(Number));
    });
  });
}

describe('crash safety', () => {
  it('after 100 SIGKILLs at random points: the database opens, is intact, and holds every reported commit', async () => {
    const db = join(t.dir, 'crash.db');
    const key = randomBytes(32);
    let reportedTotal = 0;
    for (let round = 0; round < 100; round++) {
      const reported = await runAndKill(db, key.toString('hex'), 5 + Math.floor(Math.random() * 120));
      reportedTotal += reported.length;
      const raw = openEncryptedDatabase(db, key);
      try {
        expect(raw.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
        const missing = reported.filter((id) => !raw.prepare('SELECT 1 FROM crash_rows WHERE id = ?').get(id));
        expect(missing, `round ${round}`).toEqual([]);
        // Every committed row has its audit row, and the chain has no gap.
        const rows = (raw.prepare('SELECT count(*) AS n FROM crash_rows').get() as { n: number }).n;
        const audits = (
          raw.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'crash.write'").get() as { n: number }
        ).n;
        expect(audits).toBe(rows);
        expect(verifyAuditChain(raw).ok, `round ${round}`).toBe(true);
      } finally {
        raw.close();
      }
    }
    expect(reportedTotal).toBeGreaterThan(100);
  }, 300_000);
});
