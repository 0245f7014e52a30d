import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReadyCore, tempDir } from '../../test/helpers/core';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('session.status tells the renderer when the idle lock comes', () => {
  it('counts down from the idle minutes, restarts on activity, and is absent when locked', async () => {
    const { core, clock, invoke } = await makeReadyCore(t.dir);
    expect(core.status().lockInSeconds).toBe(15 * 60);
    clock.advance(14 * 60_000 + 1_500);
    // session.status is passive: asking does not count as activity.
    expect(await invoke('session.status', {})).toMatchObject({
      ok: true,
      value: { state: 'unlocked', lockInSeconds: 59 },
    });
    expect(await core.checkIdle()).toBe(false);
    core.touch();
    expect(core.status().lockInSeconds).toBe(15 * 60);
    clock.advance(15 * 60_000);
    expect(core.status().lockInSeconds).toBe(0);
    expect(await core.checkIdle()).toBe(true);
    expect(core.status()).toMatchObject({ state: 'locked' });
    expect(core.status().lockInSeconds ?? null).toBeNull();
  });
});
