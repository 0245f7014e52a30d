import { describe, expect, it } from 'vitest';
import { checkPgConfig } from './postgres';
import { DomainError } from '../../shared/errors';
import { dataSourceChoice, isPinSha256, SERVER_FIELD_MESSAGES, serverFields } from '../../shared/ipc/server-fields';

const good = {
  host: 'db.example.test',
  port: 5432,
  database: 'kontaktregistret',
  user: 'kpr_app',
  password: 'hemligt-testlösenord',
};
const PIN = 'ab'.repeat(32);

/** The form's schema and main's check name the same fields with the same Swedish words. */
function mainRefusal(over: Partial<typeof good> & { pin?: string }): string | undefined {
  const { pin, ...rest } = over;
  try {
    checkPgConfig({ ...good, ...rest, tls: pin === undefined ? {} : { pinSha256: pin } });
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return (err as DomainError).message;
  }
}

describe('server connection fields', () => {
  it('accepts a fingerprint with or without colons, and refuses anything else', () => {
    expect(isPinSha256(PIN)).toBe(true);
    expect(isPinSha256(PIN.toUpperCase().match(/../g)!.join(':'))).toBe(true);
    expect(isPinSha256(PIN.slice(2))).toBe(false);
    expect(isPinSha256(`${PIN.slice(2)}zz`)).toBe(false);
  });

  it('refuses a bad fingerprint in the form already, with main’s message', () => {
    const r = serverFields.safeParse({ ...good, pinSha256: 'abc' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['pinSha256']);
    expect(r.error?.issues[0]?.message).toBe(SERVER_FIELD_MESSAGES.pinSha256);
    expect(mainRefusal({ pin: 'abc' })).toBe(SERVER_FIELD_MESSAGES.pinSha256);
    expect(serverFields.safeParse({ ...good, pinSha256: PIN }).success).toBe(true);
    expect(serverFields.safeParse({ ...good }).success).toBe(true);
  });

  it('gives the same message on both sides for each field', () => {
    const cases: Array<[keyof typeof good, unknown, string]> = [
      ['host', '', SERVER_FIELD_MESSAGES.host],
      ['port', 70000, SERVER_FIELD_MESSAGES.port],
      ['database', 'drop table;', SERVER_FIELD_MESSAGES.database],
      ['user', '', SERVER_FIELD_MESSAGES.user],
      ['password', '', SERVER_FIELD_MESSAGES.password],
    ];
    for (const [field, value, message] of cases) {
      const r = dataSourceChoice.safeParse({ kind: 'server', ...good, [field]: value });
      expect(r.error?.issues.find((i) => i.path[0] === field)?.message).toBe(message);
      expect(mainRefusal({ [field]: value })).toBe(message);
    }
    expect(mainRefusal({})).toBeUndefined();
  });
});
