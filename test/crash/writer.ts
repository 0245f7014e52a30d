/**
 * Child process for the crash test: commits one row plus its audit row per transaction, through the
 * app's own database and audit code, and prints the row's number only after the commit returned.
 */
import { writeSync } from 'node:fs';
import { sql } from 'kysely';
import { createKysely, openEncryptedDatabase } from '../../electron/db/open';
import { migrate } from '../../electron/db/migrate';
import { appendAudit } from '../../electron/audit/audit-log';

async function main() {
  const raw = openEncryptedDatabase(process.env.CRASH_DB!, Buffer.from(process.env.CRASH_KEY!, 'hex'));
  const db = createKysely(raw);
  await migrate(db);
  await sql`CREATE TABLE IF NOT EXISTS crash_rows (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)`.execute(db);
  const start = (raw.prepare('SELECT coalesce(max(id), 0) AS m FROM crash_rows').get() as { m: number }).m;
  writeSync(1, 'ready\n');
  for (let i = start + 1; ; i++) {
    await db.transaction().execute(async (trx) => {
      await sql`INSERT INTO crash_rows (id, payload) VALUES (${i}, ${'x'.repeat(200 + (i % 50) * 40)})`.execute(trx);
      await appendAudit(
        trx,
        { userId: null, action: 'crash.write', entityType: 'crash_row', entityId: i },
        () => new Date('2026-11-22T09:00:00Z'),
      );
    });
    writeSync(1, `${i}\n`);
  }
}

void main();
