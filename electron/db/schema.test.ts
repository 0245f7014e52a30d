import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/core';
import { migrate } from './migrate';
import { createKysely, openEncryptedDatabase } from './open';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

/** Table -> sorted column names, as schema.ts declares them (read with the TypeScript parser). */
function declaredTables(): Record<string, string[]> {
  const file = join(__dirname, 'schema.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  source.forEachChild((n) => {
    if (ts.isInterfaceDeclaration(n)) interfaces.set(n.name.text, n);
  });
  const names = (i: ts.InterfaceDeclaration) =>
    i.members.filter(ts.isPropertySignature).map((m) => m.name.getText(source));
  const db = interfaces.get('DB');
  if (!db) throw new Error('schema.ts has no interface DB');
  const out: Record<string, string[]> = {};
  for (const m of db.members.filter(ts.isPropertySignature)) {
    const typeName = m.type?.getText(source) ?? '';
    const table = interfaces.get(typeName);
    if (!table)
      throw new Error(`DB.${m.name.getText(source)} names ${typeName}, which is not an interface in schema.ts`);
    out[m.name.getText(source)] = names(table).sort();
  }
  return out;
}

describe('schema.ts', () => {
  it('declares exactly the tables and columns of the migrated database', async () => {
    const raw = openEncryptedDatabase(join(t.dir, 's.db'), randomBytes(32));
    await migrate(createKysely(raw));
    const tables = raw
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'schema_migrations%' ORDER BY name",
      )
      .all() as Array<{ name: string }>;
    const migrated: Record<string, string[]> = {};
    for (const { name } of tables) {
      migrated[name] = (raw.prepare(`PRAGMA table_info(${name})`).all() as Array<{ name: string }>)
        .map((c) => c.name)
        .sort();
    }
    raw.close();
    // A column added in a migration but not in schema.ts (or the reverse) shows up here by name.
    expect(declaredTables()).toEqual(migrated);
  });
});
