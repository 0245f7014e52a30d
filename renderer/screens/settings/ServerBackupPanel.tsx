import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { backupAge, backupAgeWarning, knownServerBackupDates, type BackupAge } from '../../../shared/backup/age';
import { formatDateTime } from '../../../shared/dates';
import type { ServerBackup } from '../../../shared/ipc/procedures/backup';
import { count } from '../../../shared/plural';
import { FormMessage, TextInput } from '../../components/form';
import { useProcInputForm } from '../../components/useProcForm';
import { useToday } from '../../session/today';

const size = (bytes: number | null) =>
  bytes === null ? '–' : `${(bytes / 2 ** 20).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;

const ageText = (age: BackupAge) =>
  age.state === 'none' || age.ageDays === 0 ? 'i dag' : `${count(age.ageDays, 'dag', 'dagar')} sedan`;

const recorder = (b: ServerBackup) =>
  b.source === 'skript'
    ? `IT:s skript (databaskonto ${b.recordedBy ?? 'okänt'})`
    : `${b.recordedBy ?? 'okänd'} i appen`;

/**
 * Säkerhetskopiering on a shared database server: the municipality's IT takes the copies with
 * pg_dump and its script records each one in the database; the app shows the newest known copy and
 * its age, warns by the same rule as for local copies, and lets an admin record a copy IT confirmed.
 */
export function ServerBackupPanel({ backups }: { backups: readonly ServerBackup[] }) {
  const today = useToday();
  const age = backupAge(knownServerBackupDates(backups), today);
  const warning = backupAgeWarning(age, 'server');
  const newest = backups.find((b) => b.audited);
  const unaudited = backups.filter((b) => !b.audited).length;
  return (
    <div className="stack">
      <p className="muted">
        Databasen ligger på en delad databasserver. Kommunens IT tar säkerhetskopior med PostgreSQL:s pg_dump, och deras
        skript registrerar varje kopia här. Programmets egna krypterade kopior används bara med den lokala databasen.
      </p>
      {warning ? (
        <div className="warning" role="status" aria-label="Säkerhetskopiering">
          {warning}
        </div>
      ) : (
        newest && (
          <p role="status" aria-label="Säkerhetskopiering">
            Senaste kända säkerhetskopia: <strong>{formatDateTime(newest.takenAt)}</strong> ({ageText(age)}),
            registrerad av {recorder(newest)}.
          </p>
        )
      )}
      {unaudited > 0 && (
        <p className="warning" role="alert">
          {count(unaudited, 'registrering saknar', 'registreringar saknar')} sin rad i loggen och räknas inte:{' '}
          {unaudited === 1 ? 'den har' : 'de har'} skrivits förbi programmet. Granska loggen och tala med IT.
        </p>
      )}
      <table className="table" aria-label="Kända säkerhetskopior av databasservern">
        <thead>
          <tr>
            <th scope="col">Tagen</th>
            <th scope="col">Etikett</th>
            <th scope="col">Storlek</th>
            <th scope="col">SHA-256</th>
            <th scope="col">Registrerad av</th>
          </tr>
        </thead>
        <tbody>
          {backups.length === 0 && (
            <tr>
              <td colSpan={5}>Inga säkerhetskopior är registrerade.</td>
            </tr>
          )}
          {backups.map((b) => (
            <tr key={b.id}>
              <td>{formatDateTime(b.takenAt)}</td>
              <td>
                {b.label}
                {!b.audited && <span className="badge warn"> saknar loggrad</span>}
              </td>
              <td>{size(b.bytes)}</td>
              <td>{b.sha256 ? <span title={b.sha256}>{b.sha256.slice(0, 12)}…</span> : '–'}</td>
              <td>{recorder(b)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <RegisterServerBackup />
    </div>
  );
}

/** Registrera säkerhetskopia: for a copy IT confirmed some other way (e.g. when their script could not reach the database). */
function RegisterServerBackup() {
  const today = useToday();
  const [ok, setOk] = useState<string | null>(null);
  const form = useProcInputForm('backup.registerServer', {
    defaultValues: { date: today, time: '', label: '', sha256: '' },
    invalidates: ['backup.'],
    onSuccess: (_out, values) => setOk(`Säkerhetskopian från ${values.date} ${values.time} är registrerad.`),
  });
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    setOk(null);
    return form.submit(e);
  };
  return (
    <Form validationBehavior="aria" onSubmit={submit} className="panel stack" aria-label="Registrera säkerhetskopia">
      <h3>Registrera säkerhetskopia</h3>
      <p className="muted">
        För en kopia som IT har bekräftat på annat sätt. Registreringen loggas med ditt namn och kan inte ändras eller
        tas bort.
      </p>
      <div className="row">
        <TextInput control={form.control} name="date" label="Datum (ÅÅÅÅ-MM-DD)" />
        <TextInput control={form.control} name="time" label="Tid (TT:MM)" />
      </div>
      <TextInput
        control={form.control}
        name="label"
        label="Etikett"
        description="Filens namn eller IT:s ärendenummer."
      />
      <TextInput
        control={form.control}
        name="sha256"
        label="SHA-256 (valfri)"
        description="Kontrollsumman för kopian, om IT har gett den."
      />
      <div className="row">
        <Button type="submit" className="button primary" isDisabled={form.busy}>
          Registrera säkerhetskopia
        </Button>
      </div>
      <FormMessage>{form.message}</FormMessage>
      <FormMessage tone="ok">{ok}</FormMessage>
    </Form>
  );
}
