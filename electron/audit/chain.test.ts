import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalRow, chainHash } from './chain';

const row = {
  id: 7,
  at: '2026-11-22T09:00:00.000Z',
  user_id: 3,
  action: 'cp.update',
  entity_type: 'contact_person',
  entity_id: '12',
  detail: 'åäö "x"\n',
};
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('canonical row and chain hash', () => {
  it('hashes a row without a workstation exactly as before migration 0012 (seven columns)', () => {
    const old = JSON.stringify([7, row.at, 3, 'cp.update', 'contact_person', '12', 'åäö "x"\n']);
    expect(canonicalRow(row)).toBe(old);
    expect(canonicalRow({ ...row, workstation: null })).toBe(old);
    expect(chainHash(GENESIS_HASH, { ...row, workstation: null })).toBe(sha(`${GENESIS_HASH}\n${old}`));
  });

  it('appends the workstation as an eighth column when there is one, so it is covered by the hash', () => {
    const ws = { ...row, workstation: 'KOMMUN-PC17 (1a2b3c4d)' };
    const eight = JSON.stringify([7, row.at, 3, 'cp.update', 'contact_person', '12', 'åäö "x"\n', ws.workstation]);
    expect(canonicalRow(ws)).toBe(eight);
    expect(chainHash(GENESIS_HASH, ws)).toBe(sha(`${GENESIS_HASH}\n${eight}`));
    expect(chainHash(GENESIS_HASH, ws)).not.toBe(
      chainHash(GENESIS_HASH, { ...ws, workstation: 'ANNAN-PC (1a2b3c4d)' }),
    );
  });
});
