import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/seed/demo';
import { makeReadyCore, tempDir } from '../helpers/core';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('no plaintext case data on disk', () => {
  it('after seeding, neither the database, its WAL nor any other file in the data folder holds a name or personnummer', async () => {
    const { core } = await makeReadyCore(t.dir);
    const ctx = core.serviceContext();
    await seedDemo(ctx, { seed: 7 });
    const people = ctx.raw.prepare('SELECT first_name, last_name, personnummer, street, phone_digits FROM contact_persons').all() as Array<Record<string, string>>;
    expect(people).toHaveLength(60);
    const needles = [...new Set(people.flatMap((p) => [p.last_name, `${p.first_name} ${p.last_name}`, p.personnummer, p.personnummer.slice(2), p.street]))];

    const scan = (when: string) => {
      const files = filesUnder(t.dir);
      expect(files.some((f) => f.endsWith('-wal')) || when === 'closed').toBe(true);
      for (const file of files) {
        const bytes = readFileSync(file);
        for (const needle of needles) {
          expect(bytes.includes(Buffer.from(needle, 'utf8')), `${when}: "${needle}" in ${file}`).toBe(false);
        }
      }
    };
    scan('open');
    await core.lock();
    scan('closed');
  });
});
