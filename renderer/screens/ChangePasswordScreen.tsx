import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { FormMessage, TextInput } from '../components/form';
import { useProcForm } from '../components/useProcForm';

/** Change one's own password; forced after an admin has set a temporary one. */
export function ChangePasswordScreen({ forced = false, onDone }: { forced?: boolean; onDone: () => void }) {
  const [ok, setOk] = useState<string | null>(null);
  const { control, submit, message, formState } = useProcForm('session.changePassword', {
    defaultValues: { currentPassword: '', newPassword: '', confirm: '' },
    toInput: ({ currentPassword, newPassword }) => ({ currentPassword, newPassword }),
    check: (v) => (v.newPassword === v.confirm ? {} : { confirm: 'Lösenorden är inte lika.' }),
    onSuccess: () => {
      setOk('Lösenordet är bytt.');
      onDone();
    },
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
