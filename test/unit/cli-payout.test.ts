import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';
import { ManualClock } from '../../electron/core/clock';
import { validateAgainstXsd } from '../../electron/exports/validate-xml';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const NOW = '2026-11-22T09:00:00Z';

/** The CLI at a fixed time (KPR_NOW), so the months and pay dates below never depend on the wall clock. */
function cli(args: string[], password: string, env: Record<string, string> = {}) {
  const r = spawnSync(tsx, [join(root, 'electron', 'cli', 'main.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, KPR_PASSWORD: password, KPR_NOW: NOW, ...env },
    input: '',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir('kpr-clipay-')));
afterEach(() => t.cleanup());

describe('CLI payouts end to end (issue 13)', () => {
  it('seed-demo leaves one attested, exported month; payout run --pay-date, attest as a second user, export; another format is refused', async () => {
    const pw = 'cli-lösenord-1234';
    expect(cli(['init', '--data', t.dir], pw).code).toBe(0);
    expect(cli(['seed-demo', '--data', t.dir], pw)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/1 attesterade och exporterade utbetalningar/),
    });
    // September 2026 was paid by the seed: its file exists (a second export needs a reason).
    expect(
      cli(
        [
          'payout',
          'export',
          '--data',
          t.dir,
          '--month',
          '2026-09',
          '--format',
          'pain001',
          '--out',
          join(t.dir, 'sep.xml'),
        ],
        pw,
      ),
    ).toMatchObject({ code: 2, err: expect.stringMatching(/redan exporterats/) });
    const sep = cli(
      [
        'payout',
        'export',
        '--data',
        t.dir,
        '--month',
        '2026-09',
        '--format',
        'pain001',
        '--out',
        join(t.dir, 'sep.xml'),
        '--reason',
        'Kopia till revisorn',
      ],
      pw,
    );
    expect(sep.code).toBe(0);
    expect(readFileSync(join(t.dir, 'sep.xml'), 'utf8')).toContain('<ReqdExctnDt>2026-10-23</ReqdExctnDt>');

    expect(cli(['payout', 'run', '--data', t.dir, '--month', '2026-10', '--pay-date', '2026-11-28'], pw)).toMatchObject(
      { code: 2, err: expect.stringMatching(/inte en bankdag/) },
    );
    expect(cli(['payout', 'run', '--data', t.dir, '--month', '2026-10', '--pay-date', '24/11'], pw)).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--pay-date som ÅÅÅÅ-MM-DD/),
    });
    const run = cli(['payout', 'run', '--data', t.dir, '--month', '2026-10', '--pay-date', '2026-11-24'], pw);
    expect(run).toMatchObject({
      code: 0,
      out: expect.stringMatching(
        /Utbetalning \d+ \(ordinarie, utkast\) för 2026-10: \d+ rader, netto .*kr, utbetalningsdag 2026-11-24/,
      ),
    });

    // Table tax and a second user (the admin approved the reports), in-process like the app would.
    const { AppCore } = await import('../../electron/core/app-core');
    const { createRouter } = await import('../../electron/ipc/router');
    const { handlers } = await import('../../electron/ipc/handlers/index');
    const core = new AppCore({ dataDir: t.dir, clock: new ManualClock(NOW) });
    const inv = createRouter(core, handlers);
    expect(await inv('session.login', { username: 'admin', password: pw })).toMatchObject({ ok: true });
    expect(
      (
        await inv('users.create', {
          username: 'atte',
          displayName: 'Atte',
          roles: ['attestant'],
          password: 'pennan-stämplar-blått-7',
        })
      ).ok,
    ).toBe(true);
    const list = (await inv('payouts.list', { month: '2026-10' })) as {
      value: Array<{ lines: Array<{ id: number; taxOre: number | null; arvodeOre: number }> }>;
    };
    for (const l of list.value[0]!.lines.filter((x) => x.taxOre === null))
      expect(await inv('payouts.setTableTax', { lineId: l.id, taxOre: Math.floor(l.arvodeOre * 0.25) })).toMatchObject({
        ok: true,
      });
    // The attestant replaces the admin-set temporary password first (the CLI refuses a temporary one).
    await inv('session.logout', {});
    expect(await inv('session.login', { username: 'atte', password: 'pennan-stämplar-blått-7' })).toMatchObject({
      ok: true,
    });
    expect(
      await inv('session.changePassword', {
        currentPassword: 'pennan-stämplar-blått-7',
        newPassword: 'egen-penna-blått-9',
      }),
    ).toMatchObject({ ok: true });
    await core.close();

    expect(cli(['payout', 'attest', '--data', t.dir, '--month', '2026-10'], pw)).toMatchObject({
      code: 2,
      err: expect.stringMatching(/Tvåpersonsregeln/),
    });
    expect(
      cli(['payout', 'attest', '--data', t.dir, '--month', '2026-10', '--user', 'atte'], 'egen-penna-blått-9'),
    ).toMatchObject({ code: 0, out: expect.stringMatching(/attesterad/) });
    const out = join(t.dir, 'okt.xml');
    expect(
      cli(['payout', 'export', '--data', t.dir, '--month', '2026-10', '--format', 'paxml', '--out', out], pw),
    ).toMatchObject({ code: 2, err: expect.stringMatching(/betalas via Bankfil ISO 20022/) });
    expect(
      cli(['payout', 'export', '--data', t.dir, '--month', '2026-10', '--format', 'pain001', '--out', out], pw),
    ).toMatchObject({ code: 0, out: expect.stringContaining(`Sparad: ${out}`) });
    const xml = readFileSync(out, 'utf8');
    expect(await validateAgainstXsd(xml, 'pain.001.001.03')).toEqual({ valid: true, errors: [] });
    expect(xml).toContain('<ReqdExctnDt>2026-11-24</ReqdExctnDt>');
    expect(
      cli(
        [
          'payout',
          'export',
          '--data',
          t.dir,
          '--month',
          '2026-10',
          '--format',
          'bgc-lon',
          '--out',
          join(t.dir, 'lon.txt'),
        ],
        pw,
      ),
    ).toMatchObject({ code: 2, err: expect.stringMatching(/redan exporterad som Bankfil/) });

    // The file is out: re-dating needs the export voided first.
    expect(
      cli(
        [
          'payout',
          'redate',
          '--data',
          t.dir,
          '--month',
          '2026-10',
          '--pay-date',
          '2026-11-30',
          '--reason',
          'Sen',
          '--user',
          'atte',
        ],
        'egen-penna-blått-9',
      ),
    ).toMatchObject({ code: 2, err: expect.stringMatching(/Makulera exporten/) });
    // The bank rejected the file: the attestant voids it, re-dates, and the batch goes out once more.
    expect(
      cli(['payout', 'void', '--data', t.dir, '--month', '2026-10', '--user', 'atte'], 'egen-penna-blått-9'),
    ).toMatchObject({ code: 2, err: expect.stringMatching(/--reason/) });
    expect(
      cli(
        [
          'payout',
          'void',
          '--data',
          t.dir,
          '--month',
          '2026-10',
          '--reason',
          'Banken avvisade filen',
          '--user',
          'atte',
        ],
        'egen-penna-blått-9',
      ),
    ).toMatchObject({ code: 0, out: expect.stringMatching(/makulerad/) });
    expect(
      cli(
        [
          'payout',
          'export',
          '--data',
          t.dir,
          '--month',
          '2026-10',
          '--format',
          'pain001',
          '--out',
          join(t.dir, 'okt2.xml'),
        ],
        pw,
      ).code,
    ).toBe(0);
    expect(readFileSync(join(t.dir, 'okt2.xml'), 'utf8').match(/<MsgId>([^<]+)/)![1]).not.toBe(
      xml.match(/<MsgId>([^<]+)/)![1],
    );
    // A clock the CLI cannot read is refused.
    expect(cli(['status', '--data', t.dir], pw, { KPR_NOW: 'igår' })).toMatchObject({
      code: 2,
      err: expect.stringMatching(/KPR_NOW/),
    });
  }, 240_000);
});
