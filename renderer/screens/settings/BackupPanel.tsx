import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import type { BackupSettings } from '../../../shared/ipc/procedures/backup';
import type { ProcOutput } from '../../../shared/ipc/contract';
import { formatDateTime } from '../../../shared/dates';
import { call } from '../../api';
import { CheckboxInput, FormMessage, NumberInput, TextInput } from '../../components/form';
import { useProcInputForm } from '../../components/useProcForm';
import { errorText, invalidateProcs, useProc } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';
import { ServerBackupPanel } from './ServerBackupPanel';

/** What a backup holds, in the officer's words (the copy lists its tables by their database names). */
const TABLE_LABELS: Record<string, string> = {
  users: 'användare',
  contact_persons: 'kontaktpersoner',
  clients: 'brukare',
  decisions: 'beslut',
  assignments: 'uppdrag',
  payout_batches: 'utbetalningar',
  audit_log: 'loggrader',
};

/** Säkerhetskopiering: folder, automatic daily copies, list, check and restore. */
export function BackupPanel() {
  // On a shared database server IT backs up with pg_dump: the panel shows the known copies instead.
  const server = useProc('backup.serverStatus', {});
  const settings = useProc('backup.getSettings', {}, { enabled: server.data?.server === false });
  if (server.data?.server) return <ServerBackupPanel backups={server.data.backups} />;
  if (!settings.data) return <QueryErrors of={[server, settings]} />;
  return <BackupForms initial={settings.data} />;
}

function BackupForms({ initial }: { initial: BackupSettings }) {
  const queryClient = useQueryClient();
  const listQuery = useProc('backup.list', {});
  const list = listQuery.data ?? [];
  const [actionMessage, setMessage] = useState<string | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [preview, setPreview] = useState<ProcOutput<'backup.inspect'> | null>(null);
  const [newRecoveryKey, setNewRecoveryKey] = useState<string | null>(null);
  const load = () => invalidateProcs(queryClient, ['backup.']);
  const form = useProcInputForm('backup.saveSettings', {
    defaultValues: initial,
    resetOnSuccess: false,
    invalidates: ['backup.'],
    onSuccess: () => setOk('Inställningarna för säkerhetskopiering är sparade.'),
  });
  const control = form.control;
  const message = actionMessage ?? form.message;
  const run = async (fn: () => Promise<void>) => {
    setMessage(null);
    setOk(null);
    try {
      await fn();
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  const save = (e: React.FormEvent<HTMLFormElement>) => {
    setMessage(null);
    setOk(null);
    return form.submit(e);
  };
  const cred = { path: chosen ?? '', password, recoveryKey };
  return (
    <div className="stack">
      <Form validationBehavior="aria" onSubmit={save} className="stack" aria-label="Säkerhetskopiering">
        <TextInput
          control={control}
          name="folder"
          label="Mapp för säkerhetskopior"
          description="Gärna en nätverksmapp. Kopiorna är krypterade."
        />
        <div className="row">
          <CheckboxInput control={control} name="automatic" label="Automatisk kopia vid dagens första inloggning" />
          <NumberInput
            control={control}
            name="keepDays"
            label="Spara automatiska kopior (dagar)"
            minValue={1}
            maxValue={3650}
          />
        </div>
        <div className="row">
          <Button type="submit" className="button">
            Spara
          </Button>
          <Button
            className="button primary"
            onPress={() =>
              void run(async () => {
                const r = await call('backup.create', {});
                setOk(`Säkerhetskopia skapad: ${r.path}`);
                await load();
              })
            }
          >
            Säkerhetskopiera nu
          </Button>
          <Button
            className="button"
            onPress={() =>
              void run(async () => {
                const r = await call('backup.confirmRestore', {});
                setOk(
                  r.removed.length
                    ? `Återställningen är bekräftad. ${r.removed.length} mappar med ersatta filer har tagits bort.`
                    : 'Det finns inga ersatta filer att ta bort.',
                );
              })
            }
          >
            Bekräfta återställning (ta bort ersatta filer)
          </Button>
        </div>
      </Form>
      <FormMessage>{message}</FormMessage>
      <FormMessage tone="ok">{ok}</FormMessage>
      <QueryErrors of={[listQuery]} />
      <table className="table" aria-label="Säkerhetskopior">
        <thead>
          <tr>
            <th scope="col">Tagen</th>
            <th scope="col">Typ</th>
            <th scope="col">Storlek</th>
            <th scope="col">
              <span className="sr-only">Åtgärd</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((b) => (
            <tr key={b.path}>
              <td>{formatDateTime(b.createdAt)}</td>
              <td>
                {b.kind}
                {b.oldKey && (
                  <span
                    className="badge warn"
                    title="Kopian är krypterad med en nyckel från före den senaste nyckelbytet: lösenord som gällde då (även för inaktiverade användare) öppnar den."
                  >
                    {' '}
                    gammal nyckel
                  </span>
                )}
              </td>
              <td>{Math.round(b.bytes / 1024)} kB</td>
              <td>
                <Button
                  className="link"
                  onPress={() => {
                    setChosen(b.path);
                    setPreview(null);
                  }}
                >
                  Återställ…
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {newRecoveryKey && (
        <div className="panel stack" role="status">
          <p>
            Återställningen är klar och databasen har fått en ny nyckel. <strong>Ny återställningsnyckel</strong> (visas
            bara nu; skriv ut den och förvara den inlåst):
          </p>
          <p className="recovery-key" data-testid="new-recovery-key">
            {newRecoveryKey}
          </p>
          <p>
            De ersatta filerna ligger kvar i datamappen i 14 dagar, eller tills du bekräftar återställningen efter
            inloggning.
          </p>
          <Button className="button primary" onPress={() => window.location.reload()}>
            Jag har sparat nyckeln
          </Button>
        </div>
      )}
      {chosen && !newRecoveryKey && (
        <div className="panel stack" aria-label="Återställ">
          <h3>Återställ {chosen}</h3>
          <p className="muted">
            Ange ditt lösenord som det var när kopian togs, eller återställningsnyckeln. Allt som ändrats efter kopian
            ersätts; de nuvarande filerna sparas i datamappen.
          </p>
          <div className="grid2">
            <TextField className="field" type="password" value={password} onChange={setPassword}>
              <Label>Lösenord</Label>
              <Input />
            </TextField>
            <TextField className="field" value={recoveryKey} onChange={setRecoveryKey}>
              <Label>eller återställningsnyckel</Label>
              <Input />
            </TextField>
          </div>
          <div className="row">
            <Button
              className="button"
              onPress={() => void run(async () => setPreview(await call('backup.inspect', cred)))}
            >
              Kontrollera kopian
            </Button>
            {preview && preview.integrity === 'ok' && preview.auditOk && (
              <Button
                className="button primary"
                onPress={() =>
                  void run(async () => {
                    const r = await call('backup.restore', cred);
                    setNewRecoveryKey(r.recoveryKey);
                  })
                }
              >
                Återställ nu (alla loggas ut)
              </Button>
            )}
          </div>
          {preview && (
            <dl className="facts">
              <dt>Tagen</dt>
              <dd>
                {formatDateTime(preview.createdAt)} ({preview.kind})
              </dd>
              <dt>Innehåll</dt>
              <dd>
                {Object.entries(preview.counts)
                  .map(([k, n]) => `${TABLE_LABELS[k] ?? k}: ${n}`)
                  .join(', ')}
              </dd>
              <dt>Integritetskontroll</dt>
              <dd>{preview.integrity}</dd>
              <dt>Loggkedjan</dt>
              <dd>{preview.auditOk ? 'hel' : `bruten: ${preview.auditReason}`}</dd>
            </dl>
          )}
        </div>
      )}
    </div>
  );
}
