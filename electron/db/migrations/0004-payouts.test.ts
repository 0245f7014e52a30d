import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/core';
import { migrate } from '../migrate';
import { createKysely, openEncryptedDatabase } from '../open';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('migration 0004-payouts', () => {
  it('adds levels to existing assignments, seeds rate years, and locks lines of attested batches', async () => {
    const raw = openEncryptedDatabase(join(t.dir, 'm.db'), randomBytes(32));
    const db = createKysely(raw);
    await migrate(db, '0003-clients-assignments');
    raw
      .prepare(
        "INSERT INTO contact_persons (personnummer, first_name, last_name, birth_date, gender, status, status_changed_at, created_at, updated_at) VALUES ('198112289874','K','P','1981-12-28','man','i_uppdrag','x','x','x')",
      )
      .run();
    raw
      .prepare(
        "INSERT INTO clients (personnummer, first_name, last_name, birth_date, gender, ivo_suffix, created_at, updated_at) VALUES ('201405011238','B','R','2014-05-01','man',1,'x','x')",
      )
      .run();
    raw
      .prepare(
        "INSERT INTO decisions (client_id, legal_basis, decision_date, valid_from, meetings_per_period, period, hours_per_month, created_at) VALUES (1,'LSS 9 § 4','2026-05-15','2026-05-15',2,'manad',8,'x')",
      )
      .run();
    raw
      .prepare(
        "INSERT INTO assignments (decision_id, contact_person_id, status, start_date, created_at, updated_at) VALUES (1, 1, 'aktivt', '2026-06-01', 'x', 'x')",
      )
      .run();

    expect(await migrate(db, '0004-payouts')).toEqual(['0004-payouts']);
    expect(raw.prepare('SELECT status, arvode_level FROM assignments').get()).toEqual({
      status: 'aktivt',
      arvode_level: null,
    });
    const years = raw.prepare('SELECT year, config FROM rate_years ORDER BY year').all() as Array<{
      year: number;
      config: string;
    }>;
    expect(years.map((y) => [y.year, JSON.parse(y.config).prisbasbeloppOre])).toEqual([
      [2024, 5_730_000],
      [2025, 5_880_000],
      [2026, 5_920_000],
    ]);

    raw
      .prepare(
        "INSERT INTO payout_batches (month, kind, status, payment_date, created_at) VALUES ('2026-10','ordinarie','utkast','2026-11-25','x')",
      )
      .run();
    const line = raw.prepare(
      "INSERT INTO payout_lines (batch_id, contact_person_id, arvode_ore, omkostnad_ore, expenses_ore, tax_ore, tax_mode, fee_ore, fee_rate_bp, fee_base_ore, below_threshold, details) VALUES (1,1,100,0,0,30,'side_income_30',0,3142,0,1,'{}')",
    );
    line.run();
    raw.prepare('UPDATE payout_lines SET arvode_ore = 200').run(); // a draft may change
    raw.prepare("UPDATE payout_batches SET status = 'attesterad'").run();
    expect(() => raw.prepare('UPDATE payout_lines SET arvode_ore = 300').run()).toThrow(/attested/);
    expect(() => raw.prepare('DELETE FROM payout_lines').run()).toThrow(/attested/);
    expect(() => line.run()).toThrow(/attested/);
    raw.close();
  });
});
