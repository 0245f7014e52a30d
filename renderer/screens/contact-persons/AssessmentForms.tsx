import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Button, Form } from 'react-aria-components';
import { contract } from '../../../shared/ipc/contract';
import { OUTCOME_LABELS, OUTCOMES, REGISTER_LABELS, REGISTERS } from '../../../shared/contact-persons/register-checks';
import { call } from '../../api';
import { applyServerError, FormMessage, RadioInput, TextInput } from '../../components/form';
import { useToday } from '../../session/today';

const DATE_HELP = 'ÅÅÅÅ-MM-DD';

/** A small form bound to one procedure's input schema; calls it and reports back. */
function useProcForm<N extends 'cp.addInterview' | 'cp.addReference' | 'cp.setConsent' | 'cp.addRegisterCheck' | 'cp.transition'>(name: N, defaults: z.input<(typeof contract)[N]['input']>, onDone: () => void) {
  type In = z.input<(typeof contract)[N]['input']>;
  const form = useForm<In>({ resolver: zodResolver(contract[name].input as never) as unknown as Resolver<In>, defaultValues: defaults as never });
  const [message, setMessage] = useState<string | null>(null);
  const submit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      await call(name, values as never);
      form.reset(defaults as never);
      onDone();
    } catch (err) {
      setMessage(applyServerError(err, form.setError));
    }
  });
  return { ...form, submit, message };
}

export function InterviewForm({ id, onDone }: { id: number; onDone: () => void }) {
  const today = useToday();
  const f = useProcForm('cp.addInterview', { id, date: today, interviewer: '', notes: '' }, onDone);
  return (
    <Form validationBehavior="aria" onSubmit={f.submit} className="stack" aria-label="Ny intervju">
      <div className="grid2">
        <TextInput control={f.control} name="date" label="Intervjudatum" description={DATE_HELP} />
        <TextInput control={f.control} name="interviewer" label="Intervjuare" />
      </div>
      <TextInput control={f.control} name="notes" label="Anteckningar från intervjun" multiline />
      <FormMessage>{f.message}</FormMessage>
      <Button type="submit" className="button">Spara intervju</Button>
    </Form>
  );
}

export function ReferenceForm({ id, onDone }: { id: number; onDone: () => void }) {
  const f = useProcForm('cp.addReference', { id, name: '', phone: '', relation: '', notes: '', contactedDate: null }, onDone);
  return (
    <Form validationBehavior="aria" onSubmit={f.submit} className="stack" aria-label="Ny referens">
      <div className="grid3">
        <TextInput control={f.control} name="name" label="Referensens namn" />
        <TextInput control={f.control} name="phone" label="Referensens telefon" />
        <TextInput control={f.control} name="relation" label="Relation" />
      </div>
      <TextInput control={f.control} name="notes" label="Anteckningar från referenstagningen" multiline />
      <FormMessage>{f.message}</FormMessage>
      <Button type="submit" className="button">Spara referens</Button>
    </Form>
  );
}

export function ConsentForm({ id, onDone }: { id: number; onDone: () => void }) {
  const today = useToday();
  const f = useProcForm('cp.setConsent', { id, date: today }, onDone);
  return (
    <Form validationBehavior="aria" onSubmit={f.submit} className="row" aria-label="Samtycke">
      <TextInput control={f.control} name="date" label="Datum för samtycke" description={DATE_HELP} />
      <Button type="submit" className="button">Registrera samtycke</Button>
      <FormMessage>{f.message}</FormMessage>
    </Form>
  );
}

export function RegisterCheckForm({ id, onDone }: { id: number; onDone: () => void }) {
  const today = useToday();
  const f = useProcForm('cp.addRegisterCheck', { id, register: 'socialtjanstens_register', extractDate: today, shownDate: today, outcome: 'inga_anteckningar', assessmentNote: '' }, onDone);
  return (
    <Form validationBehavior="aria" onSubmit={f.submit} className="stack" aria-label="Ny registerkontroll">
      <RadioInput control={f.control} name="register" label="Register" options={REGISTERS.map((r) => [r, REGISTER_LABELS[r]] as const)} />
      <div className="grid2">
        <TextInput control={f.control} name="extractDate" label="Utdragets datum" description={DATE_HELP} />
        <TextInput control={f.control} name="shownDate" label="Visades den" description={DATE_HELP} />
      </div>
      <RadioInput control={f.control} name="outcome" label="Resultat" options={OUTCOMES.map((o) => [o, OUTCOME_LABELS[o]] as const)} />
      <TextInput control={f.control} name="assessmentNote" label="Bedömning" multiline description="Krävs om utdraget har anteckningar. Själva utdraget sparas aldrig." />
      <FormMessage>{f.message}</FormMessage>
      <Button type="submit" className="button">Spara registerkontroll</Button>
    </Form>
  );
}

export function TransitionForm({ id, to, label, onDone, onCancel }: { id: number; to: z.input<(typeof contract)['cp.transition']['input']>['to']; label: string; onDone: () => void; onCancel: () => void }) {
  const today = useToday();
  const f = useProcForm('cp.transition', { id, to, date: today, note: '' }, onDone);
  return (
    <Form validationBehavior="aria" onSubmit={f.submit} className="stack panel" aria-label={`Ändra status till ${label}`}>
      <h3>Ändra status till {label}</h3>
      <TextInput control={f.control} name="date" label="Datum" description={DATE_HELP} />
      <TextInput control={f.control} name="note" label={to === 'ej_godkand' ? 'Skäl' : 'Kommentar'} multiline />
      <FormMessage>{f.message}</FormMessage>
      <div className="row">
        <Button type="submit" className="button primary">Bekräfta</Button>
        <Button className="button" onPress={onCancel}>Avbryt</Button>
      </div>
    </Form>
  );
}
