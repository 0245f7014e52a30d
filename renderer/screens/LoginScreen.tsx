import { useState } from 'react';
import { errorText } from '../data/useProc';
import { Button, Form } from 'react-aria-components';
import type { SessionStatus } from '../../shared/ipc/procedures/session';
import { call } from '../api';
import { FormMessage, TextInput } from '../components/form';
import { useProcInputForm } from '../components/useProcForm';
import { RecoverForm } from './RecoverForm';

/** Login, and the lock screen (same form, the locked user's name filled in). */
export function LoginScreen({ status, onStatus }: { status: SessionStatus; onStatus: (s: SessionStatus) => void }) {
  const locked = status.state === 'locked';
  const [logoutMessage, setLogoutMessage] = useState<string | null>(null);
  const [recovering, setRecovering] = useState(false);
  const login = useProcInputForm('session.login', {
    defaultValues: { username: status.lockedUsername ?? '', password: '' },
    resetOnSuccess: false,
    onSuccess: onStatus,
    onFailure: () => login.setValue('password', ''),
  });
  const { control, submit, formState } = login;
  const message = login.message ?? logoutMessage;

  if (recovering) return <RecoverForm onStatus={onStatus} onCancel={() => setRecovering(false)} />;

  return (
    <main className="auth-page">
      <div className="auth-card">
        <h1>{locked ? 'Kontaktregistret är låst' : 'Logga in'}</h1>
        {status.unitName && <p className="muted">{status.unitName}</p>}
        {status.dataSource?.kind === 'server' && <p className="muted">Databasserver: {status.dataSource.label}</p>}
        {locked && <p>Sessionen låstes. Ange ditt lösenord för att fortsätta.</p>}
        <Form validationBehavior="aria" onSubmit={submit} className="stack">
          <TextInput
            control={control}
            name="username"
            label="Användarnamn"
            autoComplete="username"
            autoFocus={!locked}
          />
          <TextInput
            control={control}
            name="password"
            label="Lösenord"
            type="password"
            autoComplete="current-password"
            autoFocus={locked}
          />
          <FormMessage>{message}</FormMessage>
          <Button type="submit" className="button primary" isDisabled={formState.isSubmitting}>
            {locked ? 'Lås upp' : 'Logga in'}
          </Button>
        </Form>
        <div className="row spread">
          {locked && (
            <Button
              className="link"
              onPress={() =>
                void call('session.logout', {}).then(onStatus, (e: unknown) => setLogoutMessage(errorText(e)))
              }
            >
              Logga in som annan användare
            </Button>
          )}
          <Button className="link" onPress={() => setRecovering(true)}>
            Glömt lösenordet?
          </Button>
        </div>
      </div>
    </main>
  );
}
