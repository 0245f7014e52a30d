import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The samples are linted under paths that do not exist, which the type-aware project service refuses
// to parse; these tests are about the import and clock bans, so type information is switched off.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('architecture lint rules', () => {
  it('bans raw ipcMain outside the bridge', async () => {
    expect(
      await ruleIds(
        "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);\n",
        'electron/services/sneaky.ts',
      ),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);\n",
        'electron/shell/ipc-bridge.ts',
      ),
    ).not.toContain('no-restricted-imports');
  });

  it('bans ipcRenderer and Node in the renderer', async () => {
    expect(
      await ruleIds("import { ipcRenderer } from 'electron';\nipcRenderer.send('x');\n", 'renderer/screens/Sneaky.tsx'),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds("import { readFileSync } from 'node:fs';\nreadFileSync('x');\n", 'renderer/screens/Sneaky.tsx'),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        "import { AppCore } from '../../electron/core/app-core';\nnew AppCore({ dataDir: '' });\n",
        'renderer/screens/Sneaky.tsx',
      ),
    ).toContain('no-restricted-imports');
  });

  it('keeps shared/ pure', async () => {
    expect(
      await ruleIds("import { createHash } from 'node:crypto';\ncreateHash('sha256');\n", 'shared/sneaky.ts'),
    ).toContain('no-restricted-imports');
    expect(await ruleIds("import { z } from 'zod';\nz.string();\n", 'shared/fine.ts')).toEqual([]);
  });
});

// The offending samples are assembled as text here, so no file of the project (this one included)
// contains a wall-clock read: they are only ever linted, never run.
const D = 'Date';
const SAMPLE = {
  now: `export const t = ${D}.now();\n`,
  newDate: `export const d = new ${D}();\n`,
  clockModule: `export const now = () => new ${D}();\n`,
};

describe('the wall clock is read only in the clock module', () => {
  it('bans reading the wall clock in services, renderer, shared and tests', async () => {
    for (const file of [
      'electron/services/sneaky.ts',
      'renderer/screens/Sneaky.tsx',
      'test/unit/sneaky.test.ts',
      'shared/sneaky.ts',
    ]) {
      expect(await ruleIds(SAMPLE.now, file)).toContain('no-restricted-syntax');
      expect(await ruleIds(SAMPLE.newDate, file)).toContain('no-restricted-syntax');
    }
  });
  it('allows a date built from a value, and the clock module itself', async () => {
    expect(await ruleIds("export const d = new Date('2026-11-22T09:00:00Z');\n", 'electron/services/fine.ts')).toEqual(
      [],
    );
    expect(await ruleIds('export const t = performance.now();\n', 'renderer/screens/Fine.tsx')).toEqual([]);
    expect(await ruleIds(SAMPLE.clockModule, 'electron/core/clock.ts')).toEqual([]);
  });
});
