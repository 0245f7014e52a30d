import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReadyCore, tempDir } from '../../test/helpers/core';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('Logg filter', () => {
  it('refuses a bad date with a message on that field (Logg marks it there)', async () => {
    const { invoke } = await makeReadyCore(t.dir);
    const r = await invoke('audit.list', { from: '2026-13-01', limit: 10 });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { from: expect.any(String) } } });
  });
});
