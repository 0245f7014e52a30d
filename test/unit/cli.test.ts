import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function cli(args: string[], opts: { password?: string; stdin?: string; env?: Record<string, string> } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, KPR_PASSWORD: opts.password, ...opts.env };
  if (!opts.password) delete env.KPR_PASSWORD;
  const r = spawnSync(tsx, [join(root, 'electron', 'cli', 'main.ts'), ...args], { encoding: 'utf8', env, input: opts.stdin ?? '', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir('kpr-cli-')));
afterEach(() => t.cleanup());

describe('CLI', () => {
  it('init, seed-demo, status and verify-audit over the same core', () => {
    const pw = 'cli-lösenord-1234';
    const init = cli(['init', '--data', t.dir, '--user', 'ada', '--unit', 'Provköping'], { password: pw });
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/Återställningsnyckel .*: ([0-9A-Z]{4}-){7}[0-9A-Z]{4}/);
    expect(cli(['init', '--data', t.dir], { password: pw })).toMatchObject({ code: 2, err: expect.stringMatching(/redan installerat/) });

    const seed = cli(['seed-demo', '--data', t.dir, '--user', 'ada'], { stdin: `${pw}\n` });
    expect(seed).toMatchObject({ code: 0, out: expect.stringMatching(/60 kontaktpersoner/) });

    const status = cli(['status', '--user', 'ada'], { password: pw, env: { KPR_DATA: t.dir } });
    expect(status.code).toBe(0);
    expect(status.out).toMatch(/contact_persons: 60/);

    expect(cli(['verify-audit', '--data', t.dir, '--user', 'ada'], { password: pw })).toMatchObject({ code: 0, out: expect.stringMatching(/Loggkedjan är hel/) });
    expect(cli(['verify-audit', '--data', t.dir, '--user', 'ada'], { password: 'fel-lösenord-xyz' })).toMatchObject({ code: 2, err: expect.stringMatching(/Fel användarnamn eller lösenord/) });
  });

  it('needs a data folder and a known command', () => {
    expect(cli(['status'])).toMatchObject({ code: 2, err: expect.stringMatching(/--data DIR eller miljövariabeln KPR_DATA/) });
    expect(cli(['nonsense', '--data', t.dir])).toMatchObject({ code: 2, err: expect.stringMatching(/Användning/) });
  });
});
