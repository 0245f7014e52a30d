import { Button, Form } from 'react-aria-components';
import type { SessionStatus } from '../../shared/ipc/procedures/session';
import { FormMessage, TextInput } from '../components/form';
import { useProcInputForm } from '../components/useProcForm';

/** Forgotten password: the recovery key from setup lets a user choose a new password. */
export function RecoverForm({ onStatus, onCancel }: { onStatus: (s: SessionStatus) => void; onCancel: () => void }) {
  const { control, submit, message, formState } = useProcInputForm('session.recover', {
    defaultValues: { recoveryKey: '', username: '', newPassword: '' },
    resetOnSuccess: false,
    onSuccess: onStatus,
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
