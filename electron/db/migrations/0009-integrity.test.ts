import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/core';
import { migrate } from '../migrate';
import { createKysely, openEncryptedDatabase } from '../open';
import { constraintError } from '../constraint-errors';
import { GUARDS_0009 } from './0009-integrity';
import { CP_STATUSES } from '../../../shared/contact-persons/status';
import { ASSIGNMENT_STATUSES } from '../../../shared/assignments/status';
import { OUTCOMES, REGISTERS } from '../../../shared/contact-persons/register-checks';
import { CONNECTION_ROLES } from '../../../shared/ipc/procedures/clients';
import { PERIODS } from '../../../shared/ipc/procedures/decisions';
import { LAWS, PERSONKRETSAR } from '../../../shared/legal/laws';
import { AGE_GROUPS } from '../../../shared/legal/participants';
import { PAYOUT_FORMATS } from '../../../shared/ipc/procedures/payouts';
import { TAX_MODES } from '../../../shared/ipc/procedures/cp';
import { BANK_PROFILE_IDS } from '../../../shared/bank-profiles';
import { DOCUMENT_KINDS } from '../../../shared/ipc/procedures/documents';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

const CP =
  "INSERT INTO contact_persons (personnummer, first_name, last_name, birth_date, gender, status, status_changed_at, created_at, updated_at) VALUES (?,'K','P','1981-12-28','man',?,'x','x','x')";
const BATCH =
  "INSERT INTO payout_batches (month, kind, status, payment_date, created_at) VALUES (?, 'ordinarie', ?, '2026-11-25', 'x')";
const LINE =
  "INSERT INTO payout_lines (batch_id, contact_person_id, arvode_ore, omkostnad_ore, expenses_ore, tax_ore, tax_mode, fee_ore, fee_rate_bp, fee_base_ore, below_threshold, details) VALUES (?,1,100,0,0,30,'side_income_30',0,3142,0,1,'{}')";

describe('migration 0009-integrity', () => {
  it('keeps existing rows (and the newest of two drafts for a month), then refuses a second draft and unknown enum values in Swedish', async () => {
    const raw = openEncryptedDatabase(join(t.dir, 'm.db'), randomBytes(32));
    const db = createKysely(raw);
    await migrate(db, '0008-legal-reports'); // the version before this one
    raw.prepare(CP).run('198112289874', 'i_uppdrag');
    // A row the guards would refuse today stays as it was.
    raw.prepare(CP).run('198001012380', 'gammal_status');
    raw.prepare(BATCH).run('2026-10', 'utkast');
    raw.prepare(BATCH).run('2026-11', 'utkast'); // two drafts for November: the race this version closes
    raw.prepare(BATCH).run('2026-11', 'utkast');
    for (const b of [1, 2, 3]) raw.prepare(LINE).run(b);
    raw.prepare("UPDATE payout_batches SET status = 'attesterad' WHERE id = 1").run();
    raw
      .prepare(
        "INSERT INTO payout_redates (batch_id, from_date, to_date, at, reason) VALUES (2, '2026-12-23', '2026-12-28', 'x', 'sen')",
      )
      .run();

    expect(await migrate(db, '0009-integrity')).toEqual(['0009-integrity']);
    expect(raw.prepare('SELECT id, month, status FROM payout_batches ORDER BY id').all()).toEqual([
      { id: 1, month: '2026-10', status: 'attesterad' },
      { id: 3, month: '2026-11', status: 'utkast' },
    ]);
    expect(raw.prepare('SELECT batch_id FROM payout_lines ORDER BY id').all()).toEqual([
      { batch_id: 1 },
      { batch_id: 3 },
    ]);
    expect(raw.prepare('SELECT status FROM contact_persons ORDER BY id').all()).toEqual([
      { status: 'i_uppdrag' },
      { status: 'gammal_status' },
    ]);

    // One draft per month; an attested batch and another month's draft are fine.
    const second = () => raw.prepare(BATCH).run('2026-11', 'utkast');
    expect(second).toThrow(/UNIQUE/);
    try {
      second();
    } catch (err) {
      expect(constraintError(err)?.message).toBe(
        'Det finns redan ett utkast till utbetalning för månaden. Uppdatera sidan och räkna om det utkastet i stället.',
      );
    }
    raw.prepare(BATCH).run('2026-11', 'attesterad');
    raw.prepare(BATCH).run('2026-12', 'utkast');

    // Unknown values are refused on insert and update, with a Swedish message; known ones pass.
    const badInsert = () => raw.prepare(CP).run('198202022383', 'godkänd');
    expect(badInsert).toThrow('Ogiltigt värde för kontaktpersonens status. Inget har sparats.');
    try {
      badInsert();
    } catch (err) {
      expect(constraintError(err)).toMatchObject({
        code: 'RULE_VIOLATION',
        message: 'Ogiltigt värde för kontaktpersonens status. Inget har sparats.',
      });
    }
    expect(() => raw.prepare("UPDATE contact_persons SET status = 'klar' WHERE id = 1").run()).toThrow(
      /kontaktpersonens status/,
    );
    expect(() => raw.prepare("UPDATE payout_batches SET kind = 'extra' WHERE id = 3").run()).toThrow(
      /utbetalningens typ/,
    );
    expect(() => raw.prepare("UPDATE payout_batches SET channel = 'swish' WHERE id = 3").run()).toThrow(/betalsättet/);
    raw.prepare("UPDATE payout_batches SET channel = 'pain001' WHERE id = 3").run();
    raw.prepare('UPDATE payout_batches SET channel = NULL WHERE id = 3').run();
    expect(() => raw.prepare('UPDATE contact_persons SET status = NULL WHERE id = 1').run()).toThrow();
    raw.prepare("UPDATE contact_persons SET status = 'godkand' WHERE id = 1").run();
    // The old row can still be edited in other columns (the guard is on the status column only).
    raw.prepare("UPDATE contact_persons SET city = 'Provköping' WHERE id = 2").run();

    // The triggers from before stay: an attested batch's lines are locked, the audit log append-only.
    expect(() => raw.prepare('UPDATE payout_lines SET arvode_ore = 1 WHERE batch_id = 1').run()).toThrow(/attested/);
    expect(() => raw.prepare('DELETE FROM payout_lines WHERE batch_id = 1').run()).toThrow(/attested/);
    raw.close();
  });

  it('guards every status and enum column with the lists in shared/', () => {
    const lists: Record<string, readonly string[]> = {
      'contact_persons.status': CP_STATUSES,
      'contact_persons.tax_mode': TAX_MODES,
      'contact_persons.gender': ['man', 'kvinna'],
      'cp_register_checks.register': REGISTERS,
      'cp_register_checks.outcome': OUTCOMES,
      'clients.gender': ['', 'man', 'kvinna'],
      'clients.preferred_gender': ['', 'man', 'kvinna'],
      'clients.age_group': ['', ...AGE_GROUPS],
      'client_connections.role': CONNECTION_ROLES,
      'decisions.period': PERIODS,
      'decisions.law': LAWS,
      'decisions.personkrets': PERSONKRETSAR,
      'assignments.status': ASSIGNMENT_STATUSES,
      'monthly_reports.status': ['inlamnad', 'godkand'],
      'payout_batches.status': ['utkast', 'attesterad'],
      'payout_batches.kind': ['ordinarie', 'rättelse'],
      'payout_batches.channel': PAYOUT_FORMATS,
      'payout_batches.bank_profile': BANK_PROFILE_IDS,
      'payout_lines.tax_mode': TAX_MODES,
      'payout_exports.format': PAYOUT_FORMATS,
      'documents.kind': DOCUMENT_KINDS,
    };
    // A value added to a list in shared/ without a migration that widens the guard fails here.
    expect(Object.fromEntries(GUARDS_0009.map((g) => [`${g.table}.${g.column}`, [...g.values].sort()]))).toEqual(
      Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, [...v].sort()])),
    );
  });
});
