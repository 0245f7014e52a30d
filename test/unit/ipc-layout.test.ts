import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/ipc/contract';

/**
 * Procedures and handlers are found by name: `followUps.record` is declared in
 * shared/ipc/procedures/follow-ups.ts and handled in electron/ipc/handlers/follow-ups.ts.
 */
const root = join(__dirname, '..', '..');
const kebab = (prefix: string) => prefix.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Each module's exported name -> function/definition maps whose keys look like procedure names. */
async function namesByFile(dir: string, isEntry: (v: unknown) => boolean): Promise<Map<string, string[][]>> {
  const out = new Map<string, string[][]>();
  const files = readdirSync(join(root, dir)).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts',
  );
  for (const file of files) {
    const mod = (await import(join(root, dir, file))) as Record<string, unknown>;
    const maps = Object.values(mod).filter(
      (v): v is Record<string, unknown> =>
        typeof v === 'object' && v !== null && Object.keys(v).length > 0 && Object.values(v).every(isEntry),
    );
    out.set(
      basename(file, '.ts'),
      maps.map((m) => Object.keys(m)),
    );
  }
  return out;
}

function misplaced(byFile: Map<string, string[][]>): string[] {
  const wrong: string[] = [];
  for (const [file, maps] of byFile) {
    for (const name of maps.flat()) {
      const prefix = name.split('.')[0] ?? '';
      if (kebab(prefix) !== file) wrong.push(`${name} in ${file}.ts`);
    }
  }
  return wrong;
}

const isProcedure = (v: unknown) =>
  typeof v === 'object' && v !== null && 'access' in v && 'input' in v && 'output' in v;

describe('IPC layout: one file per name prefix', () => {
  it('kebab-cases a prefix the way the file names are written', () => {
    expect([kebab('followUps'), kebab('cp'), kebab('reports')]).toEqual(['follow-ups', 'cp', 'reports']);
  });

  it('declares every procedure in the file named by its prefix, once, and nothing outside the contract', async () => {
    const byFile = await namesByFile('shared/ipc/procedures', isProcedure);
    expect(misplaced(byFile)).toEqual([]);
    for (const [file, maps] of byFile) expect({ file, maps: maps.length }).toEqual({ file, maps: 1 });
    const declared = [...byFile.values()].flat(2);
    expect(declared.length).toBe(new Set(declared).size);
    expect([...declared].sort()).toEqual(Object.keys(contract).sort());
  });

  it('handles every procedure in the handler file named by its prefix, once', async () => {
    const byFile = await namesByFile('electron/ipc/handlers', (v) => typeof v === 'function');
    expect(misplaced(byFile)).toEqual([]);
    for (const [file, maps] of byFile) expect({ file, maps: maps.length }).toEqual({ file, maps: 1 });
    const handled = [...byFile.values()].flat(2);
    expect(handled.length).toBe(new Set(handled).size);
    expect([...handled].sort()).toEqual(Object.keys(contract).sort());
    // Every handler file is a prefix of the contract (no stray or leftover files).
    const prefixes = new Set(Object.keys(contract).map((n) => kebab(n.split('.')[0] ?? '')));
    expect([...byFile.keys()].filter((f) => !prefixes.has(f))).toEqual([]);
  });

  it('reports a procedure filed under another prefix', () => {
    const byFile = new Map([['payouts', [['payouts.list', 'reports.month']]]]);
    expect(misplaced(byFile)).toEqual(['reports.month in payouts.ts']);
  });
});
