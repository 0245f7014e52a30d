import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import type { ProcOutput } from '../../../shared/ipc/contract';
import { addDays, addMonths } from '../../../shared/dates';
import { useToday } from '../../session/today';
import { call } from '../../api';
import { applyServerError, FormMessage, TextInput } from '../../components/form';

/** Logguppföljning: the review report for a period, its export, and the "Granskad" sign-off (itself logged). */
export function LogReviewPanel() {
  const today = useToday();
  const lastMonthStart = addMonths(`${today.slice(0, 7)}-01`, -1);
  const { control, handleSubmit, setError, getValues } = useForm({
    defaultValues: { from: lastMonthStart, to: addDays(`${today.slice(0, 7)}-01`, -1), note: '' },
  });
  const [r, setR] = useState<ProcOutput<'audit.review'> | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const run = handleSubmit(async (v) => {
    setOk(null);
    try {
      setR(await call('audit.review', { from: v.from, to: v.to }));
      setMessage(null);
    } catch (err) {
      setMessage(applyServerError(err, setError));
    }
  });
  const exportAs = (format: 'xlsx' | 'csv') =>
    call('audit.exportReview', { from: getValues('from'), to: getValues('to'), format }).then(
      (x) => setOk(x.savedTo ? `Sparad: ${x.savedTo}` : 'Ingen fil sparades.'),
      (e: Error) => setMessage(e.message),
    );
  const signOff = () =>
    call('audit.signOffReview', { from: getValues('from'), to: getValues('to'), note: getValues('note') }).then(
      async () => {
        setOk(`Granskningen av ${getValues('from')} – ${getValues('to')} är registrerad.`);
        setR(await call('audit.review', { from: getValues('from'), to: getValues('to') }));
      },
      (e: Error) => setMessage(e.message),
    );
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
                      <td>{e.action}</td>
                      <td>{e.entityType ? `${e.entityType} ${e.entityId ?? ''}` : '–'}</td>
                      <td className="wrap">{e.detail ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          ))}
          <div className="row">
            <Button className="button" onPress={() => void exportAs('xlsx')}>
              Exportera (Excel)
            </Button>
            <Button className="button" onPress={() => void exportAs('csv')}>
              Exportera (CSV)
            </Button>
          </div>
          <TextInput control={control} name="note" label="Kommentar till granskningen" multiline />
          <Button className="button primary" onPress={() => void signOff()}>
            Granskad
          </Button>
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
