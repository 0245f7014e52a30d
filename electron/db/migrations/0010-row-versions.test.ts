import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/core';
import { migrate } from '../migrate';
import { createKysely, openEncryptedDatabase } from '../open';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

const ROWS = [
  "INSERT INTO contact_persons (personnummer, first_name, last_name, birth_date, gender, status, status_changed_at, created_at, updated_at) VALUES ('198112289874','K','P','1981-12-28','man','i_uppdrag','x','x','x')",
  "INSERT INTO clients (personnummer, first_name, last_name, birth_date, gender, ivo_suffix, created_at, updated_at) VALUES ('201405011238','B','R','2014-05-01','man',1,'x','x')",
  "INSERT INTO decisions (client_id, legal_basis, decision_date, valid_from, meetings_per_period, period, hours_per_month, created_at, law) VALUES (1,'LSS 9 § 4','2026-05-15','2026-05-15',2,'manad',8,'x','LSS 1993:387')",
  "INSERT INTO assignments (decision_id, contact_person_id, status, start_date, created_at, updated_at) VALUES (1, 1, 'aktivt', '2026-06-01', 'x', 'x')",
];

describe('migration 0010-row-versions', () => {
  it('gives existing and new rows version 1 on the four edited records, and refuses a null version', async () => {
    const raw = openEncryptedDatabase(join(t.dir, 'm.db'), randomBytes(32));
    const db = createKysely(raw);
    await migrate(db, '0009-integrity'); // the version before this one
    raw.prepare(ROWS[0]!).run();
    raw.prepare(ROWS[1]!).run();
    raw.prepare(ROWS[2]!).run();

    expect(await migrate(db, '0010-row-versions')).toEqual(['0010-row-versions']);
    raw.prepare(ROWS[3]!).run(); // inserted after: the default applies
    for (const table of ['contact_persons', 'clients', 'decisions', 'assignments']) {
      expect(raw.prepare(`SELECT id, version FROM ${table}`).all()).toEqual([{ id: 1, version: 1 }]);
    }
    expect(() => raw.prepare('UPDATE clients SET version = NULL WHERE id = 1').run()).toThrow(/NOT NULL/);
    // Versioned by new rows, not edited in place: no second version column.
    const cols = (raw.prepare('PRAGMA table_info(agreements)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(cols.filter((c) => c === 'version')).toHaveLength(1);
    raw.close();
  });
});
