import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReadyCore, tempDir } from '../../test/helpers/core';
import { syntheticPnr } from '../../test/helpers/people';
import { IMPORT_LIMITS } from './limits';
import { readTable } from './read-table';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir('kpr-hostile-')));
afterEach(() => t.cleanup());

const HEADER = ['Förnamn', 'Efternamn', 'Personnr'];

async function workbook(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Blad1');
  ws.addRow(HEADER);
  fill(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The sheet XML of `rows` rows of three cells: a lot of parser work for little packed size. */
function sheetXml(rows: number): string {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  for (let r = 1; r <= rows; r++)
    parts.push(
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Namn</t></is></c><c r="B${r}" t="inlineStr"><is><t>Efter</t></is></c><c r="C${r}"><v>${r}</v></c></row>`,
    );
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

async function withSheet(xml: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await workbook(() => {}));
  zip.file('xl/worksheets/sheet1.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** Counts event-loop turns while `p` runs: the main process must stay responsive (the idle lock keeps ticking). */
async function ticksDuring<T>(p: Promise<T>): Promise<{ result: T | Error; ticks: number; ms: number }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  const t0 = performance.now();
  const result = await p.catch((e: Error) => e);
  clearInterval(timer);
  return { result, ticks, ms: performance.now() - t0 };
}

async function preview(dataBase64: string, fileName: string) {
  const made = await makeReadyCore(t.dir);
  const before = made.core
    .serviceContext()
    .raw.prepare('SELECT (SELECT count(*) FROM contact_persons) AS cp, (SELECT count(*) FROM audit_log) AS a')
    .get();
  const r = await made.invoke('import.preview', { kind: 'contact_persons', fileName, dataBase64, mapping: {} });
  const commit = await made.invoke('import.commit', {
    kind: 'contact_persons',
    fileName,
    dataBase64,
    mapping: {},
    excludeRows: [],
  });
  const after = made.core
    .serviceContext()
    .raw.prepare('SELECT (SELECT count(*) FROM contact_persons) AS cp, (SELECT count(*) FROM audit_log) AS a')
    .get();
  return { r, commit, before, after };
}

describe('hostile import files', () => {
  it('a 2 KB xlsx with one cell in column XFD is refused quickly with a Swedish message, and nothing changes', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['Åsa', 'Importsson', syntheticPnr('1980-01-01', 11)]);
      ws.getCell('XFD2').value = 'x';
    });
    expect(bytes.length).toBeLessThan(10_000);
    const t0 = performance.now();
    const { r, commit, before, after } = await preview(bytes.toString('base64'), 'bomb.xlsx');
    expect(performance.now() - t0).toBeLessThan(30_000);
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: expect.stringMatching(/kan inte importeras: en rad har fler än 200 kolumner/),
      },
    });
    expect(commit).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(after).toEqual(before);
  }, 60_000);

  it('a zip bomb (60 MB of zeros packed into kilobytes) is refused from its directory, without unpacking', async () => {
    const zip = await JSZip.loadAsync(await workbook(() => {}));
    zip.file('xl/media/image1.png', Buffer.alloc(60 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const { result, ms } = await ticksDuring(readTable('bomb.xlsx', bytes));
    expect((result as Error).message).toMatch(/kan inte importeras: uppackad är den större än 50 MB/);
    expect(ms).toBeLessThan(1000);
  });

  it('a packed entry far denser than a spreadsheet is refused as a zip bomb', async () => {
    const zip = await JSZip.loadAsync(await workbook(() => {}));
    zip.file('xl/media/image1.png', Buffer.alloc(20 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    await expect(readTable('bomb.xlsx', bytes)).rejects.toThrow(/zip-bomb/);
  });

  it("a sheet that takes too long to parse is stopped by the worker's time limit while the app keeps running", async () => {
    const bytes = await withSheet(sheetXml(150_000));
    const generous = {
      ...IMPORT_LIMITS,
      rows: 1_000_000,
      uncompressedBytes: 500 * 1024 * 1024,
      compressionRatio: 100_000,
      parseMilliseconds: 1500,
    };
    const { result, ticks, ms } = await ticksDuring(readTable('stor.xlsx', bytes, generous));
    expect((result as Error).message).toMatch(/tar för lång tid eller för mycket minne/);
    expect(ms).toBeLessThan(10_000);
    expect(ticks).toBeGreaterThan(50); // the main thread was never blocked
  }, 60_000);

  it('a zip whose directory lies about the unpacked sizes gets past the directory check but not past the worker', async () => {
    const bytes = await withSheet(sheetXml(150_000));
    // Declare every entry as no bigger than it is packed (also in the local headers).
    for (let p = 0; p + 4 <= bytes.length; p++) {
      const sig = bytes.readUInt32LE(p);
      if (sig === 0x02014b50) bytes.writeUInt32LE(bytes.readUInt32LE(p + 20), p + 24);
      else if (sig === 0x04034b50) bytes.writeUInt32LE(bytes.readUInt32LE(p + 18), p + 22);
    }
    const { result, ticks } = await ticksDuring(
      readTable('lögn.xlsx', bytes, { ...IMPORT_LIMITS, parseMilliseconds: 3000 }),
    );
    expect((result as Error).message).toMatch(
      /kunde inte läsas|tar för lång tid eller för mycket minne|kan inte importeras/,
    );
    expect(ticks).toBeGreaterThan(5);
  }, 60_000);

  it('a parse that needs more memory than allowed ends the worker, not the app', async () => {
    const bytes = await withSheet(sheetXml(150_000));
    const tight = {
      ...IMPORT_LIMITS,
      rows: 1_000_000,
      uncompressedBytes: 500 * 1024 * 1024,
      compressionRatio: 100_000,
      heapMegabytes: 16,
      parseMilliseconds: 60_000,
    };
    const { result } = await ticksDuring(readTable('stor.xlsx', bytes, tight));
    expect((result as Error).message).toMatch(/tar för lång tid eller för mycket minne/);
  }, 90_000);

  it('too many rows or columns in a CSV are refused before parsing', async () => {
    const rows = [HEADER.join(';'), ...Array.from({ length: 20_500 }, (_, i) => `A;B;${i}`)].join('\n');
    await expect(readTable('lång.csv', Buffer.from(rows))).rejects.toThrow(/fler än 20000 rader/);
    const wide = `${Array.from({ length: 1000 }, (_, i) => `k${i}`).join(';')}\n${';'.repeat(999)}`;
    await expect(readTable('bred.csv', Buffer.from(wide))).rejects.toThrow(/fler än 200 kolumner/);
    await expect(readTable('stor.csv', Buffer.alloc(11 * 1024 * 1024, 0x41))).rejects.toThrow(/större än 10 MB/);
    await expect(readTable('skräp.xlsx', Buffer.from('inte en zip-fil alls'))).rejects.toThrow(/kunde inte läsas/);
  });

  it('an ordinary file still reads', async () => {
    const bytes = await workbook((ws) => ws.addRow(['Åsa', 'Importsson', '19800101-1234']));
    expect(await readTable('ok.xlsx', bytes)).toEqual({
      headers: HEADER,
      rows: [['Åsa', 'Importsson', '19800101-1234']],
    });
  });
});
