import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Button, Form } from 'react-aria-components';
import { contract } from '../../shared/ipc/contract';
import type { SessionStatus } from '../../shared/ipc/procedures/session';
import { call } from '../api';
import { applyServerError, FormMessage, TextInput } from '../components/form';

type Values = z.input<(typeof contract)['session.recover']['input']>;

/** Forgotten password: the recovery key from setup lets a user choose a new password. */
export function RecoverForm({ onStatus, onCancel }: { onStatus: (s: SessionStatus) => void; onCancel: () => void }) {
  const { control, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(contract['session.recover'].input),
    defaultValues: { recoveryKey: '', username: '', newPassword: '' },
  });
  const [message, setMessage] = useState<string | null>(null);
  const submit = handleSubmit(async (values) => {
    try {
      onStatus(await call('session.recover', values));
    } catch (err) {
      setMessage(applyServerError(err, setError));
    }
  });
  return (
    <main className="auth-page">
      <div className="auth-card">
        <h1>Återställ lösenord</h1>
        <p className="muted">Ange återställningsnyckeln som skrevs ut när Kontaktregistret installerades.</p>
        <Form validationBehavior="aria" onSubmit={submit} className="stack">
          <TextInput control={control} name="recoveryKey" label="Återställningsnyckel" autoFocus />
          <TextInput control={control} name="username" label="Användarnamn" autoComplete="username" />
          <TextInput
            control={control}
            name="newPassword"
            label="Nytt lösenord"
            type="password"
            autoComplete="new-password"
          />
          <FormMessage>{message}</FormMessage>
          <Button type="submit" className="button primary" isDisabled={formState.isSubmitting}>
            Sätt nytt lösenord
          </Button>
          <Button className="link" onPress={onCancel}>
            Tillbaka
          </Button>
        </Form>
      </div>
    </main>
  );
}
