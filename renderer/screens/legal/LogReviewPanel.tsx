import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import { addDays, addMonths } from '../../../shared/dates';
import { auditActionLabel, auditDetailLabel, auditEntityLabel } from '../../../shared/audit/labels';
import { useToday } from '../../session/today';
import { applyServerError, FormMessage, TextInput } from '../../components/form';
import { useProcForm } from '../../components/useProcForm';
import { errorText, fetchProc, useProc, useProcMutation } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';

interface Period {
  from: string;
  to: string;
}

/** "Granskad": signs off the period on screen (not what the filter says now), with a comment. */
function SignOff({ period, onSigned }: { period: Period; onSigned: () => void }) {
  const { control, submit, message, busy } = useProcForm<'audit.signOffReview', { note: string }>(
    'audit.signOffReview',
    {
      defaultValues: { note: '' },
      toInput: (v) => ({ ...period, note: v.note }),
      // The review's list of sign-offs and Översikt's reminder reload.
      invalidates: ['audit.', 'legal.'],
      onSuccess: onSigned,
    },
  );
  return (
    <Form validationBehavior="aria" onSubmit={submit} className="stack" aria-label="Granskning">
      <TextInput control={control} name="note" label="Kommentar till granskningen" multiline />
      <FormMessage>{message}</FormMessage>
      <Button type="submit" className="button primary" isDisabled={busy}>
        Granskad
      </Button>
    </Form>
  );
}

/** Logguppföljning: the review report for a period, its export, and the "Granskad" sign-off (itself logged). */
export function LogReviewPanel() {
  const today = useToday();
  const queryClient = useQueryClient();
  const monthStart = `${today.slice(0, 7)}-01`;
  const { control, handleSubmit, setError, clearErrors } = useForm<Period>({
    defaultValues: { from: addMonths(monthStart, -1), to: addDays(monthStart, -1) },
  });
  // The period on screen: none until asked; a refused period keeps the last one shown.
  const [asked, setAsked] = useState<Period | null>(null);
  const review = useProc('audit.review', asked ?? { from: monthStart, to: monthStart }, { enabled: asked !== null });
  const r = asked ? review.data : undefined;
  const [message, setMessage] = useState<string | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  // A read, not a save: the period is checked by main (its messages on the fields), then shown.
  const run = handleSubmit(async (v) => {
    setOk(null);
    setMessage(null);
    clearErrors();
    try {
      await fetchProc(queryClient, 'audit.review', v);
      setAsked(v);
    } catch (err) {
      setMessage(applyServerError(err, setError));
    }
  });
  const exportFile = useProcMutation('audit.exportReview', {
    onSuccess: (x) => setOk(x.savedTo ? `Sparad: ${x.savedTo}` : 'Ingen fil sparades.'),
  });
  const exportAs = (format: 'xlsx' | 'csv') => {
    if (!r) return;
    setOk(null);
    exportFile.mutate({ from: r.from, to: r.to, format });
  };
  return (
    <section className="panel" aria-label="Logguppföljning">
      <h2>Logguppföljning</h2>
      <Form validationBehavior="aria" onSubmit={run} className="stack">
        <div className="grid3">
          <TextInput control={control} name="from" label="Från" description="ÅÅÅÅ-MM-DD" />
          <TextInput control={control} name="to" label="Till" description="ÅÅÅÅ-MM-DD" />
        </div>
        <Button type="submit" className="button primary">
          Ta fram granskningsunderlag
        </Button>
      </Form>
      <FormMessage>{message}</FormMessage>
      <QueryErrors of={[review]} />
      <FormMessage>{exportFile.error && errorText(exportFile.error)}</FormMessage>
      <FormMessage tone="ok">{ok}</FormMessage>
      {r && (
        <>
          <p>
            {r.from} – {r.to}: {r.totalRows} loggrader, svensk tid.
          </p>
          {r.categories.map((c) => (
            <details key={c.key} open={c.entries.length > 0 && c.entries.length <= 20}>
              <summary>
                {c.label}: <strong>{c.entries.length}</strong>
              </summary>
              <table className="table" aria-label={c.label}>
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
                  {c.entries.map((e) => (
                    <tr key={e.id}>
                      <td>{e.id}</td>
                      <td>{e.localTime}</td>
                      <td>{e.username ?? '–'}</td>
                      <td className="wrap">{e.workstation ?? '–'}</td>
                      <td>{auditActionLabel(e.action)}</td>
                      <td>{e.entityType ? `${auditEntityLabel(e.entityType)} ${e.entityId ?? ''}` : '–'}</td>
                      <td className="wrap">{auditDetailLabel(e.detail)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          ))}
          <div className="row">
            <Button className="button" onPress={() => exportAs('xlsx')} isDisabled={exportFile.isPending}>
              Exportera (Excel)
            </Button>
            <Button className="button" onPress={() => exportAs('csv')} isDisabled={exportFile.isPending}>
              Exportera (CSV)
            </Button>
          </div>
          <SignOff
            key={`${r.from}/${r.to}`}
            period={{ from: r.from, to: r.to }}
            onSigned={() => setOk(`Granskningen av ${r.from} – ${r.to} är registrerad.`)}
          />
          {r.reviews.length > 0 && (
            <table className="table" aria-label="Gjorda granskningar">
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col">Granskad</th>
                  <th scope="col">Av</th>
                  <th scope="col">Kommentar</th>
                </tr>
              </thead>
              <tbody>
                {r.reviews.map((x) => (
                  <tr key={x.id}>
                    <td>
                      {x.periodFrom} – {x.periodTo}
                    </td>
                    <td>{x.reviewedAt.slice(0, 10)}</td>
                    <td>{x.reviewedBy}</td>
                    <td className="wrap">{x.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
