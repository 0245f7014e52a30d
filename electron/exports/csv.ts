/**
 * Formula injection (OWASP "CSV Injection"): a cell that starts with = + - @, a tab or a carriage
 * return can run as a formula when the file is opened in a spreadsheet. Such text gets a leading
 * single quote. Plain numbers ("-509,00", "-12") are data, not formulas, and stay as they are so
 * negative corrections still read as numbers.
 */
export function neutraliseFormula(s: string): string {
  if (!/^[=+\-@\t\r]/.test(s)) return s;
  if (/^-\d+([.,]\d+)?$/.test(s)) return s;
  return `'${s}`;
}

/** CSV as Swedish Excel opens it: semicolons, CRLF, UTF-8 with BOM; cells with ; " or line breaks quoted; formulas neutralised. */
export function toCsv(rows: Array<Array<string | number | null | undefined>>): string {
  const cell = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : neutraliseFormula(v);
    return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}
