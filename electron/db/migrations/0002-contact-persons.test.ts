import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/core';
import { migrate } from '../migrate';
import { createKysely, openEncryptedDatabase } from '../open';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('migration 0002-contact-persons', () => {
  it('keeps the users and audit rows of 0001 and adds the contact person tables', async () => {
    const raw = openEncryptedDatabase(join(t.dir, 'm.db'), randomBytes(32));
    const db = createKysely(raw);
    await migrate(db, '0001-core');
    raw
      .prepare(
        "INSERT INTO users (username, display_name, roles, created_at, updated_at) VALUES ('hanna','Hanna','[\"handlaggare\"]','x','x')",
      )
      .run();
    raw.prepare("INSERT INTO audit_log VALUES (1,'t',1,'a',NULL,NULL,NULL,'p','h')").run();

    expect(await migrate(db)).toContain('0002-contact-persons');
    expect(raw.prepare('SELECT username FROM users').all()).toEqual([{ username: 'hanna' }]);
    expect(raw.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });

    const ins = raw.prepare(
      "INSERT INTO contact_persons (personnummer, first_name, last_name, birth_date, gender, status, status_changed_at, created_at, updated_at) VALUES (?, 'Test', 'Testsson', '1981-12-28', 'man', 'intresseanmalan', 'x', 'x', 'x')",
    );
    const { lastInsertRowid } = ins.run('198112289874');
    expect(() => ins.run('198112289874')).toThrow(/UNIQUE/);
    raw
      .prepare("INSERT INTO cp_events (contact_person_id, at, date, user_id, kind) VALUES (?, 'x', 'x', 1, 'status')")
      .run(lastInsertRowid);
    expect(() =>
      raw.prepare("INSERT INTO cp_events (contact_person_id, at, date, kind) VALUES (999, 'x', 'x', 'status')").run(),
    ).toThrow(/FOREIGN KEY/);
    raw.close();
  });
});
