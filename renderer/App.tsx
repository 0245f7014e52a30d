import { useRef, useState } from 'react';
import { useSession } from './session/useSession';
import { SetupScreen } from './screens/SetupScreen';
import { RecoveryKeyScreen } from './screens/RecoveryKeyScreen';
import { LoginScreen } from './screens/LoginScreen';
import { AppShell } from './screens/AppShell';
import { ChangePasswordScreen } from './screens/ChangePasswordScreen';
import { TodayContext } from './session/today';
import type { SessionStatus } from '../shared/ipc/procedures/session';

/** Top-level state machine: first start -> recovery key -> login/lock -> the app. */
export function App() {
  const { status, setStatus, refresh, polledAt } = useSession();
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  // Where the officer was when the app locked: unlocking as the same user goes back there.
  // Only the screen is kept, never what was typed (unsaved input does not outlive the lock).
  const place = useRef<{ userId: number; screen: string } | null>(null);

  if (!status) return <div className="center muted">Startar…</div>;
  return (
    <TodayContext.Provider value={status.today}>
      {recoveryKey ? (
        <RecoveryKeyScreen recoveryKey={recoveryKey} onDone={() => { setRecoveryKey(null); void refresh(); }} />
      ) : (
        <Screen status={status} setStatus={setStatus} refresh={refresh} onCreated={setRecoveryKey} polledAt={polledAt} place={place} />
      )}
    </TodayContext.Provider>
  );
}

function Screen({ status, setStatus, refresh, onCreated, polledAt, place }: { status: SessionStatus; setStatus: (s: SessionStatus) => void; refresh: () => Promise<void>; onCreated: (key: string) => void; polledAt: number; place: { current: { userId: number; screen: string } | null } }) {
  switch (status.state) {
    case 'uninitialized':
      return <SetupScreen onCreated={onCreated} />;
    case 'loggedOut':
    case 'locked':
      return <LoginScreen status={status} onStatus={setStatus} />;
    case 'unlocked':
      if (status.user?.mustChangePassword) return <ChangePasswordScreen forced onDone={() => void refresh()} />;
      return (
        <AppShell
          status={status}
          onStatus={(s) => {
            if (s.state === 'loggedOut') place.current = null;
            setStatus(s);
          }}
          polledAt={polledAt}
          startScreen={place.current?.userId === status.user?.id ? place.current?.screen : undefined}
          onScreen={(screen) => (place.current = { userId: status.user!.id, screen })}
        />
      );
  }
}
