import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import { agreementData, type AgreementData } from '../../../shared/ipc/procedures/agreements';
import { formatDateTime } from '../../../shared/dates';
import { call } from '../../api';
import { applyServerError, FormMessage, NumberInput, RadioInput, TextInput, validateWith } from '../../components/form';
import { DocumentActions } from './DocumentActions';
import { meetingsPer } from '../../../shared/plural';

interface Values extends Omit<AgreementData, 'endDate'> {
  endDate: string;
}

/** The assignment's agreement: edit (a change makes a new version), versions listed, each printable. */
export function AgreementPanel({ assignmentId, startDate, protectedParty, onCreated }: { assignmentId: number; startDate: string | null; protectedParty: boolean; onCreated: () => void }) {
  const [versions, setVersions] = useState<Array<{ version: number; data: AgreementData; createdAt: string; createdBy: string | null }>>([]);
  const [message, setMessage] = useState<string | null>(null);
  const { control, handleSubmit, setError, reset } = useForm<Values>({
    defaultValues: { startDate: startDate ?? '', endDate: '', noticeWeeks: 4, meetingsPerPeriod: 2, period: 'manad', hoursPerMeeting: 3, goals: '' },
  });
  const load = useCallback(() => call('agreements.list', { assignmentId }).then((v) => {
    setVersions(v);
    if (v[0]) reset({ ...v[0].data, endDate: v[0].data.endDate ?? '' });
  }), [assignmentId, reset]);
  useEffect(() => void load(), [load]);
  const submit = handleSubmit(async (v) => {
    setMessage(null);
    const data = validateWith(agreementData, { ...v, endDate: v.endDate || null }, setError);
    if (!data) return;
    try {
      const r = await call('agreements.save', { assignmentId, data });
      setMessage(`Sparat som version ${r.version}.`);
      await load();
    } catch (err) {
      setMessage(applyServerError(err, setError));
    }
  });
  return (
    <div className="stack">
      <Form validationBehavior="aria" onSubmit={submit} className="stack" aria-label="Avtal">
        <div className="grid3">
          <TextInput control={control} name="startDate" label="Startdatum" description="ÅÅÅÅ-MM-DD" />
          <TextInput control={control} name="endDate" label="Slutdatum" description="Tomt = tills vidare" />
          <NumberInput control={control} name="noticeWeeks" label="Uppsägningstid (veckor)" minValue={0} maxValue={52} />
          <NumberInput control={control} name="meetingsPerPeriod" label="Antal träffar" minValue={1} maxValue={31} />
          <NumberInput control={control} name="hoursPerMeeting" label="Timmar per träff" minValue={0.5} maxValue={24} />
        </div>
        <RadioInput control={control} name="period" label="Träffar per" options={[['vecka', 'vecka'], ['manad', 'månad']]} />
        <TextInput control={control} name="goals" label="Mål för uppdraget" multiline />
        <FormMessage tone={message?.startsWith('Sparat') ? 'ok' : 'error'}>{message}</FormMessage>
        <Button type="submit" className="button primary">{versions.length ? 'Spara ändringar (ny version)' : 'Skapa avtal'}</Button>
      </Form>
      <h3>Versioner</h3>
      {versions.length === 0 && <p className="muted">Inget avtal ännu.</p>}
      <ol className="versions" aria-label="Avtalsversioner">
        {versions.map((v) => (
          <li key={v.version}>
            <strong>Version {v.version}</strong> ({formatDateTime(v.createdAt)}, {v.createdBy}): {meetingsPer(v.data.meetingsPerPeriod, v.data.period)}, start {v.data.startDate}
            <DocumentActions docRef={{ kind: 'avtal', assignmentId, version: v.version }} protectedParty={protectedParty} onCreated={onCreated} />
          </li>
        ))}
      </ol>
    </div>
  );
}
