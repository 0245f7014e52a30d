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
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describe('xlsx export of lists and reports', () => {
  it('writes each list with its header and every row, and logs the export', async () => {
    const made = await makeReadyCore(t.dir);
    await seedDemo(made.core.serviceContext(), { seed: 2 });
    const cases = [
      [{ list: 'kontaktpersoner' }, 'Namn', 60],
      [{ list: 'brukare' }, 'Namn', 56], // 50 + 5 LSS/SoL clients around 2025-07-01 + 1 participant without needs assessment
      [{ list: 'uppdrag' }, 'Brukare', null],
      [{ list: 'ko' }, 'Namn', null],
      [{ list: 'uppfoljningar' }, 'Planerad', null],
      [{ list: 'ivo', quarter: { year: 2026, q: 3 } }, 'Kod', null],
    ] as const;
    for (const [input, first, count] of cases) {
      const r = await ok<{ savedTo: string; rows: number }>(made.invoke('export.xlsx', input));
      const rows = await sheet(r.savedTo);
      expect(rows[0]![0], input.list).toBe(first);
      expect(rows.length - 1, input.list).toBe(r.rows);
      if (count !== null) expect(r.rows).toBe(count);
    }
    const ivo = await sheet(
      (await ok<{ savedTo: string }>(made.invoke('export.xlsx', { list: 'ivo', quarter: { year: 2026, q: 3 } })))
        .savedTo,
    );
    expect(ivo.slice(1).every((r) => /^\d{8}-T\d{3}$/.test(r[0]!))).toBe(true);
    // The same columns as the CSV sent to IVO, the waiting-time support included.
    expect(ivo[0]).toContain('Annat stöd under väntetiden');
    expect(ivo[0]).toHaveLength(14);
    expect(await made.invoke('export.xlsx', { list: 'ivo' })).toMatchObject({
      ok: false,
      error: { message: 'Ange kvartal.' },
    });
    const logged = made.core
      .serviceContext()
      .raw.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'export.xlsx'")
      .get();
    expect(logged).toEqual({ n: 7 });
  });
});
