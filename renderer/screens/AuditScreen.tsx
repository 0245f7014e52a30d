import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import type { AuditEntry, AuditVerifyResult } from '../../shared/ipc/procedures/audit';
import type { UserRow } from '../../shared/ipc/procedures/users';
import { formatDateTime } from '../../shared/dates';
import { call, ApiError } from '../api';
import { applyServerError, FormMessage, RadioInput, TextInput } from '../components/form';
import { LogReviewPanel } from './legal/LogReviewPanel';
import { auditActionLabel, auditDetailLabel, auditEntityLabel } from '../../shared/audit/labels';

interface Filter {
  userId: string;
  personnummer: string;
  actionPrefix: string;
  from: string;
  to: string;
}

/** Logg: review by user, person, action and period; export for logguppföljning; verify the chain. */
export function AuditScreen() {
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [users, setUsers] = useState<UserRow[]>([]);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { control, handleSubmit, getValues, setError: setFieldError, clearErrors } = useForm<Filter>({ defaultValues: { userId: '', personnummer: '', actionPrefix: '', from: '', to: '' } });
  const toInput = (f: Filter) => ({ userId: f.userId ? Number(f.userId) : undefined, personnummer: f.personnummer, actionPrefix: f.actionPrefix, from: f.from || undefined, to: f.to || undefined });
  const load = useCallback(async (f: Filter) => {
    setError(null);
    clearErrors();
    try {
      setRows(await call('audit.list', { ...toInput(f), limit: 500 }));
    } catch (e) {
      // A refused filter (e.g. a bad date) is marked on its field, and the old result goes away.
      setRows([]);
      setError(e instanceof ApiError ? applyServerError(e, setFieldError) : 'Något gick fel.');
    }
  }, [clearErrors, setFieldError]);
  useEffect(() => {
    void load(getValues());
    void call('users.list', {}).then(setUsers);
  }, [load, getValues]);

  return (
    <>
      <h1>Logg</h1>
      <LogReviewPanel />
      <div className="row">
        <Button className="button" onPress={() => call('audit.verify', {}).then(setVerify, (e: Error) => setError(e.message))}>Kontrollera loggkedjan</Button>
        <Button className="button" onPress={() => call('audit.export', toInput(getValues())).then((r) => setSaved(r.savedTo ? `Sparad: ${r.savedTo} (${r.rows} rader)` : 'Ingen fil sparades.'), (e: Error) => setError(e.message))}>Exportera urvalet (CSV)</Button>
      </div>
      {verify && <FormMessage tone={verify.ok ? 'ok' : 'error'}>{verify.ok ? `Loggkedjan är hel: ${verify.checked} rader kontrollerade.` : `Loggkedjan är bruten: ${verify.reason}`}</FormMessage>}
      <FormMessage tone="ok">{saved}</FormMessage>
      <Form validationBehavior="aria" onSubmit={handleSubmit(load)} className="stack panel" aria-label="Urval">
        <RadioInput control={control} name="userId" label="Användare" options={[['', 'Alla'], ...users.map((u) => [String(u.id), u.username] as const)]} />
        <div className="grid3">
          <TextInput control={control} name="personnummer" label="Person (personnummer)" />
          <TextInput control={control} name="actionPrefix" label="Händelse börjar med" description="t.ex. cp.read eller payout" />
          <TextInput control={control} name="from" label="Från" description="ÅÅÅÅ-MM-DD" />
          <TextInput control={control} name="to" label="Till" description="ÅÅÅÅ-MM-DD" />
        </div>
        <Button type="submit" className="button primary">Visa</Button>
      </Form>
      <FormMessage>{error}</FormMessage>
      <table className="table" aria-label="Logg">
        <thead>
          <tr><th scope="col">Nr</th><th scope="col">Tid</th><th scope="col">Användare</th><th scope="col">Händelse</th><th scope="col">Objekt</th><th scope="col">Detalj</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.id}</td>
              <td>{formatDateTime(r.at)}</td>
              <td>{r.username ?? '–'}</td>
              <td className="wrap">{auditActionLabel(r.action)}<br /><span className="small-text">{r.action}</span></td>
              <td>{r.entityType ? `${auditEntityLabel(r.entityType)} ${r.entityId ?? ''}` : '–'}</td>
              <td className="wrap">{auditDetailLabel(r.detail)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
