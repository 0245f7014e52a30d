import ExcelJS from 'exceljs';
import { neutraliseFormula } from './csv';

/** One sheet with a bold, frozen header row and sensible column widths. Text cells that look like formulas get a leading ' (OWASP). */
export async function xlsxTable(
  sheetName: string,
  headers: string[],
  rows: Array<Array<string | number | null>>,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kontaktregistret';
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(headers).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v) => (v === null ? '' : typeof v === 'string' ? neutraliseFormula(v) : v)));
  ws.columns.forEach((col, i) => {
    const longest = Math.max((headers[i] ?? '').length, ...rows.slice(0, 500).map((r) => String(r[i] ?? '').length));
    col.width = Math.min(60, Math.max(8, longest + 2));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
