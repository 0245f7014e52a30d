import { useState } from 'react';
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
  const { status, setStatus, refresh } = useSession();
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  if (!status) return <div className="center muted">Startar…</div>;
  return (
    <TodayContext.Provider value={status.today}>
      {recoveryKey ? (
        <RecoveryKeyScreen recoveryKey={recoveryKey} onDone={() => { setRecoveryKey(null); void refresh(); }} />
      ) : (
        <Screen status={status} setStatus={setStatus} refresh={refresh} onCreated={setRecoveryKey} />
      )}
    </TodayContext.Provider>
  );
}

function Screen({ status, setStatus, refresh, onCreated }: { status: SessionStatus; setStatus: (s: SessionStatus) => void; refresh: () => Promise<void>; onCreated: (key: string) => void }) {
  switch (status.state) {
    case 'uninitialized':
      return <SetupScreen onCreated={onCreated} />;
    case 'loggedOut':
    case 'locked':
      return <LoginScreen status={status} onStatus={setStatus} />;
    case 'unlocked':
      if (status.user?.mustChangePassword) return <ChangePasswordScreen forced onDone={() => void refresh()} />;
      return <AppShell status={status} onStatus={setStatus} />;
  }
}
