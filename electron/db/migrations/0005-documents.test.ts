import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/core';
import { migrate } from '../migrate';
import { createKysely, openEncryptedDatabase } from '../open';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('migration 0005-documents', () => {
  it('adds versioned agreements and plans, follow-ups and the PDF archive next to existing assignments', async () => {
    const raw = openEncryptedDatabase(join(t.dir, 'm.db'), randomBytes(32));
    const db = createKysely(raw);
    await migrate(db, '0004-payouts');
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
        "INSERT INTO assignments (decision_id, contact_person_id, status, start_date, arvode_level, created_at, updated_at) VALUES (1, 1, 'aktivt', '2026-06-01', 'A1M', 'x', 'x')",
      )
      .run();

    expect(await migrate(db, '0005-documents')).toEqual(['0005-documents']);
    expect(raw.prepare('SELECT arvode_level FROM assignments').get()).toEqual({ arvode_level: 'A1M' });
    const ins = raw.prepare(
      "INSERT INTO agreements (assignment_id, version, data, created_at) VALUES (1, ?, '{}', 'x')",
    );
    ins.run(1);
    ins.run(2);
    expect(() => ins.run(2)).toThrow(/UNIQUE/);
    raw.prepare("INSERT INTO follow_ups (assignment_id, planned_date) VALUES (1, '2026-12-01')").run();
    expect(raw.prepare('SELECT participants, done_date FROM follow_ups').get()).toEqual({
      participants: '',
      done_date: null,
    });
    raw
      .prepare(
        "INSERT INTO documents (kind, assignment_id, title, created_at, pdf) VALUES ('avtal', 1, 'Avtal', 'x', ?)",
      )
      .run(Buffer.from('%PDF-1.4'));
    expect(() =>
      raw
        .prepare(
          "INSERT INTO documents (kind, assignment_id, title, created_at, pdf) VALUES ('avtal', 99, 'Avtal', 'x', ?)",
        )
        .run(Buffer.from('x')),
    ).toThrow(/FOREIGN KEY/);
    raw.close();
  });
});
