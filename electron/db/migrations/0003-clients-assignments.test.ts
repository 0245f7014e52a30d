import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/core';
import { migrate } from '../migrate';
import { createKysely, openEncryptedDatabase } from '../open';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('migration 0003-clients-assignments', () => {
  it('keeps contact persons from 0002 and links assignments to them and to decisions', async () => {
    const raw = openEncryptedDatabase(join(t.dir, 'm.db'), randomBytes(32));
    const db = createKysely(raw);
    await migrate(db, '0002-contact-persons');
    raw
      .prepare(
        "INSERT INTO contact_persons (personnummer, first_name, last_name, birth_date, gender, status, status_changed_at, queue_since, created_at, updated_at) VALUES ('198112289874','K','P','1981-12-28','man','godkand','x','2026-01-01','x','x')",
      )
      .run();

    expect(await migrate(db, '0003-clients-assignments')).toEqual(['0003-clients-assignments']);
    expect(raw.prepare('SELECT status, queue_since FROM contact_persons').get()).toEqual({
      status: 'godkand',
      queue_since: '2026-01-01',
    });
    const client = raw
      .prepare(
        "INSERT INTO clients (personnummer, first_name, last_name, birth_date, gender, ivo_suffix, created_at, updated_at) VALUES ('201405011238','B','R','2014-05-01','man',123,'x','x')",
      )
      .run();
    const decision = raw
      .prepare(
        "INSERT INTO decisions (client_id, legal_basis, decision_date, valid_from, meetings_per_period, period, hours_per_month, created_at) VALUES (?, 'LSS 9 § 4', '2026-05-15', '2026-05-15', 2, 'manad', 8, 'x')",
      )
      .run(client.lastInsertRowid);
    raw
      .prepare(
        "INSERT INTO assignments (decision_id, contact_person_id, status, created_at, updated_at) VALUES (?, 1, 'forslag', 'x', 'x')",
      )
      .run(decision.lastInsertRowid);
    expect(() =>
      raw
        .prepare(
          "INSERT INTO assignments (decision_id, contact_person_id, status, created_at, updated_at) VALUES (?, 99, 'forslag', 'x', 'x')",
        )
        .run(decision.lastInsertRowid),
    ).toThrow(/FOREIGN KEY/);
    raw.close();
  });
});
