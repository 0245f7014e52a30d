import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/core';
import { migrate } from '../migrate';
import { createKysely, openEncryptedDatabase } from '../open';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('migration 0006-payout-safety', () => {
  it('freezes the payee on already attested lines, keeps them locked, and adds the change log, re-dates and voids', async () => {
    const raw = openEncryptedDatabase(join(t.dir, 'm.db'), randomBytes(32));
    const db = createKysely(raw);
    await migrate(db, '0005-documents');
    raw
      .prepare(
        "INSERT INTO contact_persons (personnummer, first_name, last_name, birth_date, gender, status, status_changed_at, created_at, updated_at, bank_clearing, bank_account) VALUES ('198112289874','Kim','Provare','1981-12-28','man','i_uppdrag','x','x','x','3300','8112289874')",
      )
      .run();
    raw
      .prepare(
        "INSERT INTO payout_batches (month, kind, status, payment_date, created_at, msg_id) VALUES ('2026-10','ordinarie','attesterad','2026-11-25','x','KPR-202610-000001')",
      )
      .run();
    raw
      .prepare(
        "INSERT INTO payout_batches (month, kind, status, payment_date, created_at) VALUES ('2026-11','ordinarie','utkast','2026-12-23','x')",
      )
      .run();
    raw.prepare("INSERT INTO payout_exports (batch_id, format, at, sha256) VALUES (1, 'pain001', 'x', 'abc')").run();
    raw.prepare('DROP TRIGGER payout_lines_locked_insert').run(); // set up an attested line directly
    const line = raw.prepare(
      "INSERT INTO payout_lines (batch_id, contact_person_id, arvode_ore, omkostnad_ore, expenses_ore, tax_ore, tax_mode, fee_ore, fee_rate_bp, fee_base_ore, below_threshold, details) VALUES (?,1,100,0,0,30,'side_income_30',0,3142,0,1,'{}')",
    );
    line.run(1);
    line.run(2);

    expect(await migrate(db, '0006-payout-safety')).toEqual(['0006-payout-safety']);
    expect(
      raw
        .prepare(
          'SELECT batch_id, payee_name, payee_personnummer, payee_clearing, payee_account, account_changed FROM payout_lines ORDER BY id',
        )
        .all(),
    ).toEqual([
      {
        batch_id: 1,
        payee_name: 'Kim Provare',
        payee_personnummer: '198112289874',
        payee_clearing: '3300',
        payee_account: '8112289874',
        account_changed: 0,
      },
      {
        batch_id: 2,
        payee_name: null,
        payee_personnummer: null,
        payee_clearing: null,
        payee_account: null,
        account_changed: 0,
      },
    ]);
    expect(raw.prepare('SELECT channel FROM payout_batches ORDER BY id').all()).toEqual([
      { channel: 'pain001' },
      { channel: null },
    ]);
    expect(raw.prepare('SELECT msg_id, voided_at FROM payout_exports').get()).toEqual({
      msg_id: 'KPR-202610-000001',
      voided_at: null,
    });
    // Still locked after the migration.
    expect(() => raw.prepare("UPDATE payout_lines SET payee_account = '1' WHERE batch_id = 1").run()).toThrow(
      /attested/,
    );
    raw.prepare("UPDATE payout_lines SET payee_account = '1' WHERE batch_id = 2").run();
    raw
      .prepare(
        "INSERT INTO payment_detail_changes (contact_person_id, at, field, before_masked, after_masked) VALUES (1, 'x', 'bankkonto', 'a', 'b')",
      )
      .run();
    expect(() =>
      raw
        .prepare(
          "INSERT INTO payment_detail_changes (contact_person_id, at, field, before_masked, after_masked) VALUES (9, 'x', 'bankkonto', 'a', 'b')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    raw
      .prepare(
        "INSERT INTO payout_redates (batch_id, from_date, to_date, at, reason) VALUES (1, '2026-11-25', '2026-11-30', 'x', 'sen')",
      )
      .run();
    raw.prepare("UPDATE contact_persons SET employee_number = 'A-17'").run();
    raw.close();
  });
});
