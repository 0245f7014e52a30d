import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type ProcedureName } from '../../shared/ipc/contract';
import { ERROR_CODES } from '../../shared/errors';
import { verifyAuditChain } from '../../electron/audit/verify';
import { seedDemo } from '../../electron/seed/demo';
import { makeReadyCore, tempDir } from '../helpers/core';

let t: ReturnType<typeof tempDir>;
let made: Awaited<ReturnType<typeof makeReadyCore>>;

/**
 * Procedures that end or switch the session are fuzzed separately, so the session stays open; those that
 * reach out to a database server named in their input are left out (no network from this test).
 */
const SESSION_CHANGING = new Set<ProcedureName>([
  'session.setup',
  'session.join',
  'dataSource.test',
  'dataSource.moveToServer',
  'session.login',
  'session.recover',
  'session.lock',
  'session.logout',
  'session.changePassword',
  'backup.restore',
]);
const NAMES = (Object.keys(contract) as ProcedureName[]).filter((n) => !SESSION_CHANGING.has(n));

/** Every table except the audit log, whose rows reads are allowed to add. */
function fingerprint(): string {
  const raw = made.core.serviceContext().raw;
  const tables = (
    raw
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('audit_log', 'sqlite_sequence')")
      .all() as Array<{ name: string }>
  ).map((r) => r.name);
  return (
    tables
      .map(
        (tb) =>
          `${tb}:${(raw.prepare(`SELECT count(*) AS n, total(rowid) AS s FROM "${tb}"`).get() as { n: number; s: number }).n}`,
      )
      .join('|') + `|changes:${(raw.prepare('SELECT total_changes() AS c').get() as { c: number }).c}`
  );
}

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "'; DROP TABLE users; --",
    '<script>alert(1)</script>',
    '../../../etc/passwd',
    '\u0000',
    '%s%s%s',
    '{{kontaktperson.namn}}',
    'x'.repeat(100_000),
    '19121212-1212',
    '2026-02-30',
    '9999-99',
  ),
);
const hostileValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 12 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Random objects that use the procedure's real field names, so the fuzz gets past the outer shape. */
function inputFor(name: ProcedureName) {
  const shape = contract[name].input as unknown as {
    shape?: Record<string, unknown>;
    def?: { in?: { shape?: Record<string, unknown> } };
  };
  const keys = Object.keys(shape.shape ?? shape.def?.in?.shape ?? {});
  return fc.oneof(
    hostileValue,
    keys.length
      ? fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] })
      : fc.constant({}),
  );
}

beforeAll(async () => {
  t = tempDir('kpr-fuzz-');
  made = await makeReadyCore(t.dir);
  await seedDemo(made.core.serviceContext(), { seed: 11 });
}, 120_000);
afterAll(() => t.cleanup());

describe('IPC fuzz', () => {
  it('answers 10 000 random and hostile calls with a typed result; a refused call writes nothing; the audit chain stays whole', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...NAMES).chain((name) => fc.tuple(fc.constant(name), inputFor(name))),
        async ([name, input]) => {
          const before = fingerprint();
          const r = await made.invoke(name, input);
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) {
            refused++;
            expect(ERROR_CODES).toContain(r.error.code);
            expect(r.error.code, `${name} ${JSON.stringify(input)?.slice(0, 200)}: ${r.error.message}`).not.toBe(
              'INTERNAL',
            );
            expect(r.error.message.length).toBeGreaterThan(0);
            expect(fingerprint(), `${name} wrote despite refusing`).toBe(before);
          }
        },
      ),
      { numRuns: 10_000, seed: 20261122 },
    );
    expect(refused).toBeGreaterThan(5_000); // most random input is refused; the rest are valid list and read calls
    expect(verifyAuditChain(made.core.serviceContext().raw).ok).toBe(true);
    // Unknown procedure names too.
    for (const bogus of ['__proto__', 'constructor', 'toString', 'db.exec', '', 'session.status '] as const) {
      expect(await made.invoke(bogus, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
    }
  }, 600_000);
});
