import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { ASSIGNMENT_STATUS_LABELS, OPEN_ASSIGNMENT_STATUSES } from '../../../shared/assignments/status';
import type { DecisionView } from '../../../shared/ipc/procedures/clients';
import { useToday } from '../../session/today';
import { FormMessage, TextInput } from '../../components/form';
import { AssignmentActions } from '../assignments/AssignmentActions';
import { useProc } from '../../data/useProc';
import { useProcForm } from '../../components/useProcForm';
import { QueryErrors } from '../../data/QueryErrors';
import { MatchingPanel } from './MatchingPanel';
import { DecisionLaw } from '../legal/DecisionLaw';
import { AvbrottFlag } from '../legal/AvbrottFlag';
import { WITHOUT_ASSESSMENT_LABEL } from '../../../shared/legal/participants';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useInlineForm } from '../../components/useInlineForm';
import { hours, meetingsPer } from '../../../shared/plural';

function NotesForm({ d, onDone }: { d: DecisionView; onDone: () => void }) {
  // The version the form's text was loaded at; the form stays open after a save, which raises it by one.
  const [version, setVersion] = useState(d.version);
  const { control, submit, message } = useProcForm('decisions.updateNotes', {
    defaultValues: { delayReason: d.delayReason, interimSupport: d.interimSupport },
    toInput: (v) => ({ id: d.id, ...v, expectedVersion: version }),
    resetOnSuccess: false,
    invalidates: ['clients.', 'decisions.', 'reports.'],
    onSuccess: () => {
      setVersion((n) => n + 1);
      onDone();
    },
  });
  return (
    <Form validationBehavior="aria" onSubmit={submit} className="stack" aria-label="Uppgifter till IVO">
      <TextInput control={control} name="delayReason" label="Skäl till dröjsmål (till IVO)" multiline />
      <TextInput control={control} name="interimSupport" label="Annat stöd under väntetiden" multiline />
      <FormMessage>{message}</FormMessage>
      <Button type="submit" className="button">
        Spara
      </Button>
    </Form>
  );
}

function EndDecisionForm({
  id,
  title,
  onDone,
  onCancel,
}: {
  id: number;
  title: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const today = useToday();
  const { control, submit, message, pending, confirm, cancelConfirm } = useProcForm('decisions.end', {
    defaultValues: { date: today, reason: '' },
    toInput: (v) => ({ id, ...v }),
    confirmFirst: true,
    unsavedLabel: 'Avsluta beslut',
    resetOnSuccess: false,
    onSuccess: onDone,
  });
  const ref = useInlineForm<HTMLFormElement>(onCancel);
  return (
    <Form ref={ref} validationBehavior="aria" onSubmit={submit} className="stack panel" aria-label="Avsluta beslut">
      {pending && (
        <ConfirmDialog
          title="Avsluta beslutet?"
          confirmLabel="Avsluta beslutet"
          onCancel={cancelConfirm}
          onConfirm={confirm}
        >
          <p>
            Beslutet {title} upphör {pending.date}. Inga nya förslag kan göras på det, och det väntar inte längre på
            verkställighet. Det går inte att ångra; behövs insatsen igen registreras ett nytt beslut.
          </p>
        </ConfirmDialog>
      )}
      <TextInput control={control} name="date" label="Beslutet upphör" description="ÅÅÅÅ-MM-DD" />
      <TextInput control={control} name="reason" label="Skäl" />
      <FormMessage>{message}</FormMessage>
      <div className="row">
        <Button type="submit" className="button primary">
          Avsluta beslutet
        </Button>
        <Button className="button" onPress={onCancel}>
          Avbryt
        </Button>
      </div>
    </Form>
  );
}

/** One decision: execution status against the three-month limit, interruptions, assignments and matching. */
export function DecisionPanel({ d, onChanged }: { d: DecisionView; onChanged: () => void }) {
  const list = useProc('assignments.list', { decisionId: d.id });
  const assignments = list.data ?? [];
  const [matching, setMatching] = useState(false);
  const [ending, setEnding] = useState(false);
  const load = () => list.refetch();
  const changed = () => {
    setMatching(false);
    void load();
    onChanged();
  };
  const open = assignments.find((a) => OPEN_ASSIGNMENT_STATUSES.includes(a.status));
  const waiting = !d.executedDate && !d.endedDate;
  const openInterruption = d.interruptions.find((i) => !i.resumedDate);
  // A participant's insats utan individuell behovsprövning: no three-month limit, nothing to IVO.
  const withoutAssessment = d.legalBasis === WITHOUT_ASSESSMENT_LABEL;

  return (
    <section className="panel" aria-label={`Beslut ${d.decisionDate}`}>
      <h3>
        {d.legalBasis}, beslut {d.decisionDate}
        {d.diarienummer ? ` (${d.diarienummer})` : ''}
      </h3>
      <p>
        {meetingsPer(d.meetingsPerPeriod, d.period)}, {hours(d.hoursPerMonth)} per månad. Gäller {d.validFrom}–
        {d.validTo ?? 'tills vidare'}.{d.needsSpecialQualification && ' Kräver särskilt kvalificerad kontaktperson.'}
      </p>
      {withoutAssessment ? (
        <p>Lagrum: {d.legalReference}, utan individuell behovsprövning.</p>
      ) : (
        <DecisionLaw d={d} onChanged={onChanged} />
      )}
      {d.endedDate ? (
        <p>
          <span className="badge avslutad">Avslutat {d.endedDate}</span> {d.endReason}
        </p>
      ) : d.executedDate ? (
        <p>
          <span className="badge godkand">Verkställt {d.executedDate}</span>
        </p>
      ) : withoutAssessment ? (
        <p>Ingen kontaktperson ännu.</p>
      ) : (
        <p className={d.daysSinceDecision > 90 ? 'warning' : ''}>
          Ej verkställt: {d.daysSinceDecision} dagar sedan beslutet. Tremånadersgränsen är {d.ivoDeadline}.
        </p>
      )}
      {openInterruption && (
        <p className="warning">
          Avbrott sedan {openInterruption.fromDate}: {openInterruption.reason}
        </p>
      )}
      <QueryErrors of={[list]} />
      {assignments.map((a) => (
        <div key={a.id} className="assignment">
          <strong>{a.contactPersonName}</strong>{' '}
          <span className={`badge ${a.status}`}>{ASSIGNMENT_STATUS_LABELS[a.status]}</span>
          {a.startDate && ` · start ${a.startDate}`}
          {a.endDate && ` · slut ${a.endDate}`}
          <ul className="events">
            {a.events.map((e) => (
              <li key={e.id}>
                {e.date} {ASSIGNMENT_STATUS_LABELS[e.toStatus as keyof typeof ASSIGNMENT_STATUS_LABELS] ?? e.toStatus}
                {e.note ? ` – ${e.note}` : ''}
              </li>
            ))}
          </ul>
          {a.status === 'aktivt' && <AvbrottFlag assignmentId={a.id} onRegistered={changed} />}
          {a.availableActions.length > 0 && (
            <AssignmentActions
              id={a.id}
              actions={a.availableActions}
              onDone={changed}
              who={`med ${a.contactPersonName}`}
            />
          )}
        </div>
      ))}
      {!d.endedDate && !open && (
        <div className="row">
          <Button className="button primary" onPress={() => setMatching(!matching)}>
            {matching ? 'Dölj förslag' : 'Hitta kontaktperson'}
          </Button>
          <Button className="button" onPress={() => setEnding(true)}>
            Avsluta beslutet
          </Button>
        </div>
      )}
      {matching && <MatchingPanel decisionId={d.id} onProposed={changed} />}
      {ending && (
        <EndDecisionForm
          id={d.id}
          title={`${d.legalBasis} från ${d.decisionDate}`}
          onDone={() => {
            setEnding(false);
            onChanged();
          }}
          onCancel={() => setEnding(false)}
        />
      )}
      {(waiting || openInterruption) && !withoutAssessment && <NotesForm d={d} onDone={onChanged} />}
    </section>
  );
}
