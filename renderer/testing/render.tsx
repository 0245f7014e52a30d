import { useEffect, useState, type ReactElement, type ReactNode } from 'react';
import { afterEach } from 'vitest';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { PointerEventsCheckLevel, userEvent } from '@testing-library/user-event';
import { I18nProvider } from 'react-aria-components';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '../data/queryClient';
import type { IsoDate } from '../../shared/dates';
import type { SessionStatus } from '../../shared/ipc/procedures/session';
import type { Role } from '../../shared/roles';
import { call } from '../api';
import { TodayContext } from '../session/today';
import { discardUnsaved } from '../session/unsaved';
import { createFakeKpr, type Answers, type FakeKpr } from './fake-kpr';

/**
 * Renders a component as the app would: Swedish locale, a fresh query cache, and "today" from
 * session.status answered by the fake bridge (the renderer never asks the browser's clock).
 * Test files using it start with the line `// @vitest-environment jsdom`.
 */

/** The E2E harness's fixed day; a test that needs another passes `today`. */
export const TEST_TODAY: IsoDate = '2026-11-22';

export function sessionStatus(today: IsoDate, roles: Role[]): SessionStatus {
  return {
    state: 'unlocked',
    user: { id: 1, username: 'testare', displayName: 'Test Testsson', roles, mustChangePassword: false },
    lockedUsername: null,
    unitName: 'Enheten',
    today,
    lockInSeconds: null,
  };
}

/** "Today" as the shell provides it: from session.status, through the bridge. */
function TodayFromSession({ children, onReady }: { children: ReactNode; onReady: () => void }) {
  const [today, setToday] = useState<IsoDate | null>(null);
  useEffect(() => {
    void call('session.status', {}).then((s) => {
      setToday(s.today);
      onReady();
    });
  }, [onReady]);
  return today ? <TodayContext.Provider value={today}>{children}</TodayContext.Provider> : null;
}

export interface RenderOptions {
  /** Answers per procedure name; session.status is answered from `today` and `roles`. */
  answers?: Answers;
  today?: IsoDate;
  /** The logged-in user's roles (the fake refuses procedures the roles do not allow). */
  roles?: Role[];
}

/**
 * jsdom has no layout, so every element is 0 px high and a virtualised table (VirtualTable)
 * renders no rows. Elements with an inline height get it, in a 1366×768 window (the size the
 * E2E layout scan uses); all else stays 0 as before.
 */
function installLayoutShim(): void {
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      const m = /^([\d.]+)(px|vh)$/.exec(this.style.height);
      if (m) return Number(m[1]) * (m[2] === 'vh' ? 768 / 100 : 1);
      return (original?.get?.call(this) as number | undefined) ?? 0;
    },
  });
}
if (typeof HTMLElement !== 'undefined') installLayoutShim();

// jsdom has no CSS.escape; react-aria's Modal uses it to look up a CSP nonce <meta>. Enough for that.
if (typeof window !== 'undefined' && typeof globalThis.CSS?.escape !== 'function') {
  globalThis.CSS = { ...globalThis.CSS, escape: (v: string) => v.replace(/[^\w-]/g, (c) => `\\${c}`) } as typeof CSS;
}

let current: FakeKpr | null = null;

afterEach(() => {
  cleanup();
  discardUnsaved();
  const problems = current?.problems ?? [];
  current = null;
  if (problems.length > 0) throw new Error(`Fake bridge: ${problems.join('; ')}`);
});

type User = ReturnType<typeof userEvent.setup>;

/**
 * Replaces a field's text the way an officer pasting it would: one input event instead of one
 * per key, which keeps the big forms' tests fast. Use `user.type` where keystrokes matter.
 */
export async function fill(user: User, field: HTMLElement, text: string): Promise<void> {
  await user.clear(field);
  if (text) await user.paste(text);
}

/**
 * Waits until the screen is quiet: no call in flight and React done with what the answers set
 * (a reload after a save, say). For asserting that something did NOT happen afterwards.
 */
export async function settle(kpr: FakeKpr): Promise<void> {
  for (let quiet = 0, round = 0; quiet < 3 && round < 100; round++) {
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    quiet = kpr.pending === 0 ? quiet + 1 : 0;
  }
}

/** Renders `ui` once session.status has answered; returns RTL's queries, a user-event user and the fake. */
export async function renderWithKpr(ui: ReactElement, options: RenderOptions = {}) {
  if (typeof document === 'undefined')
    throw new Error('Renderer tests need `// @vitest-environment jsdom` at the top of the file.');
  const roles = options.roles ?? ['handlaggare'];
  const kpr = createFakeKpr(
    { 'session.status': sessionStatus(options.today ?? TEST_TODAY, roles), ...options.answers },
    roles,
  );
  current = kpr;
  window.kpr = { invoke: kpr.invoke };
  let ready = false;
  const onReady = () => (ready = true);
  // No pause between keystrokes and no computed-style check per pointer event (slow in jsdom,
  // and nothing here hides controls with pointer-events): the suite stays fast.
  const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
  const result = render(
    <I18nProvider locale="sv-SE">
      <QueryClientProvider client={createQueryClient()}>
        <TodayFromSession onReady={onReady}>{ui}</TodayFromSession>
      </QueryClientProvider>
    </I18nProvider>,
  );
  await waitFor(() => {
    if (!ready) throw new Error('session.status has not answered');
  });
  await act(async () => {});
  return { ...result, user, kpr };
}
