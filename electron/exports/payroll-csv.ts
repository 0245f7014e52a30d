import { decimalKronor, type ExportBatch } from './model';
import { toCsv } from './csv';

/** Payroll CSV (semicolon, decimal comma, UTF-8 with BOM, formulas neutralised): one row per person and pay code; anställningsnummer when set. */
export function buildPayrollCsv(batch: ExportBatch): string {
  const s = batch.settings;
  const rows = [['Anställningsnummer', 'Personnummer', 'Namn', 'Löneart', 'Benämning', 'Period', 'Belopp']];
  const money = (ore: number) => decimalKronor(ore).replace('.', ',');
  for (const l of batch.lines) {
    for (const [code, name, ore] of [
      [s.payCodeArvode, 'Arvode', l.arvodeOre],
      [s.payCodeOmkostnad, 'Omkostnadsersättning', l.omkostnadOre],
      [s.payCodeUtlagg, 'Utlägg', l.expensesOre],
    ] as const) {
      if (ore !== 0) rows.push([l.employeeNumber ?? '', l.personnummer, l.name, code, name, batch.month, money(ore)]);
    }
  }
  return toCsv(rows);
}
