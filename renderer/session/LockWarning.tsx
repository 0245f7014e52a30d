import { useEffect, useState } from 'react';

/** Warn this many seconds before the idle auto-lock. */
export const LOCK_WARNING_SECONDS = 60;

/**
 * "Låses om 60 s": shown during the last minute before the idle lock. The seconds come from the
 * backend (session.status.lockInSeconds, polled); between polls it counts down with elapsed time.
 * Any key or click is activity (useSession reports it at once while this shows), which hides it.
 */
export function LockWarning({
  lockInSeconds,
  polledAt,
}: {
  lockInSeconds: number | null | undefined;
  polledAt: number;
}) {
  const [now, setNow] = useState(() => performance.now());
  const showing = lockInSeconds != null && lockInSeconds <= LOCK_WARNING_SECONDS;
  useEffect(() => {
    if (!showing) return;
    const id = window.setInterval(() => setNow(performance.now()), 1000);
    return () => window.clearInterval(id);
  }, [showing]);
  if (!showing) return null;
  const left = Math.max(0, Math.round(lockInSeconds - Math.max(0, now - polledAt) / 1000));
  return (
    <div className="lock-warning" role="alert" data-testid="lock-warning">
      <strong>Låses om {left} s</strong> eftersom ingenting har hänt på en stund. Tryck på en tangent eller klicka för
      att fortsätta arbeta. Det som inte är sparat försvinner när programmet låses.
    </div>
  );
}
