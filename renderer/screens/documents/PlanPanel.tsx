import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import type { PlanData } from '../../../shared/ipc/procedures/plans';
import type { ProcOutput } from '../../../shared/ipc/contract';
import { formatDateTime } from '../../../shared/dates';
import { FormMessage, TextInput } from '../../components/form';
import { useProcForm } from '../../components/useProcForm';
import { useProc } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';
import { DocumentActions } from './DocumentActions';

const EMPTY_ACTIVITY = { what: '', how: '', who: '', when: '', howOften: '', howLong: '' };

/** Where a refused save puts its messages: the procedure nests the plan under `data`. */
const fieldOfData = (path: string) => path.replace(/^data\./, '');

type Props = { assignmentId: number; protectedParty: boolean; onCreated: () => void };

/** Genomförandeplan: goals, activities (vad, hur, vem, när, hur ofta, hur länge), next follow-up; versions. */
export function PlanPanel(props: Props) {
  const list = useProc('plans.list', { assignmentId: props.assignmentId });
  if (!list.data) return <QueryErrors of={[list]} />;
  return <PlanEditor {...props} versions={list.data} />;
}

function PlanEditor({
  assignmentId,
  protectedParty,
  onCreated,
  versions,
}: Props & { versions: ProcOutput<'plans.list'> }) {
  const defaultValues: PlanData = versions[0]?.data ?? {
    goals: '',
    activities: [EMPTY_ACTIVITY],
    nextFollowUp: '',
    participation: '',
  };
  const [saved, setSaved] = useState<string | null>(null);
  const {
    control,
    submit: save,
    message: error,
  } = useProcForm('plans.save', {
    defaultValues,
    toInput: (data) => ({ assignmentId, data }),
    fieldOf: fieldOfData,
    invalidates: ['plans.', 'documents.', 'followUps.'],
    resetOnSuccess: false,
    onSuccess: (r) => setSaved(`Sparat som version ${r.version}.`),
  });
  const activities = useFieldArray({ control, name: 'activities' });
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    setSaved(null);
    return save(e);
  };
  const message = error ?? saved;
  return (
    <div className="stack">
      <Form validationBehavior="aria" onSubmit={submit} className="stack" aria-label="Genomförandeplan">
        <TextInput control={control} name="goals" label="Mål enligt beslutet" multiline />
        {activities.fields.map((f, i) => (
          <div key={f.id} className="grid3 connection">
            <TextInput control={control} name={`activities.${i}.what`} label="Vad" />
            <TextInput control={control} name={`activities.${i}.how`} label="Hur" />
            <TextInput control={control} name={`activities.${i}.who`} label="Vem" />
            <TextInput control={control} name={`activities.${i}.when`} label="När" />
            <TextInput control={control} name={`activities.${i}.howOften`} label="Hur ofta" />
            <TextInput control={control} name={`activities.${i}.howLong`} label="Hur länge" />
          </div>
        ))}
        <Button className="button" onPress={() => activities.append(EMPTY_ACTIVITY)}>
          Lägg till aktivitet
        </Button>
        <div className="grid2">
          <TextInput control={control} name="nextFollowUp" label="Nästa uppföljning" description="ÅÅÅÅ-MM-DD" />
          <TextInput control={control} name="participation" label="Brukarens delaktighet" />
        </div>
        <FormMessage tone={message?.startsWith('Sparat') ? 'ok' : 'error'}>{message}</FormMessage>
        <Button type="submit" className="button primary">
          {versions.length ? 'Spara ändringar (ny version)' : 'Skapa plan'}
        </Button>
      </Form>
      <ol className="versions" aria-label="Planversioner">
        {versions.map((v) => (
          <li key={v.version}>
            <strong>Version {v.version}</strong> ({formatDateTime(v.createdAt)}, {v.createdBy}), uppföljning{' '}
            {v.data.nextFollowUp}
            <DocumentActions
              docRef={{ kind: 'genomforandeplan', assignmentId, version: v.version }}
              protectedParty={protectedParty}
              onCreated={onCreated}
            />
          </li>
        ))}
      </ol>
    </div>
  );
}
