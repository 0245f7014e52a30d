import { useCallback, useEffect, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import { planData, type PlanData } from '../../../shared/ipc/procedures/plans';
import { formatDateTime } from '../../../shared/dates';
import { call } from '../../api';
import { applyServerError, FormMessage, TextInput, validateWith } from '../../components/form';
import { DocumentActions } from './DocumentActions';

const EMPTY_ACTIVITY = { what: '', how: '', who: '', when: '', howOften: '', howLong: '' };

/** Genomförandeplan: goals, activities (vad, hur, vem, när, hur ofta, hur länge), next follow-up; versions. */
export function PlanPanel({ assignmentId, protectedParty, onCreated }: { assignmentId: number; protectedParty: boolean; onCreated: () => void }) {
  const [versions, setVersions] = useState<Array<{ version: number; data: PlanData; createdAt: string; createdBy: string | null }>>([]);
  const [message, setMessage] = useState<string | null>(null);
  const { control, handleSubmit, setError, reset } = useForm<PlanData>({ defaultValues: { goals: '', activities: [EMPTY_ACTIVITY], nextFollowUp: '', participation: '' } });
  const activities = useFieldArray({ control, name: 'activities' });
  const load = useCallback(() => call('plans.list', { assignmentId }).then((v) => {
    setVersions(v);
    if (v[0]) reset(v[0].data);
  }), [assignmentId, reset]);
  useEffect(() => void load(), [load]);
  const submit = handleSubmit(async (v) => {
    const data = validateWith(planData, v, setError);
    if (!data) return;
    try {
      const r = await call('plans.save', { assignmentId, data });
      setMessage(`Sparat som version ${r.version}.`);
      await load();
    } catch (err) {
      setMessage(applyServerError(err, setError));
    }
  });
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
        <Button className="button" onPress={() => activities.append(EMPTY_ACTIVITY)}>Lägg till aktivitet</Button>
        <div className="grid2">
          <TextInput control={control} name="nextFollowUp" label="Nästa uppföljning" description="ÅÅÅÅ-MM-DD" />
          <TextInput control={control} name="participation" label="Brukarens delaktighet" />
        </div>
        <FormMessage tone={message?.startsWith('Sparat') ? 'ok' : 'error'}>{message}</FormMessage>
        <Button type="submit" className="button primary">{versions.length ? 'Spara ändringar (ny version)' : 'Skapa plan'}</Button>
      </Form>
      <ol className="versions" aria-label="Planversioner">
        {versions.map((v) => (
          <li key={v.version}>
            <strong>Version {v.version}</strong> ({formatDateTime(v.createdAt)}, {v.createdBy}), uppföljning {v.data.nextFollowUp}
            <DocumentActions docRef={{ kind: 'genomforandeplan', assignmentId, version: v.version }} protectedParty={protectedParty} onCreated={onCreated} />
          </li>
        ))}
      </ol>
    </div>
  );
}
