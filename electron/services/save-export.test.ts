import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppCore } from '../core/app-core';
import { ManualClock } from '../core/clock';
import { TEST_SCRYPT } from '../vault/kdf';
import { ADMIN, tempDir } from '../../test/helpers/core';
import { saveExport } from './save-export';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('saveExport', () => {
  it('logs a file only once the user saved it; a cancelled save leaves no trace', async () => {
    const core = new AppCore({ dataDir: t.dir, clock: new ManualClock('2026-11-22T09:00:00Z'), kdf: TEST_SCRYPT });
    await core.setup(ADMIN);
    await core.login(ADMIN.username, ADMIN.password);
    const ctx = core.serviceContext();
    const exports = () => ctx.raw.prepare("SELECT detail FROM audit_log WHERE action = 'test.export'").all();
    const file = { name: 'lista.csv', content: Buffer.from('a;b\n', 'utf8') };
    const event = { action: 'test.export', entityType: 'export', detail: 'lista.csv' };
    const received: string[] = [];

    expect(await saveExport(ctx, async (name) => (received.push(name), null), file, event)).toBeNull();
    expect(exports()).toEqual([]);

    expect(await saveExport(ctx, async (name) => (received.push(name), `/tmp/val/${name}`), file, event)).toBe(
      '/tmp/val/lista.csv',
    );
    expect(exports()).toEqual([{ detail: 'lista.csv' }]);
    expect(received).toEqual(['lista.csv', 'lista.csv']);
  });
});
