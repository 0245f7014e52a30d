import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReadyCore, tempDir } from '../../../test/helpers/core';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('payment settings never saved', () => {
  it('read back as the defaults (the settings screen opens), with the payer account still to fill in', async () => {
    const made = await makeReadyCore(t.dir);
    const r = await made.invoke('payments.getSettings', {});
    expect(r).toMatchObject({ ok: true, value: { debtorAccount: '', paymentDayOfMonth: 25 } });
  });
});
