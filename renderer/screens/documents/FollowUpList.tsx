import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button, Checkbox, Form } from 'react-aria-components';
import type { FollowUpRow } from '../../../shared/ipc/procedures/documents';
import { contract } from '../../../shared/ipc/contract';
import { useToday } from '../../session/today';
import { call } from '../../api';
import { applyServerError, FormMessage, TextInput, validateWith } from '../../components/form';

function RecordForm({ id, onDone }: { id: number; onDone: () => void }) {
  const today = useToday();
  const { control, handleSubmit, setError } = useForm({ defaultValues: { doneDate: today, participants: '', notes: '', outcome: '', nextDate: '' } });
  const [message, setMessage] = useState<string | null>(null);
  const submit = handleSubmit(async (v) => {
    const input = validateWith(contract['followUps.record'].input, { id, ...v, nextDate: v.nextDate || null }, setError);
    if (!input) return;
    try {
      await call('followUps.record', input);
      onDone();
    } catch (err) {
      setMessage(applyServerError(err, setError));
    }
  });
  return (
    <Form validationBehavior="aria" onSubmit={submit} className="stack panel" aria-label="Registrera uppföljning">
      <div className="grid3">
        <TextInput control={control} name="doneDate" label="Datum" description="ÅÅÅÅ-MM-DD" />
        <TextInput control={control} name="participants" label="Deltagare" />
        <TextInput control={control} name="nextDate" label="Nästa uppföljning" description="Tomt = enligt regeln" />
      </div>
      <TextInput control={control} name="notes" label="Anteckningar" multiline />
      <TextInput control={control} name="outcome" label="Resultat" />
      <FormMessage>{message}</FormMessage>
      <Button type="submit" className="button primary">Spara uppföljning</Button>
    </Form>
  );
}

const STATE_CLASS: Record<FollowUpRow['state'], string> = { försenad: 'late', snart: 'soon', planerad: '', genomförd: 'muted' };

/** Planned and done follow-ups; overdue first. */
export function FollowUpList({ assignmentId }: { assignmentId?: number }) {
  const [rows, setRows] = useState<FollowUpRow[]>([]);
  const [showDone, setShowDone] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const load = useCallback(() => call('followUps.list', { assignmentId, openOnly: !showDone }).then(setRows), [assignmentId, showDone]);
  useEffect(() => void load(), [load]);
  return (
    <>
      <Checkbox className="checkbox" isSelected={showDone} onChange={setShowDone}><span className="box" aria-hidden="true" />Visa genomförda</Checkbox>
      <table className="table" aria-label="Uppföljningar">
        <thead><tr><th scope="col">Planerad</th><th scope="col">Läge</th>{!assignmentId && <><th scope="col">Brukare</th><th scope="col">Kontaktperson</th></>}<th scope="col">Resultat</th><th scope="col"><span className="sr-only">Åtgärd</span></th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.plannedDate}</td>
              <td className={STATE_CLASS[r.state]}>{r.state}{r.doneDate ? ` ${r.doneDate}` : ''}</td>
              {!assignmentId && <><td>{r.clientName}</td><td>{r.contactPersonName}</td></>}
              <td className="wrap">{r.outcome}</td>
              <td className="wrap">
                {!r.doneDate && <Button className="button" onPress={() => setOpen(open === r.id ? null : r.id)} aria-label={`Registrera uppföljning ${r.plannedDate}`}>Registrera</Button>}
                {open === r.id && <RecordForm id={r.id} onDone={() => { setOpen(null); void load(); }} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="muted">Inga uppföljningar.</p>}
    </>
  );
}
