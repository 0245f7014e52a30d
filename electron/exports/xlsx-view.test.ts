import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../seed/demo';
import { makeReadyCore, tempDir } from '../../test/helpers/core';
import { ok } from '../../test/helpers/cases';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

async function sheet(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describe('"Exportera till Excel" exports what the list shows', () => {
  it('keeps the search, the status filter and the sort of the screen', async () => {
    const made = await makeReadyCore(t.dir);
    await seedDemo(made.core.serviceContext(), { seed: 2 });
    const inv = made.invoke;
    const all = await sheet((await ok<{ savedTo: string }>(inv('export.xlsx', { list: 'kontaktpersoner' }))).savedTo);

    // Status filter + sort by name, descending: exactly the approved ones, Ö before A.
    const approved = all.slice(1).filter((r) => r[2] === 'Godkänd (i kö)');
    expect(approved.length).toBeGreaterThan(3);
    const r1 = await ok<{ savedTo: string; rows: number }>(
      inv('export.xlsx', {
        list: 'kontaktpersoner',
        view: { statuses: ['godkand'], sort: { column: 'Namn', descending: true } },
      }),
    );
    const got = await sheet(r1.savedTo);
    expect(r1.rows).toBe(approved.length);
    const collator = new Intl.Collator('sv', { numeric: true, sensitivity: 'base' });
    expect(got.slice(1).map((r) => r[0])).toEqual(approved.map((r) => r[0]).sort((a, b) => collator.compare(b!, a!)));

    // A search on Uppdrag ("Efternamn, Förnamn" as in the person list): only rows naming that person.
    const someone = all.slice(1).find((r) => r[2] === 'I uppdrag')![0];
    const [last, first] = someone!.split(', ');
    const r2 = await ok<{ savedTo: string; rows: number }>(
      inv('export.xlsx', { list: 'uppdrag', view: { query: someone, sort: { column: 'Start', descending: false } } }),
    );
    const assignments = await sheet(r2.savedTo);
    expect(r2.rows).toBeGreaterThanOrEqual(1);
    expect(assignments.slice(1).every((r) => r[1] === `${first} ${last}`)).toBe(true);

    // An unknown column is refused in Swedish.
    expect(
      await inv('export.xlsx', { list: 'brukare', view: { sort: { column: 'Skostorlek', descending: false } } }),
    ).toMatchObject({ ok: false, error: { message: 'Listan har ingen kolumn som heter ”Skostorlek”.' } });
  });
});
