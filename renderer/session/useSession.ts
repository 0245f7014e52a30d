import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionStatus } from '../../shared/ipc/procedures/session';
import { call } from '../api';

const POLL_MS = 5_000;
const TOUCH_MS = 30_000;

/**
 * Session state from main. Polls status (passive: it does not keep the session alive) so an
 * auto-lock shows at once, and reports real user input as activity at most every 30 s.
 */
export function useSession() {
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const lastTouch = useRef(0);

  const refresh = useCallback(async () => {
    try {
      setStatus(await call('session.status', {}));
    } catch {
      // keep the last known state; the next poll tries again
    }
  }, []);

  useEffect(() => {
    void refresh();
    const id = window.setInterval(() => void refresh(), POLL_MS);
    return () => window.clearInterval(id);
  }, [refresh]);

  useEffect(() => {
    if (status?.state !== 'unlocked') return;
    const onInput = () => {
      const now = performance.now(); // elapsed time only, never a date
      if (now - lastTouch.current < TOUCH_MS) return;
      lastTouch.current = now;
      void call('session.touch', {}).catch(() => refresh());
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    events.forEach((e) => window.addEventListener(e, onInput, { passive: true }));
    return () => events.forEach((e) => window.removeEventListener(e, onInput));
  }, [status?.state, refresh]);

  return { status, setStatus, refresh };
}
