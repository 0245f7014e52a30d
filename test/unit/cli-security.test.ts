import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppCore } from '../../electron/core/app-core';
import { TEST_SCRYPT } from '../../electron/vault/kdf';
import { createRouter } from '../../electron/ipc/router';
import { handlers } from '../../electron/ipc/handlers/index';
import { ManualClock } from '../../electron/core/clock';
import { tempDir } from '../helpers/core';
import { cpInput } from '../helpers/people';
import { ok } from '../helpers/cases';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function cli(args: string[], password: string) {
  const env: Record<string, string | undefined> = { ...process.env, KPR_PASSWORD: password };
  const r = spawnSync(tsx, [join(root, 'electron', 'cli', 'main.ts'), ...args], {
    encoding: 'utf8',
    env,
    input: '',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir('kpr-cli-sec-')));
afterEach(() => t.cleanup());

const ADA = 'morgonens-långa-fras-7';
const ATTE = 'pennan-stämplar-blått-7';

describe('CLI: password policy and roles', () => {
  it('init refuses a weak password', () => {
    expect(cli(['init', '--data', t.dir, '--user', 'ada'], 'a')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/minst 12 tecken/),
    });
    expect(cli(['init', '--data', t.dir, '--user', 'ada'], 'ada123456789')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/användarnamnet/),
    });
    expect(cli(['init', '--data', t.dir, '--user', 'ada'], 'aaaaaaaaaaaa')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/för lätt att gissa/),
    });
  });

  it('commands check roles; a temporary password is refused; seed-demo only goes into an empty register', async () => {
    const core = new AppCore({ dataDir: t.dir, clock: new ManualClock('2026-11-22T09:00:00Z'), kdf: TEST_SCRYPT });
    const inv = createRouter(core, handlers);
    await core.setup({ username: 'ada', displayName: 'Ada', password: ADA, unitName: 'Test' });
    await core.login('ada', ADA);
    await ok(inv('users.create', { username: 'atte', displayName: 'Atte', roles: ['attestant'], password: ATTE }));
    await core.logout();
    expect(cli(['status', '--data', t.dir, '--user', 'atte'], ATTE)).toMatchObject({
      code: 2,
      err: expect.stringMatching(/tillfälliga lösenord/),
    });
    await core.login('atte', ATTE);
    await ok(inv('session.changePassword', { currentPassword: ATTE, newPassword: 'egen-penna-blått-9' }));
    await core.logout();

    const backups = join(t.dir, '..', `${t.dir.split('/').pop()}-export`);
    expect(cli(['backup', '--data', t.dir, '--user', 'atte', '--to', backups], 'egen-penna-blått-9')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/kräver rollen administratör/),
    });
    expect(cli(['seed-demo', '--data', t.dir, '--user', 'atte'], 'egen-penna-blått-9')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/kräver rollen administratör/),
    });
    expect(cli(['verify-audit', '--data', t.dir, '--user', 'atte'], 'egen-penna-blått-9')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/kräver rollen/),
    });

    await core.login('ada', ADA);
    await ok(inv('cp.create', cpInput({})));
    await core.logout();
    expect(cli(['seed-demo', '--data', t.dir, '--user', 'ada'], ADA)).toMatchObject({
      code: 2,
      err: expect.stringMatching(/bara i ett tomt register/),
    });
    await core.login('ada', ADA);
    expect(
      (core.serviceContext().raw.prepare('SELECT count(*) AS n FROM contact_persons').get() as { n: number }).n,
    ).toBe(1);
    await core.close();
  }, 120_000);
});
