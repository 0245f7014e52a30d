import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useSession } from './session/useSession';
import { SetupScreen } from './screens/SetupScreen';
import { RecoveryKeyScreen } from './screens/RecoveryKeyScreen';
import { LoginScreen } from './screens/LoginScreen';
import { AppShell } from './screens/AppShell';
import { ChangePasswordScreen } from './screens/ChangePasswordScreen';
import { TodayContext } from './session/today';
import type { SessionStatus } from '../shared/ipc/procedures/session';

interface Place {
  userId: number;
  screen: string;
}

/** Top-level state machine: first start -> recovery key -> login/lock -> the app. */
export function App() {
  const { status, setStatus, refresh, polledAt } = useSession();
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  // Where the officer was when the app locked: unlocking as the same user goes back there.
  // Only the screen is kept, never what was typed (unsaved input does not outlive the lock).
  const place = useRef<Place | null>(null);
  const [startPlace, setStartPlace] = useState<Place | null>(null);
  const queryClient = useQueryClient();
  const state = status?.state;
  // Confidential data must not stay in memory once the app is locked or logged out, however that
  // happened (the buttons, the idle lock in main, another window).
  useEffect(() => {
    if (state !== 'unlocked') queryClient.clear();
  }, [state, queryClient]);

  if (!status) return <div className="center muted">Startar…</div>;
  const onStatus = (s: SessionStatus) => {
    if (s.state === 'loggedOut') place.current = null;
    setStartPlace(place.current);
    setStatus(s);
  };
  const onScreen = (screen: string) => {
    if (status.user) place.current = { userId: status.user.id, screen };
  };
  return (
    <TodayContext.Provider value={status.today}>
      {recoveryKey ? (
        <RecoveryKeyScreen
          recoveryKey={recoveryKey}
          onDone={() => {
            setRecoveryKey(null);
            void refresh();
          }}
        />
      ) : (
        <Screen
          status={status}
          setStatus={onStatus}
          refresh={refresh}
          onCreated={setRecoveryKey}
          polledAt={polledAt}
          startPlace={startPlace}
          onScreen={onScreen}
        />
      )}
    </TodayContext.Provider>
  );
}

function Screen(props: {
  status: SessionStatus;
  setStatus: (s: SessionStatus) => void;
  refresh: () => Promise<void>;
  onCreated: (key: string) => void;
  polledAt: number;
  startPlace: Place | null;
  onScreen: (screen: string) => void;
}) {
  const { status, setStatus } = props;
  switch (status.state) {
    case 'uninitialized':
      return <SetupScreen onCreated={props.onCreated} onJoined={setStatus} />;
    case 'loggedOut':
    case 'locked':
      return <LoginScreen status={status} onStatus={setStatus} />;
    case 'unlocked':
      if (status.user?.mustChangePassword) return <ChangePasswordScreen forced onDone={() => void props.refresh()} />;
      return (
        <AppShell
          status={status}
          onStatus={setStatus}
          polledAt={props.polledAt}
          startScreen={props.startPlace?.userId === status.user?.id ? props.startPlace?.screen : undefined}
          onScreen={props.onScreen}
        />
      );
  }
}
