import { useCallback, useRef, useState } from 'react';

/**
 * Busy state for a long action: `run(fn)` does nothing while a previous run is still going (a
 * double-click sends one request), and `busy` disables the buttons meanwhile.
 */
export function useBusy(): [boolean, (fn: () => Promise<void>) => Promise<void>] {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (fn: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await fn();
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return [busy, run];
}
