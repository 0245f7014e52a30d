import ExcelJS from 'exceljs';
import type { RawDatabase } from '../../electron/db/open';
import { appendAuditChain } from '../helpers/audit';
import { luhnControlDigit } from '../../shared/personnummer';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A unique, checksum-valid synthetic personnummer for index i (born 1940–2005, any day 1–28). */
export function pnrFor(i: number, offset = 0): string {
  const year = 1940 + ((i + offset) % 66);
  const month = 1 + (Math.floor(i / 66) % 12);
  const day = 1 + (Math.floor(i / 792) % 28);
  const serial = pad(Math.floor(i / 22176) + offset * 10, 3).slice(-3);
  const yymmdd = `${pad(year % 100, 2)}${pad(month, 2)}${pad(day, 2)}`;
  return `${year}${yymmdd.slice(2)}${serial}${luhnControlDigit(yymmdd + serial)}`;
}

const FIRST = ['Anna', 'Erik', 'Åsa', 'Lars', 'Noor', 'Olle', 'Maja', 'Ali', 'Ylva', 'Björn'];
const LAST = [
  'Provsson',
  'Testberg',
  'Exempeldotter',
  'Demoström',
  'Fiktivsson',
  'Övningsdal',
  'Prövlund',
  'Skissberg',
];

/** Fills a migrated database: contact persons, clients, decisions, assignments, monthly reports, audit rows. */
export function generate(
  raw: RawDatabase,
  n: { people: number; clients: number; reportsPerAssignment: number; auditRows: number },
  now = '2026-11-22T09:00:00.000Z',
) {
  const cp =
    raw.prepare(`INSERT INTO contact_persons (personnummer, first_name, last_name, birth_date, gender, street, postal_code, city, phone, email, bank_clearing, bank_account, tax_mode, languages, interests, area, prefers_children, prefers_adults, status, status_changed_at, queue_since, search_name, phone_digits, created_at, updated_at)
    VALUES (?, ?, ?, ?, 'kvinna', 'Provgatan 1', '12345', 'Provköping', ?, '', '3300', ?, 'side_income_30', '["svenska"]', '["fotboll","musik"]', ?, 1, 1, ?, ?, ?, ?, ?, ?, ?)`);
  const cl = raw.prepare(
    `INSERT INTO clients (personnummer, first_name, last_name, birth_date, gender, area, languages, interests, ivo_suffix, search_name, created_at, updated_at) VALUES (?, ?, ?, ?, 'man', ?, '["svenska"]', '["fotboll"]', ?, ?, ?, ?)`,
  );
  const dec = raw.prepare(
    `INSERT INTO decisions (client_id, legal_basis, law, paragraph, decision_date, valid_from, meetings_per_period, period, hours_per_month, executed_date, created_at) VALUES (?, 'LSS 9 § 4', 'LSS 1993:387', '9 § 4', '2025-06-01', '2025-06-01', 2, 'manad', 8, ?, ?)`,
  );
  const asg = raw.prepare(
    `INSERT INTO assignments (decision_id, contact_person_id, status, start_date, arvode_level, omkostnad_level, created_at, updated_at) VALUES (?, ?, 'aktivt', '2025-07-01', 'A1M', 'O2', ?, ?)`,
  );
  const rep = raw.prepare(
    `INSERT INTO monthly_reports (assignment_id, month, meeting_dates, minutes, activities, expenses_ore, receipts_note, status, submitted_at, approved_at, approved_by) VALUES (?, ?, '[]', 360, 'Fotboll', 0, '', 'godkand', ?, ?, 1)`,
  );
  raw
    .prepare(
      "INSERT OR IGNORE INTO users (id, username, display_name, roles, created_at, updated_at) VALUES (1, 'bench', 'Bench', '[\"admin\"]', ?, ?)",
    )
    .run(now, now);
  raw.transaction(() => {
    for (let i = 0; i < n.people; i++) {
      const p = pnrFor(i);
      const first = FIRST[i % FIRST.length];
      const last = `${LAST[i % LAST.length]}${i}`;
      const status = i < n.clients ? 'i_uppdrag' : 'godkand';
      cp.run(
        p,
        first,
        last,
        `${p.slice(0, 4)}-${p.slice(4, 6)}-${p.slice(6, 8)}`,
        `070-${pad(i, 7)}`,
        p.slice(2),
        `Område ${i % 20}`,
        status,
        now,
        '2025-01-01',
        `${first} ${last}`.toLocaleLowerCase('sv-SE'),
        `070${pad(i, 7)}`,
        now,
        now,
      );
    }
    for (let i = 0; i < n.clients; i++) {
      const p = pnrFor(i, 1);
      cl.run(
        p,
        FIRST[(i + 3) % FIRST.length],
        `Brukare${i}`,
        `${p.slice(0, 4)}-${p.slice(4, 6)}-${p.slice(6, 8)}`,
        `Område ${i % 20}`,
        i % 1000,
        `brukare${i}`,
        now,
        now,
      );
      dec.run(i + 1, '2025-07-01', now);
      asg.run(i + 1, i + 1, now, now);
    }
    const months = Array.from({ length: n.reportsPerAssignment }, (_, k) => `2026-${pad(k + 1, 2)}`);
    for (let a = 1; a <= n.clients; a++) for (const m of months) rep.run(a, m, now, now);
  })();
  // The audit chain, hashed exactly as the app does (with the workstation the app now records).
  appendAuditChain(raw, n.auditRows, (id, i) => ({
    id,
    at: now,
    user_id: 1,
    action: 'cp.read',
    entity_type: 'contact_person',
    entity_id: String((i % n.people) + 1),
    detail: null,
    workstation: 'BENCH-PC (0b1e2c3d)',
  }));
}

export async function importWorkbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Import');
  ws.addRow(['Förnamn', 'Efternamn', 'Personnummer', 'Telefon', 'Område']);
  for (let i = 0; i < rows; i++)
    ws.addRow([FIRST[i % FIRST.length], `Import${i}`, pnrFor(i, 2), `073-${pad(i, 7)}`, `Område ${i % 20}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
