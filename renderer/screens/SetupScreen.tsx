import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { FormMessage, RadioInput, TextInput } from '../components/form';
import { useProcForm } from '../components/useProcForm';
import {
  EMPTY_SERVER,
  ServerFieldset,
  serverFieldOf,
  toServerFields,
  type ServerFormValues,
} from './settings/ServerFieldset';
import { JoinForm } from './JoinForm';
import type { SessionStatus } from '../../shared/ipc/procedures/session';

const SOURCES = [
  ['local', 'Lokal krypterad databas'],
  ['server', 'Delad PostgreSQL-server'],
] as const;

interface SetupValues {
  unitName: string;
  displayName: string;
  username: string;
  password: string;
  confirm: string;
  source: 'local' | 'server';
  server: ServerFormValues;
}

/**
 * First start: where the data lives (the local encrypted file by default, or an empty shared server),
 * the unit's name and the first administrator. A workstation joining an existing installation reads
 * in a connection file instead (JoinForm).
 */
export function SetupScreen({
  onCreated,
  onJoined,
}: {
  onCreated: (recoveryKey: string) => void;
  onJoined: (status: SessionStatus) => void;
}) {
  const [joining, setJoining] = useState(false);
  const { control, submit, message, formState, watch } = useProcForm('session.setup', {
    defaultValues: {
      unitName: '',
      displayName: '',
      username: '',
      password: '',
      confirm: '',
      source: 'local',
      server: EMPTY_SERVER,
    } as SetupValues,
    toInput: ({ confirm: _confirm, source, server, ...input }) =>
      source === 'server' ? { ...input, dataSource: { kind: 'server', ...toServerFields(server) } } : input,
    fieldOf: serverFieldOf('dataSource'),
    check: (v) => (v.password === v.confirm ? {} : { confirm: 'Lösenorden är inte lika.' }),
    resetOnSuccess: false,
    onSuccess: ({ recoveryKey }) => onCreated(recoveryKey),
  });
  const source = watch('source');

  if (joining) return <JoinForm onJoined={onJoined} onCancel={() => setJoining(false)} />;
  return (
    <main className="auth-page">
      <div className="auth-card wide">
        <h1>Välkommen till Kontaktregistret</h1>
        <p className="muted">
          Första start. Skapa enhetens första administratör. Allt som sparas krypteras med en nyckel som bara låses upp
          med ett lösenord eller med återställningsnyckeln som visas i nästa steg.
        </p>
        <Form validationBehavior="aria" onSubmit={submit} className="stack">
          <RadioInput control={control} name="source" label="Var ska uppgifterna sparas?" options={SOURCES} />
          {source === 'server' && (
            <>
              <p className="muted">
                Flera handläggare på egna datorer arbetar i samma register. Servern ska vara tom: IT har skapat
                databasen och kontot. Kontots lösenord sparas krypterat i den här datorns nyckelfil.
              </p>
              <ServerFieldset control={control} />
            </>
          )}
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
        <p>
          Finns Kontaktregistret redan på en databasserver?{' '}
          <Button className="link" onPress={() => setJoining(true)}>
            Anslut till befintlig installation
          </Button>
        </p>
      </div>
    </main>
  );
}
