import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionStatus } from '../../shared/ipc/procedures/session';
import { call } from '../api';
import { LOCK_WARNING_SECONDS } from './LockWarning';

const POLL_MS = 5_000;
const TOUCH_MS = 30_000;

/**
 * Session state from main. Polls status (passive: it does not keep the session alive) so an
 * auto-lock shows at once, and reports real user input as activity at most every 30 s (at once
 * while the lock warning shows).
 */
export function useSession() {
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const [polledAt, setPolledAt] = useState(0);
  const lastTouch = useRef(0);
  const warning = useRef(false);
  const warningShows = status?.lockInSeconds != null && status.lockInSeconds <= LOCK_WARNING_SECONDS;
  useEffect(() => {
    warning.current = warningShows;
  }, [warningShows]);

  const set = useCallback((s: SessionStatus) => {
    setPolledAt(performance.now());
    setStatus(s);
  }, []);
  // A failed poll keeps the last known state; the next poll tries again.
  const refresh = useCallback(() => call('session.status', {}).then(set, () => undefined), [set]);

  useEffect(() => {
    // The first poll right away, then every POLL_MS (main is an external system we subscribe to).
    const first = window.setTimeout(() => void refresh(), 0);
    const id = window.setInterval(() => void refresh(), POLL_MS);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(id);
    };
  }, [refresh]);

  useEffect(() => {
    if (status?.state !== 'unlocked') return;
    const onInput = () => {
      const now = performance.now(); // elapsed time only, never a date
      // While the lock warning shows, any input counts at once (and the warning goes away).
      if (now - lastTouch.current < TOUCH_MS && !warning.current) return;
      lastTouch.current = now;
      const wasWarning = warning.current;
      warning.current = false;
      void call('session.touch', {}).then(
        () => (wasWarning ? refresh() : undefined),
        () => refresh(),
      );
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    events.forEach((e) => window.addEventListener(e, onInput, { passive: true }));
    return () => events.forEach((e) => window.removeEventListener(e, onInput));
  }, [status?.state, refresh]);

  return { status, setStatus: set, refresh, polledAt };
}
