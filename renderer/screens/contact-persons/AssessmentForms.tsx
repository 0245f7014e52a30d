import { Button, Form } from 'react-aria-components';
import type { ProcInput } from '../../../shared/ipc/contract';
import { OUTCOME_LABELS, OUTCOMES, REGISTER_LABELS, REGISTERS } from '../../../shared/contact-persons/register-checks';
import { FormMessage, RadioInput, TextInput } from '../../components/form';
import { useProcInputForm } from '../../components/useProcForm';
import { useInlineForm } from '../../components/useInlineForm';
import { useToday } from '../../session/today';

const DATE_HELP = 'ÅÅÅÅ-MM-DD';

const FORM_LABELS = {
  'cp.addInterview': 'Ny intervju',
  'cp.addReference': 'Ny referens',
  'cp.setConsent': 'Samtycke',
  'cp.addRegisterCheck': 'Ny registerkontroll',
  'cp.transition': 'Ändra status',
} as const;

/** The options every assessment form shares: the contact person's views reload after a save. */
function assessment<N extends keyof typeof FORM_LABELS>(name: N, onDone: () => void) {
  return { invalidates: ['cp.'], unsavedLabel: FORM_LABELS[name], onSuccess: onDone };
}

export function InterviewForm({ id, onDone }: { id: number; onDone: () => void }) {
  const today = useToday();
  const f = useProcInputForm('cp.addInterview', {
    defaultValues: { id, date: today, interviewer: '', notes: '' },
    ...assessment('cp.addInterview', onDone),
  });
  return (
    <Form validationBehavior="aria" onSubmit={f.submit} className="stack" aria-label="Ny intervju">
      <div className="grid2">
        <TextInput control={f.control} name="date" label="Intervjudatum" description={DATE_HELP} />
        <TextInput control={f.control} name="interviewer" label="Intervjuare" />
      </div>
      <TextInput control={f.control} name="notes" label="Anteckningar från intervjun" multiline />
      <FormMessage>{f.message}</FormMessage>
      <Button type="submit" className="button">
        Spara intervju
      </Button>
    </Form>
  );
}

export function ReferenceForm({ id, onDone }: { id: number; onDone: () => void }) {
  const f = useProcInputForm('cp.addReference', {
    defaultValues: { id, name: '', phone: '', relation: '', notes: '', contactedDate: null },
    ...assessment('cp.addReference', onDone),
  });
  return (
    <Form validationBehavior="aria" onSubmit={f.submit} className="stack" aria-label="Ny referens">
      <div className="grid3">
        <TextInput control={f.control} name="name" label="Referensens namn" />
        <TextInput control={f.control} name="phone" label="Referensens telefon" />
        <TextInput control={f.control} name="relation" label="Relation" />
      </div>
      <TextInput control={f.control} name="notes" label="Anteckningar från referenstagningen" multiline />
      <FormMessage>{f.message}</FormMessage>
      <Button type="submit" className="button">
        Spara referens
      </Button>
    </Form>
  );
}

export function ConsentForm({ id, onDone }: { id: number; onDone: () => void }) {
  const today = useToday();
  const f = useProcInputForm('cp.setConsent', {
    defaultValues: { id, date: today },
    ...assessment('cp.setConsent', onDone),
  });
  return (
    <Form validationBehavior="aria" onSubmit={f.submit} className="row" aria-label="Samtycke">
      <TextInput control={f.control} name="date" label="Datum för samtycke" description={DATE_HELP} />
      <Button type="submit" className="button">
        Registrera samtycke
      </Button>
      <FormMessage>{f.message}</FormMessage>
    </Form>
  );
}

export function RegisterCheckForm({ id, onDone }: { id: number; onDone: () => void }) {
  const today = useToday();
  const f = useProcInputForm('cp.addRegisterCheck', {
    defaultValues: {
      id,
      register: 'socialtjanstens_register',
      extractDate: today,
      shownDate: today,
      outcome: 'inga_anteckningar',
      assessmentNote: '',
    },
    ...assessment('cp.addRegisterCheck', onDone),
  });
  return (
    <Form validationBehavior="aria" onSubmit={f.submit} className="stack" aria-label="Ny registerkontroll">
      <RadioInput
        control={f.control}
        name="register"
        label="Register"
        options={REGISTERS.map((r) => [r, REGISTER_LABELS[r]] as const)}
      />
      <div className="grid2">
        <TextInput control={f.control} name="extractDate" label="Utdragets datum" description={DATE_HELP} />
        <TextInput control={f.control} name="shownDate" label="Visades den" description={DATE_HELP} />
      </div>
      <RadioInput
        control={f.control}
        name="outcome"
        label="Resultat"
        options={OUTCOMES.map((o) => [o, OUTCOME_LABELS[o]] as const)}
      />
      <TextInput
        control={f.control}
        name="assessmentNote"
        label="Bedömning"
        multiline
        description="Krävs om utdraget har anteckningar. Själva utdraget sparas aldrig."
      />
      <FormMessage>{f.message}</FormMessage>
      <Button type="submit" className="button">
        Spara registerkontroll
      </Button>
    </Form>
  );
}

export function TransitionForm({
  id,
  to,
  label,
  onDone,
  onCancel,
}: {
  id: number;
  to: ProcInput<'cp.transition'>['to'];
  label: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const today = useToday();
  const f = useProcInputForm('cp.transition', {
    defaultValues: { id, to, date: today, note: '' },
    ...assessment('cp.transition', onDone),
  });
  const inline = useInlineForm<HTMLFormElement>(onCancel);
  return (
    <Form
      ref={inline}
      validationBehavior="aria"
      onSubmit={f.submit}
      className="stack panel"
      aria-label={`Ändra status till ${label}`}
    >
      <h3>Ändra status till {label}</h3>
      <TextInput control={f.control} name="date" label="Datum" description={DATE_HELP} />
      <TextInput control={f.control} name="note" label={to === 'ej_godkand' ? 'Skäl' : 'Kommentar'} multiline />
      <FormMessage>{f.message}</FormMessage>
      <div className="row">
        <Button type="submit" className="button primary">
          Bekräfta
        </Button>
        <Button className="button" onPress={onCancel}>
          Avbryt
        </Button>
      </div>
    </Form>
  );
}
