import { create } from 'xmlbuilder2';
import { decimalKronor, monthName, type ExportBatch } from './model';
import { daysInMonth } from '../../shared/compensation/amounts';

/**
 * PAXml 2.0 löneunderlag for payroll (payments.md §4.1): per person one lonetrans for arvode (taxable,
 * the payroll system withholds tax and files AGI) and one for omkostnad (tax-free), plus expenses.
 * Lönearter come from the unit's settings.
 */
export function buildPaxml(batch: ExportBatch): string {
  const s = batch.settings;
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('paxml');
  const header = root.ele('header');
  header.ele('version').txt('2.0');
  header.ele('format').txt('LÖNIN');
  header.ele('datum').txt(batch.createdAt);
  header.ele('foretagorgnr').txt(s.orgNumber.replace(/\D/g, ''));
  header.ele('foretagnamn').txt(s.payerName);
  header.ele('programnamn').txt('Kontaktregistret');
  header.ele('info').txt(`Utbetalning ${batch.batchId}, ${monthName(batch.month)}`);
  const trans = root.ele('lonetransaktioner');
  const from = `${batch.month}-01T00:00:00`;
  const to = `${batch.month}-${String(daysInMonth(batch.month)).padStart(2, '0')}T00:00:00`;
  let postid = 1;
  for (const l of batch.lines) {
    const add = (lonart: string, name: string, ore: number) => {
      if (ore === 0) return;
      // Payroll systems match on anställningsnummer (Fortnox: "information PAXml för extern leverantör");
      // it is sent when set, with the personnummer beside it for the payroll office to cross-check.
      const attrs: Record<string, string> = l.employeeNumber
        ? { anstid: l.employeeNumber, persnr: l.personnummer }
        : { persnr: l.personnummer };
      const t = trans.ele('lonetrans', { ...attrs, postid: String(postid++) });
      t.ele('lonart').txt(lonart);
      t.ele('benamning').txt(name);
      t.ele('datumfrom').txt(from);
      t.ele('datumtom').txt(to);
      t.ele('antal').txt('1');
      t.ele('apris').txt(decimalKronor(ore));
      t.ele('belopp').txt(decimalKronor(ore));
    };
    add(s.payCodeArvode, 'Arvode kontaktperson', l.arvodeOre);
    add(s.payCodeOmkostnad, 'Omkostnadsersättning kontaktperson', l.omkostnadOre);
    add(s.payCodeUtlagg, 'Utlägg enligt kvitto', l.expensesOre);
  }
  return root.end({ prettyPrint: true });
}
