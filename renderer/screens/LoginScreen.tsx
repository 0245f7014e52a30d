import { useState } from 'react';
import { errorText } from '../data/useProc';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Button, Form } from 'react-aria-components';
import { contract } from '../../shared/ipc/contract';
import type { SessionStatus } from '../../shared/ipc/procedures/session';
import { call } from '../api';
import { applyServerError, FormMessage, TextInput } from '../components/form';
import { RecoverForm } from './RecoverForm';

type Values = z.input<(typeof contract)['session.login']['input']>;

/** Login, and the lock screen (same form, the locked user's name filled in). */
export function LoginScreen({ status, onStatus }: { status: SessionStatus; onStatus: (s: SessionStatus) => void }) {
  const locked = status.state === 'locked';
  const { control, handleSubmit, setError, formState, setValue } = useForm<Values>({
    resolver: zodResolver(contract['session.login'].input),
    defaultValues: { username: status.lockedUsername ?? '', password: '' },
  });
  const [message, setMessage] = useState<string | null>(null);
  const [recovering, setRecovering] = useState(false);

  const submit = handleSubmit(async (values) => {
    setMessage(null);
    try {
      onStatus(await call('session.login', values));
    } catch (err) {
      setValue('password', '');
      setMessage(applyServerError(err, setError));
    }
  });

  if (recovering) return <RecoverForm onStatus={onStatus} onCancel={() => setRecovering(false)} />;

  return (
    <main className="auth-page">
      <div className="auth-card">
        <h1>{locked ? 'Kontaktregistret är låst' : 'Logga in'}</h1>
        {status.unitName && <p className="muted">{status.unitName}</p>}
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
              onPress={() => void call('session.logout', {}).then(onStatus, (e: unknown) => setMessage(errorText(e)))}
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
