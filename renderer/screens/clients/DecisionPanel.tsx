import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import { ASSIGNMENT_STATUS_LABELS, OPEN_ASSIGNMENT_STATUSES } from '../../../shared/assignments/status';
import type { AssignmentRow } from '../../../shared/ipc/procedures/assignments';
import type { DecisionView } from '../../../shared/ipc/procedures/clients';
import { contract } from '../../../shared/ipc/contract';
import { useToday } from '../../session/today';
import { call } from '../../api';
import { applyServerError, FormMessage, TextInput, validateWith } from '../../components/form';
import { AssignmentActions } from '../assignments/AssignmentActions';
import { MatchingPanel } from './MatchingPanel';

function NotesForm({ d, onDone }: { d: DecisionView; onDone: () => void }) {
  const { control, handleSubmit, setError } = useForm({ defaultValues: { delayReason: d.delayReason, interimSupport: d.interimSupport } });
  const [message, setMessage] = useState<string | null>(null);
  const submit = handleSubmit(async (v) => {
    try {
      await call('decisions.updateNotes', { id: d.id, ...v });
      setMessage(null);
      onDone();
    } catch (err) {
      setMessage(applyServerError(err, setError));
    }
  });
  return (
    <Form validationBehavior="aria" onSubmit={submit} className="stack" aria-label="Uppgifter till IVO">
      <TextInput control={control} name="delayReason" label="Skäl till dröjsmål (till IVO)" multiline />
      <TextInput control={control} name="interimSupport" label="Annat stöd under väntetiden" multiline />
      <FormMessage>{message}</FormMessage>
      <Button type="submit" className="button">Spara</Button>
    </Form>
  );
}

function EndDecisionForm({ id, onDone, onCancel }: { id: number; onDone: () => void; onCancel: () => void }) {
  const today = useToday();
  const { control, handleSubmit, setError } = useForm({ defaultValues: { date: today, reason: '' } });
  const [message, setMessage] = useState<string | null>(null);
  const submit = handleSubmit(async (v) => {
    const input = validateWith(contract['decisions.end'].input, { id, ...v }, setError);
    if (!input) return;
    try {
      await call('decisions.end', input);
      onDone();
    } catch (err) {
      setMessage(applyServerError(err, setError));
    }
  });
  return (
    <Form validationBehavior="aria" onSubmit={submit} className="stack panel" aria-label="Avsluta beslut">
      <TextInput control={control} name="date" label="Beslutet upphör" description="ÅÅÅÅ-MM-DD" />
      <TextInput control={control} name="reason" label="Skäl" />
      <FormMessage>{message}</FormMessage>
      <div className="row">
        <Button type="submit" className="button primary">Avsluta beslutet</Button>
        <Button className="button" onPress={onCancel}>Avbryt</Button>
      </div>
    </Form>
  );
}

/** One decision: execution status against the three-month limit, interruptions, assignments and matching. */
export function DecisionPanel({ d, onChanged }: { d: DecisionView; onChanged: () => void }) {
  const [assignments, setAssignments] = useState<AssignmentRow[]>([]);
  const [matching, setMatching] = useState(false);
  const [ending, setEnding] = useState(false);
  const load = useCallback(() => call('assignments.list', { decisionId: d.id }).then(setAssignments), [d.id]);
  useEffect(() => void load(), [load]);
  const changed = () => {
    setMatching(false);
    void load();
    onChanged();
  };
  const open = assignments.find((a) => OPEN_ASSIGNMENT_STATUSES.includes(a.status));
  const waiting = !d.executedDate && !d.endedDate;
  const openInterruption = d.interruptions.find((i) => !i.resumedDate);

  return (
    <section className="panel" aria-label={`Beslut ${d.decisionDate}`}>
      <h3>{d.legalBasis}, beslut {d.decisionDate}{d.diarienummer ? ` (${d.diarienummer})` : ''}</h3>
      <p>
        {d.meetingsPerPeriod} träffar per {d.period === 'vecka' ? 'vecka' : 'månad'}, {d.hoursPerMonth} timmar per månad. Gäller {d.validFrom}–{d.validTo ?? 'tills vidare'}.
        {d.needsSpecialQualification && ' Kräver särskilt kvalificerad kontaktperson.'}
      </p>
      {d.endedDate ? (
        <p><span className="badge avslutad">Avslutat {d.endedDate}</span> {d.endReason}</p>
      ) : d.executedDate ? (
        <p><span className="badge godkand">Verkställt {d.executedDate}</span></p>
      ) : (
        <p className={d.daysSinceDecision > 90 ? 'warning' : ''}>
          Ej verkställt: {d.daysSinceDecision} dagar sedan beslutet. Tremånadersgränsen är {d.ivoDeadline}.
        </p>
      )}
      {openInterruption && <p className="warning">Avbrott sedan {openInterruption.fromDate}: {openInterruption.reason}</p>}
      {assignments.map((a) => (
        <div key={a.id} className="assignment">
          <strong>{a.contactPersonName}</strong> <span className={`badge ${a.status}`}>{ASSIGNMENT_STATUS_LABELS[a.status]}</span>
          {a.startDate && ` · start ${a.startDate}`}{a.endDate && ` · slut ${a.endDate}`}
          <ul className="events">
            {a.events.map((e) => <li key={e.id}>{e.date} {ASSIGNMENT_STATUS_LABELS[e.toStatus as keyof typeof ASSIGNMENT_STATUS_LABELS] ?? e.toStatus}{e.note ? ` – ${e.note}` : ''}</li>)}
          </ul>
          {a.availableActions.length > 0 && <AssignmentActions id={a.id} actions={a.availableActions} onDone={changed} />}
        </div>
      ))}
      {!d.endedDate && !open && (
        <div className="row">
          <Button className="button primary" onPress={() => setMatching(!matching)}>{matching ? 'Dölj förslag' : 'Hitta kontaktperson'}</Button>
          <Button className="button" onPress={() => setEnding(true)}>Avsluta beslutet</Button>
        </div>
      )}
      {matching && <MatchingPanel decisionId={d.id} onProposed={changed} />}
      {ending && <EndDecisionForm id={d.id} onDone={() => { setEnding(false); onChanged(); }} onCancel={() => setEnding(false)} />}
      {(waiting || openInterruption) && <NotesForm d={d} onDone={onChanged} />}
    </section>
  );
}
