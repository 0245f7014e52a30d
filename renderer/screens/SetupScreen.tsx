import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button, Form } from 'react-aria-components';
import { contract } from '../../shared/ipc/contract';
import { call } from '../api';
import { applyServerError, FormMessage, TextInput } from '../components/form';

const schema = contract['session.setup'].input
  .extend({ confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'Lösenorden är inte lika.' });
type Values = z.input<typeof schema>;

/** First start: the unit's name and the first administrator. */
export function SetupScreen({ onCreated }: { onCreated: (recoveryKey: string) => void }) {
  const { control, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { unitName: '', displayName: '', username: '', password: '', confirm: '' },
  });
  const [message, setMessage] = useState<string | null>(null);

  const submit = handleSubmit(async ({ confirm: _c, ...values }) => {
    setMessage(null);
    try {
      const { recoveryKey } = await call('session.setup', values);
      onCreated(recoveryKey);
    } catch (err) {
      setMessage(applyServerError(err, setError));
    }
  });

  return (
    <main className="auth-page">
      <div className="auth-card wide">
        <h1>Välkommen till Kontaktregistret</h1>
        <p className="muted">
          Första start. Skapa enhetens första administratör. Allt som sparas krypteras med en nyckel som bara låses upp
          med ett lösenord eller med återställningsnyckeln som visas i nästa steg.
        </p>
        <Form validationBehavior="aria" onSubmit={submit} className="stack">
          <TextInput control={control} name="unitName" label="Enhetens namn" autoFocus />
          <TextInput control={control} name="displayName" label="Ditt namn" autoComplete="name" />
          <TextInput control={control} name="username" label="Användarnamn" autoComplete="username" />
          <TextInput
            control={control}
            name="password"
            label="Lösenord"
            type="password"
            autoComplete="new-password"
            description="Minst 12 tecken. En mening går bra."
          />
          <TextInput
            control={control}
            name="confirm"
            label="Upprepa lösenordet"
            type="password"
            autoComplete="new-password"
          />
          <FormMessage>{message}</FormMessage>
          <Button type="submit" className="button primary" isDisabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Skapar…' : 'Skapa administratör'}
          </Button>
        </Form>
      </div>
    </main>
  );
}
