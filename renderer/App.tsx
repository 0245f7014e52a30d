import { useState } from 'react';
import { useSession } from './session/useSession';
import { SetupScreen } from './screens/SetupScreen';
import { RecoveryKeyScreen } from './screens/RecoveryKeyScreen';
import { LoginScreen } from './screens/LoginScreen';
import { AppShell } from './screens/AppShell';
import { ChangePasswordScreen } from './screens/ChangePasswordScreen';

/** Top-level state machine: first start -> recovery key -> login/lock -> the app. */
export function App() {
  const { status, setStatus, refresh } = useSession();
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  if (!status) return <div className="center muted">Startar…</div>;
  if (recoveryKey) return <RecoveryKeyScreen recoveryKey={recoveryKey} onDone={() => { setRecoveryKey(null); void refresh(); }} />;
  switch (status.state) {
    case 'uninitialized':
      return <SetupScreen onCreated={setRecoveryKey} />;
    case 'loggedOut':
    case 'locked':
      return <LoginScreen status={status} onStatus={setStatus} />;
    case 'unlocked':
      if (status.user?.mustChangePassword) return <ChangePasswordScreen forced onDone={() => void refresh()} />;
      return <AppShell status={status} onStatus={setStatus} />;
  }
}
