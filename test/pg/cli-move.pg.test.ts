import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';
import { emptyPgConfig, pgTestEnv } from '../helpers/pg-db';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

/** The CLI as a separate process (no test/pg/setup.ts there: it finds its data source in the vault). */
function cli(args: string[], opts: { env?: Record<string, string>; stdin?: string } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, KPR_NOW: '2026-11-10T09:00:00Z', ...opts.env };
  if (!opts.env?.KPR_PASSWORD) delete env.KPR_PASSWORD;
  delete env.KPR_DB_PASSWORD;
  const r = spawnSync(tsx, [join(root, 'electron', 'cli', 'main.ts'), ...args], {
    encoding: 'utf8',
    env,
    input: opts.stdin ?? '',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir('kpr-cli-move-')));
afterEach(() => t.cleanup());

describe('CLI move-to-server', { timeout: 300_000 }, () => {
  it('moves the local database with the passwords from stdin; afterwards the CLI works on the server', async () => {
    const config = await emptyPgConfig();
    const data = join(t.dir, 'data');
    const pw = 'cli-lösenord-1234';
    expect(cli(['init', '--data', data, '--user', 'ada'], { env: { KPR_PASSWORD: pw } }).code).toBe(0);
    const ca = join(t.dir, 'server.pem');
    writeFileSync(ca, pgTestEnv().serverCertPem);
    const args = ['--host', 'localhost', '--port', String(config.port), '--database', config.database];
    const move = cli(
      ['move-to-server', '--data', data, '--user', 'ada', ...args, '--db-user', config.user, '--ca', ca],
      {
        stdin: `${pw}\n${config.password}\n`,
      },
    );
    expect(move).toMatchObject({ code: 0, out: expect.stringMatching(/^Flytten är klar: \d+ rader i \d+ tabeller/) });
    expect(move.out).toMatch(
      /Den lokala databasen finns kvar, skrivskyddad: .*kontaktregistret-flyttad-till-server-2026-11-10\.db/,
    );
    expect(existsSync(join(data, 'kontaktregistret.db'))).toBe(false);

    const status = cli(['status', '--data', data, '--user', 'ada'], { env: { KPR_PASSWORD: pw } });
    expect(status).toMatchObject({ code: 0 });
    expect(status.out).toMatch(new RegExp(`Databasserver: ${config.database} på localhost:${config.port}`));
    expect(status.out).toMatch(/users: 1/);
    expect(cli(['verify-audit', '--data', data, '--user', 'ada'], { env: { KPR_PASSWORD: pw } })).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Loggkedjan är hel/),
    });
  });
});
