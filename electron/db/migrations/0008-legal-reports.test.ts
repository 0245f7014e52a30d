import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/core';
import { migrate } from '../migrate';
import { createKysely, openEncryptedDatabase } from '../open';
import { guessLaw } from '../../../shared/legal/laws';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('migration 0008-legal-reports', () => {
  it('guesses law and paragraph for existing decisions (marked for review) and adds the new columns and log_reviews', async () => {
    const raw = openEncryptedDatabase(join(t.dir, 'm.db'), randomBytes(32));
    const db = createKysely(raw);
    await migrate(db, '0006-payout-safety'); // the version before this one
    raw
      .prepare(
        "INSERT INTO clients (personnummer, first_name, last_name, birth_date, gender, ivo_suffix, created_at, updated_at) VALUES ('201405011238','B','R','2014-05-01','man',1,'x','x')",
      )
      .run();
    const ins = raw.prepare(
      "INSERT INTO decisions (client_id, legal_basis, decision_date, valid_from, meetings_per_period, period, hours_per_month, created_at) VALUES (1, ?, ?, ?, 2, 'manad', 8, 'x')",
    );
    const rows: Array<[string, string]> = [
      ['LSS 9 § 4', '2024-03-01'],
      ['SoL (bistånd, kontaktperson)', '2025-06-30'], // the day before SFS 2025:400
      ['SoL (bistånd, kontaktperson)', '2025-07-01'], // its first day
      ['Lag (1993:387) 9 § 4', '2026-01-10'],
    ];
    for (const [basis, date] of rows) ins.run(basis, date, date);

    expect(await migrate(db, '0008-legal-reports')).toEqual(['0008-legal-reports']);
    const got = raw
      .prepare('SELECT legal_basis, decision_date, law, paragraph, personkrets, law_guessed FROM decisions ORDER BY id')
      .all() as Array<{
      legal_basis: string;
      decision_date: string;
      law: string;
      paragraph: string;
      personkrets: string | null;
      law_guessed: number;
    }>;
    expect(got.map((g) => [g.law, g.paragraph, g.personkrets, g.law_guessed])).toEqual([
      ['LSS 1993:387', '9 § 4', null, 1],
      ['SoL 2001:453', '4 kap. 1 §', null, 1],
      ['SoL 2025:400', '11 kap. 1 §', null, 1],
      ['LSS 1993:387', '9 § 4', null, 1],
    ]);
    // The SQL guess and the TypeScript guess agree.
    for (const g of got) expect(g.law).toBe(guessLaw(g.legal_basis, g.decision_date));
    expect(raw.prepare('SELECT without_assessment, age_group FROM clients').get()).toEqual({
      without_assessment: 0,
      age_group: '',
    });
    // An interruption linked to an assignment survives the assignment's gallring (SET NULL).
    raw
      .prepare(
        "INSERT INTO contact_persons (personnummer, first_name, last_name, birth_date, gender, status, status_changed_at, created_at, updated_at) VALUES ('198112289874','K','P','1981-12-28','man','godkand','x','x','x')",
      )
      .run();
    raw
      .prepare(
        "INSERT INTO assignments (decision_id, contact_person_id, status, start_date, created_at, updated_at) VALUES (1, 1, 'avslutat', '2024-04-01', 'x', 'x')",
      )
      .run();
    raw
      .prepare(
        "INSERT INTO decision_interruptions (decision_id, from_date, reason, assignment_id) VALUES (1, '2024-06-01', 'Inga träffar', 1)",
      )
      .run();
    raw.prepare('DELETE FROM assignments WHERE id = 1').run();
    expect(raw.prepare('SELECT from_date, assignment_id FROM decision_interruptions').all()).toEqual([
      { from_date: '2024-06-01', assignment_id: null },
    ]);
    expect(() =>
      raw
        .prepare(
          "INSERT INTO log_reviews (period_from, period_to, reviewed_at, reviewed_by, counts) VALUES ('2026-10-01','2026-10-31','x', 99, '{}')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    raw.close();
  });
});
