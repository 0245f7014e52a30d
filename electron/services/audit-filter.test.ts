import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/ipc/procedures/audit';
import { ok } from '../../test/helpers/cases';
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

  it('lists and exports the workstation that wrote each row', async () => {
    const { core, invoke } = await makeReadyCore(t.dir);
    const ws = core.workstation();
    const rows = await ok<AuditEntry[]>(invoke('audit.list', { limit: 500 }));
    expect(rows.map((r) => [r.action, r.workstation])).toEqual([
      ['session.login', ws],
      ['system.setup', ws],
    ]);
    const { savedTo } = await ok<{ savedTo: string }>(invoke('audit.export', {}));
    const [head, ...lines] = readFileSync(savedTo, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(head).toBe('Nr;Tid;Användare;Händelse;Objekt;Objekt-id;Detalj;Arbetsstation');
    expect(lines.map((l) => l.split(';').at(-1))).toEqual([ws, ws]);
  });
});
