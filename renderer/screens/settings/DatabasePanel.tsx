import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import type { DataSourceInfo } from '../../../shared/ipc/server-fields';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CredentialsRotationWarning } from '../../components/CredentialsRotationWarning';
import { FormMessage } from '../../components/form';
import { useProcForm } from '../../components/useProcForm';
import { errorText, useProc, useProcMutation } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';
import { EMPTY_SERVER, ServerFieldset, serverFieldOf, toServerFields, type ServerFormValues } from './ServerFieldset';

const TLS_TEXT = {
  ca: 'Krypterad (TLS), certifikatet verifieras mot det angivna certifikatet',
  system: 'Krypterad (TLS), certifikatet verifieras mot datorns betrodda certifikat',
  off: 'Okrypterad (bara tillåtet för en server på den egna datorn)',
} as const;

/** Inställningar → Databas (admin): where the data lives, a connection test, and what the admin can change. */
export function DatabasePanel() {
  const info = useProc('dataSource.get', {});
  if (!info.data) return <QueryErrors of={[info]} />;
  return info.data.kind === 'server' ? <ServerPanel info={info.data} /> : <LocalPanel file={info.data.file} />;
}

function useResult() {
  const [ok, setOk] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return {
    ok,
    error,
    show: (message: string) => {
      setError(null);
      setOk(message);
    },
    fail: (err: unknown) => {
      setOk(null);
      setError(errorText(err));
    },
  };
}

function ServerPanel({ info }: { info: Extract<DataSourceInfo, { kind: 'server' }> }) {
  const result = useResult();
  const test = useProcMutation('dataSource.test');
  const exportFile = useProcMutation('dataSource.exportConnectionFile');
  const [saved, setSaved] = useState<string | null>(null);
  const change = useProcForm('dataSource.changeCredentials', {
    defaultValues: {
      server: {
        ...EMPTY_SERVER,
        label: info.label,
        host: info.host,
        port: String(info.port),
        database: info.database,
        user: info.user,
      } as ServerFormValues,
    },
    toInput: (v) => toServerFields(v.server),
    fieldOf: serverFieldOf(''),
    invalidates: ['dataSource.'],
    resetOnSuccess: false,
    onSuccess: () => setSaved('De nya anslutningsuppgifterna är sparade. De används från nästa inloggning.'),
  });
  return (
    <div className="stack">
      <CredentialsRotationWarning />
      <p>Den här datorn använder en delad PostgreSQL-server.</p>
      <dl className="facts">
        <dt>Server</dt>
        <dd>{info.label}</dd>
        <dt>Adress</dt>
        <dd>
          {info.host}:{info.port}
        </dd>
        <dt>Databas</dt>
        <dd>{info.database}</dd>
        <dt>Databaskonto</dt>
        <dd>{info.user}</dd>
        <dt>Anslutning</dt>
        <dd>{TLS_TEXT[info.tls]}</dd>
        <dt>Fingeravtryck</dt>
        <dd>{info.pinned ? 'Låst till ett certifikat' : 'Inget angivet'}</dd>
      </dl>
      <div className="row">
        <Button
          className="button"
          isDisabled={test.isPending}
          onPress={() => test.mutate({}, { onSuccess: (r) => result.show(r.message), onError: result.fail })}
        >
          {test.isPending ? 'Testar…' : 'Testa anslutningen'}
        </Button>
        <Button
          className="button"
          isDisabled={exportFile.isPending}
          onPress={() =>
            exportFile.mutate(
              {},
              {
                onSuccess: (r) =>
                  r.savedTo &&
                  result.show(
                    `Anslutningsfilen är sparad: ${r.savedTo}. Lämna den bara till IT eller en administratör.`,
                  ),
                onError: result.fail,
              },
            )
          }
        >
          Exportera anslutningsfil
        </Button>
      </div>
      <p className="muted">
        Med anslutningsfilen ansluts en ny dator till samma installation: välj ”Anslut till befintlig installation” vid
        första start. Filen innehåller användarnas krypterade nycklar och serverns krypterade inloggningsuppgifter, inga
        lösenord i klartext.
      </p>
      <FormMessage tone="ok">{result.ok}</FormMessage>
      <FormMessage>{result.error}</FormMessage>
      <h3>Byt anslutningsuppgifter</h3>
      <p className="muted">
        När IT har bytt databaskontots lösenord, eller ger den här datorn ett eget konto. De nya uppgifterna prövas mot
        servern innan de sparas.
      </p>
      <Form validationBehavior="aria" onSubmit={change.submit} className="stack">
        <ServerFieldset control={change.control} keepsTls />
        <FormMessage>{change.message}</FormMessage>
        <FormMessage tone="ok">{saved}</FormMessage>
        <Button type="submit" className="button primary" isDisabled={change.formState.isSubmitting}>
          Spara nya anslutningsuppgifter
        </Button>
      </Form>
    </div>
  );
}

function LocalPanel({ file }: { file: string }) {
  const result = useResult();
  const test = useProcMutation('dataSource.test');
  const move = useProcForm('dataSource.moveToServer', {
    defaultValues: { server: EMPTY_SERVER },
    toInput: (v) => toServerFields(v.server),
    fieldOf: serverFieldOf(''),
    confirmFirst: true,
    resetOnSuccess: true,
    onSuccess: (r) =>
      result.show(
        `Flytten är klar: ${r.rows} rader i ${r.tables} tabeller, varav ${r.auditRows} loggrader, finns nu på servern och loggkedjan är kontrollerad. Den lokala filen finns kvar, skrivskyddad, som ${r.keptAs}. Logga in igen.`,
      ),
  });
  // The same checks as the move, on the fields, before anything is sent.
  const testServer = async () => {
    if (!(await move.trigger())) return;
    test.mutate(
      { server: toServerFields(move.getValues().server) },
      { onSuccess: (r) => result.show(r.message), onError: result.fail },
    );
  };
  const pending = move.pending;
  return (
    <div className="stack">
      <p>Den här datorn använder den lokala krypterade databasen:</p>
      <p>
        <code>{file}</code>
      </p>
      <h3>Flytta till en delad databasserver</h3>
      <p className="muted">
        När flera handläggare ska arbeta i samma register från egna datorer. IT skapar en tom databas och ett konto (se
        handboken). Flytten går bara åt ett håll.
      </p>
      {pending && (
        <ConfirmDialog
          title="Flytta databasen till servern?"
          confirmLabel="Flytta till servern"
          onCancel={move.cancelConfirm}
          onConfirm={move.confirm}
        >
          <p>
            Alla rader i den lokala databasen kopieras till {pending.database} på {pending.host} i en enda transaktion.
            Därefter kontrolleras att varje tabell har lika många rader på servern och att loggkedjan på servern är
            obruten hela vägen.
          </p>
          <p>
            Först när kontrollen har gått igenom börjar den här datorn använda servern. Alla loggas ut och loggar in
            igen. Den lokala databasfilen behålls, omdöpt och skrivskyddad, som reserv.
          </p>
          <p>
            Servern måste vara tom. Misslyckas något fortsätter datorn med den lokala databasen och du får veta varför.
            Flytten kan inte ångras i programmet.
          </p>
        </ConfirmDialog>
      )}
      <Form validationBehavior="aria" onSubmit={move.submit} className="stack">
        <ServerFieldset control={move.control} />
        <FormMessage>{move.message}</FormMessage>
        <FormMessage tone="ok">{result.ok}</FormMessage>
        <FormMessage>{result.error}</FormMessage>
        <div className="row">
          <Button className="button" isDisabled={test.isPending} onPress={testServer}>
            {test.isPending ? 'Testar…' : 'Testa servern'}
          </Button>
          <Button type="submit" className="button primary">
            Flytta till servern…
          </Button>
        </div>
      </Form>
    </div>
  );
}
