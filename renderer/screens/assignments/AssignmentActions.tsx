import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import { ASSIGNMENT_ACTIONS, type AssignmentAction } from '../../../shared/assignments/status';
import { contract } from '../../../shared/ipc/contract';
import { useToday } from '../../session/today';
import { call } from '../../api';
import { applyServerError, CheckboxInput, FormMessage, TextInput, validateWith } from '../../components/form';

interface Values {
  date: string;
  note: string;
  decisionContinues: boolean;
}

const NEEDS_REASON: AssignmentAction[] = ['cpDecline', 'clientDecline', 'withdraw', 'end'];

/** Buttons for the next steps of one assignment; each opens a small form with the date (and reason). */
export function AssignmentActions({ id, actions, onDone }: { id: number; actions: AssignmentAction[]; onDone: () => void }) {
  const [action, setAction] = useState<AssignmentAction | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const today = useToday();
  const { control, handleSubmit, setError, reset } = useForm<Values>({ defaultValues: { date: today, note: '', decisionContinues: true } });
  const submit = handleSubmit(async (v) => {
    if (!action) return;
    const input = validateWith(contract['assignments.act'].input, { id, action, ...v }, setError);
    if (!input) return;
    try {
      await call('assignments.act', input);
      setAction(null);
      reset({ date: today, note: '', decisionContinues: true });
      onDone();
    } catch (err) {
      setMessage(applyServerError(err, setError));
    }
  });
  if (!action) {
    return (
      <div className="row">
        {actions.map((a) => (
          <Button key={a} className="button" onPress={() => { setMessage(null); setAction(a); }}>{ASSIGNMENT_ACTIONS[a].label}</Button>
        ))}
      </div>
    );
  }
  return (
    <Form validationBehavior="aria" onSubmit={submit} className="stack panel" aria-label={ASSIGNMENT_ACTIONS[action].label}>
      <h3>{ASSIGNMENT_ACTIONS[action].label}</h3>
      <TextInput control={control} name="date" label={action === 'bookMeeting' ? 'Datum för mötet' : 'Datum'} description="ÅÅÅÅ-MM-DD" />
      <TextInput control={control} name="note" label={NEEDS_REASON.includes(action) ? 'Skäl' : 'Kommentar'} multiline />
      {action === 'end' && <CheckboxInput control={control} name="decisionContinues" label="Beslutet gäller fortfarande (avbrott, ny kontaktperson ska sökas)" />}
      <FormMessage>{message}</FormMessage>
      <div className="row">
        <Button type="submit" className="button primary">Bekräfta</Button>
        <Button className="button" onPress={() => setAction(null)}>Avbryt</Button>
      </div>
    </Form>
  );
}
