import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReadyCore, tempDir } from '../../test/helpers/core';
import { cpInput, syntheticPnr } from '../../test/helpers/people';
import { ok } from '../../test/helpers/cases';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

async function xlsx(rows: Array<Array<string | number>>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Kontaktpersoner');
  ws.addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('import from xlsx and csv', () => {
  it('reports the bad rows and imports nothing until they are fixed or excluded', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    await ok(inv('cp.create', cpInput({ personnummer: syntheticPnr('1970-07-07', 70) })));
    const good1 = syntheticPnr('1980-01-01', 11);
    const good2 = syntheticPnr('1981-02-02', 22);
    const data = await xlsx([
      ['Förnamn', 'Efternamn', 'Personnr', 'Telefon', 'Clearing', 'Konto', 'Språk', 'Intressen'],
      ['Åsa', 'Importsson', good1, '070-111 11 11', '3300', good1.slice(2), 'svenska, arabiska', 'fotboll; musik'],
      ['Bo', 'Felsson', '19800101-1234', '070-222 22 22', '', '', '', ''],
      ['Cia', 'Dublettsson', good1, '', '', '', '', ''],
      ['Dan', 'Finnsson', syntheticPnr('1970-07-07', 70), '', '', '', '', ''],
      ['', 'Namnlös', good2, '', '', '', '', ''],
      ['Eva', 'Kontosson', syntheticPnr('1982-03-03', 33), '', '0000', '123', '', ''],
      ['Fia', 'Okej', good2.replace(/^(\d{8})/, '19830404').slice(0, 11) + '0', '', '', '', '', ''],
    ]);
    const file = { kind: 'contact_persons' as const, fileName: 'kontaktpersoner.xlsx', dataBase64: data };
    const preview = await ok<any>(inv('import.preview', file));
    expect(preview.mapping).toMatchObject({
      firstName: 'Förnamn',
      lastName: 'Efternamn',
      personnummer: 'Personnr',
      bankClearing: 'Clearing',
      bankAccount: 'Konto',
    });
    expect(preview.rows).toBe(7);
    const byRow = Object.fromEntries(preview.report.map((r: any) => [r.row, r.errors.join(' ')]));
    expect(byRow[3]).toMatch(/Personnummer: Personnumrets kontrollsiffra stämmer inte/);
    expect(byRow[4]).toMatch(/Samma personnummer som rad 2/);
    expect(byRow[5]).toMatch(/finns redan i registret/);
    expect(byRow[6]).toMatch(/Förnamn: Ange förnamn/);
    expect(byRow[7]).toMatch(/Bankkonto: Clearingnumret tillhör ingen känd bank/);
    expect(byRow[2]).toBeUndefined();

    const count = () =>
      (made.core.serviceContext().raw.prepare('SELECT count(*) AS n FROM contact_persons').get() as { n: number }).n;
    expect(await inv('import.commit', file)).toMatchObject({
      ok: false,
      error: { message: /Inget har importerats: \d+ rader har fel/ },
    });
    expect(count()).toBe(1);

    const bad = preview.report.filter((r: any) => r.errors.length).map((r: any) => r.row);
    const done = await ok<{ imported: number }>(inv('import.commit', { ...file, excludeRows: bad }));
    expect(done.imported).toBe(7 - bad.length);
    expect(count()).toBe(1 + done.imported);
    const asa = (await ok<any>(inv('cp.search', { query: 'importsson' }))).rows[0];
    const detail = await ok<any>(inv('cp.get', { id: asa.id }));
    expect(detail.values).toMatchObject({
      languages: ['svenska', 'arabiska'],
      interests: ['fotboll', 'musik'],
      bankClearing: '3300',
    });
    expect(detail.status).toBe('intresseanmalan');
  });

  it('reads a semicolon CSV of clients with an explicit mapping, and refuses a missing column', async () => {
    const made = await makeReadyCore(t.dir);
    const pnr = syntheticPnr('2012-12-12', 44);
    const csv = `\uFEFFNamn1;Namn2;ID;Stadsdel\r\nBruno;Brukarsson;${pnr};Norrby\r\n`;
    const file = { kind: 'clients' as const, fileName: 'brukare.csv', dataBase64: Buffer.from(csv).toString('base64') };
    expect(await made.invoke('import.preview', file)).toMatchObject({
      ok: false,
      error: { message: /Välj vilken kolumn som innehåller personnummer/ },
    });
    const mapping = { firstName: 'Namn1', lastName: 'Namn2', personnummer: 'ID', area: 'Stadsdel' };
    expect(await made.invoke('import.preview', { ...file, mapping: { ...mapping, area: 'Saknas' } })).toMatchObject({
      ok: false,
      error: { message: /Kolumnen "Saknas" finns inte/ },
    });
    expect(await ok(made.invoke('import.commit', { ...file, mapping }))).toEqual({ imported: 1 });
    expect((await ok<any[]>(made.invoke('clients.search', { query: 'bruno' })))[0]).toMatchObject({
      area: 'Norrby',
      isChild: true,
    });
  });
});
