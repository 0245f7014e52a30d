import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeReadyCore, tempDir } from '../../test/helpers/core';
import { cpInput } from '../../test/helpers/people';
import { ok } from '../../test/helpers/cases';
import { mergeText, templateProblems, MERGE_FIELDS, type MergeValues } from '../../shared/documents/merge';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir('kpr-low-')));
afterEach(() => t.cleanup());

const mode = (p: string) => statSync(p).mode & 0o777;

describe('low findings', () => {
  it.runIf(process.platform !== 'win32')(
    'database, WAL/SHM, vault, backups and exports are owner-only (0600 files, 0700 folders)',
    async () => {
      const dataDir = join(t.dir, 'data');
      mkdirSync(dataDir, { mode: 0o755 });
      chmodSync(dataDir, 0o755);
      const made = await makeReadyCore(dataDir);
      await ok(made.invoke('cp.create', cpInput({})));
      expect(readdirSync(dataDir)).toEqual(
        expect.arrayContaining([
          'kontaktregistret.db',
          'kontaktregistret.db-wal',
          'kontaktregistret.db-shm',
          'vault.json',
        ]),
      );
      expect(mode(dataDir)).toBe(0o700);
      for (const f of readdirSync(dataDir)) expect([f, mode(join(dataDir, f))]).toEqual([f, 0o600]);
      const folder = join(t.dir, 'backups');
      mkdirSync(folder);
      await ok(made.invoke('backup.saveSettings', { folder, automatic: false, keepDays: 7 }));
      const { path } = await ok<{ path: string }>(made.invoke('backup.create', {}));
      expect(mode(path)).toBe(0o700);
      for (const f of readdirSync(path)) expect([f, mode(join(path, f))]).toEqual([f, 0o600]);
      const { savedTo } = await ok<{ savedTo: string }>(
        made.invoke('audit.export', { personnummer: '', actionPrefix: '' }),
      );
      expect(mode(savedTo)).toBe(0o600);
      expect(mode(join(savedTo, '..'))).toBe(0o700);
    },
  );

  it('template fields are looked up as own properties: {{constructor}} and {{toString}} are unknown', () => {
    expect(templateProblems([{ heading: 'A', text: '{{constructor}} {{toString}} {{__proto__}}' }])).toEqual([
      'Stycke 1: okänt kopplingsfält {{constructor}}.',
      'Stycke 1: okänt kopplingsfält {{toString}}.',
      'Stycke 1: okänt kopplingsfält {{__proto__}}.',
    ]);
    const values = Object.fromEntries(Object.keys(MERGE_FIELDS).map((k) => [k, 'x'])) as MergeValues;
    expect(mergeText('{{constructor}} {{toString}}', values)).toBe('{{constructor}} {{toString}}');
  });

  it('a rekey zeroes the old data key held in memory, and locking zeroes the current one', async () => {
    const made = await makeReadyCore(t.dir);
    await ok(
      made.invoke('users.create', {
        username: 'bo',
        displayName: 'Bo',
        roles: ['handlaggare'],
        password: 'blå-cykel-regnar-4',
      }),
    );
    const before = made.core.requireSession().dataKey;
    expect(before.some((b) => b !== 0)).toBe(true);
    await ok(made.invoke('users.resetPassword', { id: 2, newPassword: 'tillfälligt-Grönt-äpple-3' }));
    expect(before.every((b) => b === 0)).toBe(true);
    const current = made.core.requireSession().dataKey;
    await made.core.lock();
    expect(current.every((b) => b === 0)).toBe(true);
    await made.core.login(ADMIN.username, ADMIN.password);
  });

  it('a restore leaves a trace in the restored database', async () => {
    const made = await makeReadyCore(join(t.dir, 'data'));
    const folder = join(t.dir, 'backups');
    mkdirSync(folder);
    await ok(made.invoke('backup.saveSettings', { folder, automatic: false, keepDays: 7 }));
    const { path } = await ok<{ path: string }>(made.invoke('backup.create', {}));
    writeFileSync(join(t.dir, 'marker'), '');
    await ok(made.invoke('backup.restore', { path, password: ADMIN.password }));
    await made.core.login(ADMIN.username, ADMIN.password);
    const rows = made.core
      .serviceContext()
      .raw.prepare("SELECT user_id, detail FROM audit_log WHERE action = 'backup.restore'")
      .all() as Array<{ user_id: number; detail: string }>;
    expect(rows).toEqual([
      { user_id: 1, detail: expect.stringMatching(/^återställd från kopia 2026-11-22T09:00:00.000Z/) },
    ]);
  });
});
