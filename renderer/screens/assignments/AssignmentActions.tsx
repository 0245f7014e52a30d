import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { ASSIGNMENT_ACTIONS, type AssignmentAction } from '../../../shared/assignments/status';
import type { ProcInput } from '../../../shared/ipc/contract';
import { useToday } from '../../session/today';
import { CheckboxInput, FormMessage, TextInput } from '../../components/form';
import { useProcForm } from '../../components/useProcForm';
import { useInlineForm } from '../../components/useInlineForm';
import { ConfirmDialog } from '../../components/ConfirmDialog';

interface Values {
  date: string;
  note: string;
  decisionContinues: boolean;
}

/** The steps that need a reason; they are also the ones that cannot be undone, so they ask first. */
const NEEDS_REASON: AssignmentAction[] = ['cpDecline', 'clientDecline', 'withdraw', 'end'];

/** What an irreversible step does, in the words of the confirmation dialog. */
function consequence(action: AssignmentAction, input: ProcInput<'assignments.act'>, who: string): string | null {
  switch (action) {
    case 'end':
      return input.decisionContinues
        ? `Uppdraget ${who} avslutas ${input.date}. Beslutet gäller fortfarande: ett avbrott börjar och räknas mot tremånadersgränsen tills en ny kontaktperson har börjat.`
        : `Uppdraget ${who} avslutas ${input.date}. Arvode och omkostnad betalas inte för tiden efter det.`;
    case 'withdraw':
      return `Förslaget ${who} återkallas ${input.date} och kan inte tas upp igen; ett nytt förslag får göras.`;
    case 'cpDecline':
      return `Kontaktpersonen tackar nej (${input.date}). Förslaget ${who} avslutas; kontaktpersonen behåller sin plats i kön.`;
    case 'clientDecline':
      return `Brukaren tackar nej (${input.date}). Förslaget ${who} avslutas och registreras som erbjudande som brukaren tackat nej till.`;
    default:
      return null;
  }
}

/** Buttons for the next steps of one assignment; each opens a small form with the date (and reason). */
export function AssignmentActions({
  id,
  actions,
  onDone,
  who = '',
}: {
  id: number;
  actions: AssignmentAction[];
  onDone: () => void;
  who?: string;
}) {
  const [action, setAction] = useState<AssignmentAction | null>(null);
  return (
    <div className="stack">
      <div className="row">
        {actions.map((a) => (
          <Button key={a} className="button" onPress={() => setAction(a)} aria-expanded={action === a}>
            {ASSIGNMENT_ACTIONS[a].label}
          </Button>
        ))}
      </div>
      {action && (
        <ActionForm
          key={action}
          id={id}
          action={action}
          who={who}
          onCancel={() => setAction(null)}
          onDone={() => {
            setAction(null);
            onDone();
          }}
        />
      )}
    </div>
  );
}

function ActionForm({
  id,
  action,
  who,
  onCancel,
  onDone,
}: {
  id: number;
  action: AssignmentAction;
  who: string;
  onCancel: () => void;
  onDone: () => void;
}) {
  const today = useToday();
  const label = ASSIGNMENT_ACTIONS[action].label;
  const { control, submit, message, busy, pending, confirm, cancelConfirm } = useProcForm<'assignments.act', Values>(
    'assignments.act',
    {
      defaultValues: { date: today, note: '', decisionContinues: true },
      toInput: (v) => ({ id, action, ...v }),
      // A step that cannot be undone says what it means before it is saved.
      confirmFirst: NEEDS_REASON.includes(action),
      invalidates: ['assignments.', 'clients.', 'decisions.', 'cp.', 'matching.', 'legal.', 'reports.', 'dashboard.'],
      unsavedLabel: label,
      resetOnSuccess: false,
      onSuccess: onDone,
    },
  );
  const ref = useInlineForm<HTMLFormElement>(onCancel);
  return (
    <Form ref={ref} validationBehavior="aria" onSubmit={submit} className="stack panel" aria-label={label}>
      <h3>{label}</h3>
      <TextInput
        control={control}
        name="date"
        label={action === 'bookMeeting' ? 'Datum för mötet' : 'Datum'}
        description="ÅÅÅÅ-MM-DD"
      />
      <TextInput control={control} name="note" label={NEEDS_REASON.includes(action) ? 'Skäl' : 'Kommentar'} multiline />
      {action === 'end' && (
        <CheckboxInput
          control={control}
          name="decisionContinues"
          label="Beslutet gäller fortfarande (avbrott, ny kontaktperson ska sökas)"
        />
      )}
      <FormMessage>{message}</FormMessage>
      <div className="row">
        <Button type="submit" className="button primary" isDisabled={busy}>
          Bekräfta
        </Button>
        <Button className="button" onPress={onCancel}>
          Avbryt
        </Button>
      </div>
      {pending && (
        <ConfirmDialog title={`${label}?`} confirmLabel={label} onCancel={cancelConfirm} onConfirm={confirm}>
          <p>{consequence(action, pending, who)}</p>
          <p>Det går inte att ångra.</p>
        </ConfirmDialog>
      )}
    </Form>
  );
}
