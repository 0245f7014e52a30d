import { Button, Form } from 'react-aria-components';
import { FormMessage, TextInput } from '../components/form';
import { useProcForm } from '../components/useProcForm';

/** First start: the unit's name and the first administrator. */
export function SetupScreen({ onCreated }: { onCreated: (recoveryKey: string) => void }) {
  const { control, submit, message, formState } = useProcForm('session.setup', {
    defaultValues: { unitName: '', displayName: '', username: '', password: '', confirm: '' },
    toInput: ({ confirm: _confirm, ...input }) => input,
    check: (v) => (v.password === v.confirm ? {} : { confirm: 'Lösenorden är inte lika.' }),
    resetOnSuccess: false,
    onSuccess: ({ recoveryKey }) => onCreated(recoveryKey),
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
