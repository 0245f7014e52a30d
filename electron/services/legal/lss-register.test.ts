import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { makeReadyCore, tempDir } from '../../../test/helpers/core';
import { ok } from '../../../test/helpers/cases';
import { legalScenario } from '../../../test/helpers/legal';
import { LSS_REGISTER_COLUMNS } from '../../../shared/legal/lss-register';
import type { ProcOutput } from '../../../shared/ipc/contract';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

const fmt = (p: string) => `${p.slice(0, 8)}-${p.slice(8)}`;

describe('LSS register (SOSFS 2005:21, bilaga HSLF-FS 2016:48) for 2026-10-01', () => {
  it('lists one row per person with an executed LSS insats on the reference date, and the pre-check, as worked out by hand', async () => {
    const { core, invoke } = await makeReadyCore(t.dir);
    const { people, ids } = await legalScenario(invoke, core.serviceContext().raw);
    const r = await ok<ProcOutput<'reports.lssRegister'>>(
      invoke('reports.lssRegister', { referenceDate: '2026-10-01' }),
    );

    // By hand, per LSS decision on 2026-10-01:
    //   Alma   executed 2025-04-01, active            -> row, personkrets 1
    //   David  executed 2025-09-01, avbrott from 2026-05-31 still open -> not executed that day: "kontrollera"
    //   Eva    executed 2026-10-05 > 2026-10-01        -> not in it: "kontrollera"
    //   Filip  executed 2024-12-01, active, personkrets missing -> row with empty personkrets: "fel"; law guessed: "kontrollera"
    //   Greta  ended 2026-03-31 < 2026-10-01 (within the year before) -> not in it: "kontrollera"
    //   Bertil, Cecilia: SoL, never in the LSS register.
    expect(r.deadline).toBe('2026-10-25');
    expect(r.columns).toEqual([...LSS_REGISTER_COLUMNS]);
    const blank = LSS_REGISTER_COLUMNS.map(() => '');
    const row = (pnr: string, krets: string) => Object.assign([...blank], { 0: fmt(pnr), 1: krets, 4: 'X' });
    expect(r.rows).toEqual([row(people.alma, '1'), row(people.filip, '')].sort((a, b) => a[0].localeCompare(b[0])));
    expect(r.rows.every((x) => x.length === 14 && /^\d{8}-\d{4}$/.test(x[0]!))).toBe(true);
    expect(r.counts).toEqual({ persons: 2, byPersonkrets: { '1': 1 }, withoutPersonkrets: 1 });
    expect(r.issues.map((i) => [i.decisionId, i.severity, i.problem])).toEqual([
      [ids.filip!.decisionId, 'fel', 'Personkrets saknas (1 § 1, 2 eller 3 LSS).'],
      [ids.david!.decisionId, 'kontrollera', 'Avbrott sedan 2026-05-31 pågick på referensdagen – inte med.'],
      [ids.eva!.decisionId, 'kontrollera', 'Verkställt 2026-10-05, efter referensdagen – inte med.'],
      [ids.filip!.decisionId, 'kontrollera', 'Lagrummet gissades vid uppdateringen – bekräfta det på beslutet.'],
      [ids.greta!.decisionId, 'kontrollera', 'Avslutat 2026-03-31, före referensdagen – inte med.'],
    ]);

    // A year earlier (2025-10-01), by hand: Alma (1), David (3, executed 2025-09-01), Filip (–), Greta (1) are in it;
    // Eva's decision is later than the reference date and not looked at.
    const y2025 = await ok<ProcOutput<'reports.lssRegister'>>(
      invoke('reports.lssRegister', { referenceDate: '2025-10-01' }),
    );
    expect(y2025.counts).toEqual({ persons: 4, byPersonkrets: { '1': 2, '3': 1 }, withoutPersonkrets: 1 });

    // Correcting Filip's personkrets clears the error and the row gets it.
    await ok(
      invoke('decisions.setLaw', {
        id: ids.filip!.decisionId,
        law: 'LSS 1993:387',
        paragraph: '9 § 4',
        personkrets: '2',
      }),
    );
    const fixed = await ok<ProcOutput<'reports.lssRegister'>>(
      invoke('reports.lssRegister', { referenceDate: '2026-10-01' }),
    );
    expect(fixed.issues.filter((i) => i.severity === 'fel')).toEqual([]);
    expect(fixed.counts.byPersonkrets).toEqual({ '1': 1, '2': 1 });

    // The files: CSV (semicolons, BOM) and xlsx with the same cells.
    const csv = await ok<{ savedTo: string }>(
      invoke('reports.exportLssRegister', { referenceDate: '2026-10-01', format: 'csv' }),
    );
    const lines = readFileSync(csv.savedTo, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]!.split(';')[4]).toBe('Kontaktperson enl. 9 § 4 LSS');
    expect(
      lines
        .slice(1)
        .map((l) => l.split(';').slice(0, 5).join(';'))
        .sort(),
    ).toEqual([`${fmt(people.alma)};1;;;X`, `${fmt(people.filip)};2;;;X`].sort());
    const xlsx = await ok<{ savedTo: string }>(
      invoke('reports.exportLssRegister', { referenceDate: '2026-10-01', format: 'xlsx' }),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.savedTo);
    const ws = wb.worksheets[0];
    expect(ws!.rowCount).toBe(3);
    expect(ws!.getRow(1).getCell(2).value).toBe('Personkrets enl. 1 § 1, 2 och 3 LSS');
    const audit = core
      .serviceContext()
      .raw.prepare("SELECT detail FROM audit_log WHERE action = 'report.lss.export' ORDER BY id")
      .all();
    expect(audit).toEqual([
      { detail: 'lss-register-2026-10-01.csv (2 rader)' },
      { detail: 'lss-register-2026-10-01.xlsx (2 rader)' },
    ]);
  });

  it('refuses an LSS decision without personkrets, a SoL law that does not fit the date, and a paragraph not in the list', async () => {
    const { invoke } = await makeReadyCore(t.dir);
    const { id: clientId } = await ok<{ id: number }>(
      invoke('clients.create', (await import('../../../test/helpers/cases')).clientInputOf()),
    );
    const base = {
      clientId,
      legalBasis: 'LSS 9 § 4',
      decisionDate: '2025-08-01',
      validFrom: '2025-08-01',
      meetingsPerPeriod: 2,
      period: 'manad' as const,
      hoursPerMonth: 8,
    };
    const err = async (input: object) => {
      const res = await invoke('decisions.create', { ...base, ...input });
      return res.ok ? null : res.error.message;
    };
    expect(await err({})).toMatch(/Ange personkrets/);
    expect(await err({ legalBasis: 'SoL (bistånd, kontaktperson)', law: 'SoL 2001:453' })).toMatch(
      /från och med 2025-07-01 fattas enligt socialtjänstlagen \(2025:400\)/,
    );
    expect(
      await err({
        legalBasis: 'SoL (bistånd, kontaktperson)',
        law: 'SoL 2025:400',
        decisionDate: '2025-06-30',
        validFrom: '2025-06-30',
      }),
    ).toMatch(/gäller från 2025-07-01/);
    expect(await err({ personkrets: '1', paragraph: '9 § 9' })).toMatch(/Paragrafen finns inte/);
    // Nothing was saved by the refusals; a correct one saves with the default by date.
    const { id } = await ok<{ id: number }>(
      invoke('decisions.create', { ...base, legalBasis: 'SoL (bistånd, kontaktperson)' }),
    );
    const c = await ok<ProcOutput<'clients.get'>>(invoke('clients.get', { id: clientId }));
    expect(c.decisions.map((d) => [d.id, d.law, d.paragraph, d.personkrets, d.lawGuessed, d.legalReference])).toEqual([
      [id, 'SoL 2025:400', '11 kap. 1 §', null, false, '11 kap. 1 § socialtjänstlagen (2025:400)'],
    ]);
  });
});
