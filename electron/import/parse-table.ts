import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { DomainError } from '../../shared/errors';
import { IMPORT_LIMITS, importTooBig } from './limits';

export interface Table {
  headers: string[];
  rows: string[][];
}

/**
 * A sheet as header row + data rows of strings (first sheet of an .xlsx, or a ; or , separated .csv).
 * Runs inside the import worker. Rows and columns are counted from the cells actually present
 * (never ws.columnCount, which costs time per cell and is what one cell in column XFD exploited).
 */
export async function parseTable(
  fileName: string,
  bytes: Buffer,
  limits: { rows: number; columns: number } = IMPORT_LIMITS,
): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    if (/\.csv$/i.test(fileName)) {
      const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
      const firstLine = text.split('\n', 1)[0] ?? '';
      const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
      await wb.csv.read(Readable.from([text]), { parserOptions: { delimiter } });
    } else {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    }
  } catch {
    throw new DomainError('INVALID_INPUT', 'Filen kunde inte läsas. Är det en .xlsx- eller .csv-fil?');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new DomainError('INVALID_INPUT', 'Filen innehåller inget kalkylblad.');
  if (ws.actualRowCount > limits.rows + 1) throw importTooBig(`den har fler än ${limits.rows} rader`);
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row) => {
    width = Math.max(width, row.cellCount);
  });
  if (width > limits.columns) throw importTooBig(`en rad har fler än ${limits.columns} kolumner`);
  const cell = (v: ExcelJS.CellValue): string => {
    if (v === null || v === undefined) return '';
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v === 'object' && 'text' in v) return String(v.text);
    if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
    if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
    return String(v).trim();
  };
  const all: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let c = 1; c <= width; c++) values.push(cell(row.getCell(c).value));
    all.push(values);
  });
  const [headers, ...data] = all;
  if (!headers || data.length === 0)
    throw new DomainError('INVALID_INPUT', 'Filen behöver en rubrikrad och minst en rad med uppgifter.');
  return { headers, rows: data.filter((r) => r.some((v) => v !== '')) };
}
