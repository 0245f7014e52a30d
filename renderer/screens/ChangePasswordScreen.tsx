import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button, Form } from 'react-aria-components';
import { contract } from '../../shared/ipc/contract';
import { call } from '../api';
import { applyServerError, FormMessage, TextInput } from '../components/form';

const schema = contract['session.changePassword'].input
  .extend({ confirm: z.string() })
  .refine((v) => v.newPassword === v.confirm, { path: ['confirm'], message: 'Lösenorden är inte lika.' });
type Values = z.input<typeof schema>;

/** Change one's own password; forced after an admin has set a temporary one. */
export function ChangePasswordScreen({ forced = false, onDone }: { forced?: boolean; onDone: () => void }) {
  const { control, handleSubmit, setError, formState, reset } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { currentPassword: '', newPassword: '', confirm: '' },
  });
  const [message, setMessage] = useState<string | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const submit = handleSubmit(async ({ confirm: _c, ...values }) => {
    setMessage(null);
    try {
      await call('session.changePassword', values);
      reset();
      setOk('Lösenordet är bytt.');
      onDone();
    } catch (err) {
      setMessage(applyServerError(err, setError));
    }
  });
  const form = (
    <Form validationBehavior="aria" onSubmit={submit} className="stack narrow">
      <TextInput
        control={control}
        name="currentPassword"
        label={forced ? 'Tillfälligt lösenord' : 'Nuvarande lösenord'}
        type="password"
        autoComplete="current-password"
      />
      <TextInput
        control={control}
        name="newPassword"
        label="Nytt lösenord"
        type="password"
        autoComplete="new-password"
        description="Minst 12 tecken."
      />
      <TextInput
        control={control}
        name="confirm"
        label="Upprepa nytt lösenord"
        type="password"
        autoComplete="new-password"
      />
      <FormMessage>{message}</FormMessage>
      <FormMessage tone="ok">{ok}</FormMessage>
      <Button type="submit" className="button primary" isDisabled={formState.isSubmitting}>
        Byt lösenord
      </Button>
    </Form>
  );
  if (!forced) return form;
  return (
    <main className="auth-page">
      <div className="auth-card">
        <h1>Välj ett eget lösenord</h1>
        <p className="muted">
          En administratör har gett dig ett tillfälligt lösenord. Välj ett eget innan du fortsätter.
        </p>
        {form}
      </div>
    </main>
  );
}
