import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import { formatDateTime } from '../../shared/dates';
import type { ProcInput } from '../../shared/ipc/contract';
import { applyServerError, FormMessage, RadioInput, TextInput } from '../components/form';
import { errorText, fetchProc, useProc, useProcMutation } from '../data/useProc';
import { QueryErrors } from '../data/QueryErrors';
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
  const queryClient = useQueryClient();
  const {
    control,
    handleSubmit,
    getValues,
    setError: setFieldError,
    clearErrors,
  } = useForm<Filter>({ defaultValues: { userId: '', personnummer: '', actionPrefix: '', from: '', to: '' } });
  const toInput = (f: Filter) => ({
    userId: f.userId ? Number(f.userId) : undefined,
    personnummer: f.personnummer,
    actionPrefix: f.actionPrefix,
    from: f.from || undefined,
    to: f.to || undefined,
  });
  // The filter last shown; null after a refused filter (the old result goes away).
  const [applied, setApplied] = useState<ProcInput<'audit.list'> | null>(() => ({
    ...toInput(getValues()),
    limit: 500,
  }));
  const [error, setError] = useState<string | null>(null);
  const list = useProc('audit.list', applied ?? { limit: 500 }, { enabled: applied !== null });
  const rows = applied ? (list.data ?? []) : [];
  const users = useProc('users.list', {});
  const verify = useProcMutation('audit.verify');
  const exportCsv = useProcMutation('audit.export');
  const saved = exportCsv.data
    ? exportCsv.data.savedTo
      ? `Sparad: ${exportCsv.data.savedTo} (${exportCsv.data.rows} rader)`
      : 'Ingen fil sparades.'
    : null;
  const load = async (f: Filter) => {
    setError(null);
    clearErrors();
    const input = { ...toInput(f), limit: 500 };
    try {
      await fetchProc(queryClient, 'audit.list', input);
      setApplied(input);
    } catch (e) {
      // A refused filter (e.g. a bad date) is marked on its field, and the old result goes away.
      setApplied(null);
      setError(applyServerError(e, setFieldError));
    }
  };

  return (
    <>
      <h1>Logg</h1>
      <LogReviewPanel />
      <div className="row">
        <Button className="button" onPress={() => verify.mutate({})}>
          Kontrollera loggkedjan
        </Button>
        <Button className="button" onPress={() => exportCsv.mutate(toInput(getValues()))}>
          Exportera urvalet (CSV)
        </Button>
      </div>
      {verify.data && (
        <FormMessage tone={verify.data.ok ? 'ok' : 'error'}>
          {verify.data.ok
            ? `Loggkedjan är hel: ${verify.data.checked} rader kontrollerade.`
            : `Loggkedjan är bruten: ${verify.data.reason}`}
        </FormMessage>
      )}
      <FormMessage>
        {[verify.error, exportCsv.error]
          .filter((e) => e !== null)
          .map(errorText)
          .join(' ') || null}
      </FormMessage>
      <FormMessage tone="ok">{saved}</FormMessage>
      <Form validationBehavior="aria" onSubmit={handleSubmit(load)} className="stack panel" aria-label="Urval">
        <RadioInput
          control={control}
          name="userId"
          label="Användare"
          options={[['', 'Alla'], ...(users.data ?? []).map((u) => [String(u.id), u.username] as const)]}
        />
        <div className="grid3">
          <TextInput control={control} name="personnummer" label="Person (personnummer)" />
          <TextInput
            control={control}
            name="actionPrefix"
            label="Händelse börjar med"
            description="t.ex. cp.read eller payout"
          />
          <TextInput control={control} name="from" label="Från" description="ÅÅÅÅ-MM-DD" />
          <TextInput control={control} name="to" label="Till" description="ÅÅÅÅ-MM-DD" />
        </div>
        <Button type="submit" className="button primary">
          Visa
        </Button>
      </Form>
      <FormMessage>{error}</FormMessage>
      <QueryErrors of={[list, users]} />
      <table className="table" aria-label="Logg">
        <thead>
          <tr>
            <th scope="col">Nr</th>
            <th scope="col">Tid</th>
            <th scope="col">Användare</th>
            <th scope="col">Arbetsstation</th>
            <th scope="col">Händelse</th>
            <th scope="col">Objekt</th>
            <th scope="col">Detalj</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.id}</td>
              <td>{formatDateTime(r.at)}</td>
              <td>{r.username ?? '–'}</td>
              <td className="wrap">{r.workstation ?? '–'}</td>
              <td className="wrap">
                {auditActionLabel(r.action)}
                <br />
                <span className="small-text">{r.action}</span>
              </td>
              <td>{r.entityType ? `${auditEntityLabel(r.entityType)} ${r.entityId ?? ''}` : '–'}</td>
              <td className="wrap">{auditDetailLabel(r.detail)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
