import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import type { AgreementData } from '../../../shared/ipc/procedures/agreements';
import type { ProcOutput } from '../../../shared/ipc/contract';
import { formatDateTime } from '../../../shared/dates';
import { FormMessage, NumberInput, RadioInput, TextInput } from '../../components/form';
import { useProcForm } from '../../components/useProcForm';
import { useProc } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';
import { DocumentActions } from './DocumentActions';
import { meetingsPer } from '../../../shared/plural';

interface Values extends Omit<AgreementData, 'endDate'> {
  endDate: string;
}

/** Where a refused save puts its messages: the procedure nests the agreement under `data`. */
const fieldOfData = (path: string) => path.replace(/^data\./, '');

type Props = { assignmentId: number; startDate: string | null; protectedParty: boolean; onCreated: () => void };

/** The assignment's agreement: edit (a change makes a new version), versions listed, each printable. */
export function AgreementPanel(props: Props) {
  const list = useProc('agreements.list', { assignmentId: props.assignmentId });
  if (!list.data) return <QueryErrors of={[list]} />;
  return <AgreementEditor {...props} versions={list.data} />;
}

function AgreementEditor({
  assignmentId,
  startDate,
  protectedParty,
  onCreated,
  versions,
}: Props & { versions: ProcOutput<'agreements.list'> }) {
  const latest = versions[0]?.data;
  const defaultValues: Values = latest
    ? { ...latest, endDate: latest.endDate ?? '' }
    : {
        startDate: startDate ?? '',
        endDate: '',
        noticeWeeks: 4,
        meetingsPerPeriod: 2,
        period: 'manad',
        hoursPerMeeting: 3,
        goals: '',
      };
  const [saved, setSaved] = useState<string | null>(null);
  const {
    control,
    submit: save,
    message: error,
  } = useProcForm('agreements.save', {
    defaultValues,
    toInput: (v) => ({ assignmentId, data: { ...v, endDate: v.endDate || null } }),
    fieldOf: fieldOfData,
    invalidates: ['agreements.', 'documents.'],
    resetOnSuccess: false,
    onSuccess: (r) => setSaved(`Sparat som version ${r.version}.`),
  });
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    setSaved(null);
    return save(e);
  };
  const message = error ?? saved;
  return (
    <div className="stack">
      <Form validationBehavior="aria" onSubmit={submit} className="stack" aria-label="Avtal">
        <div className="grid3">
          <TextInput control={control} name="startDate" label="Startdatum" description="ÅÅÅÅ-MM-DD" />
          <TextInput control={control} name="endDate" label="Slutdatum" description="Tomt = tills vidare" />
          <NumberInput
            control={control}
            name="noticeWeeks"
            label="Uppsägningstid (veckor)"
            minValue={0}
            maxValue={52}
          />
          <NumberInput control={control} name="meetingsPerPeriod" label="Antal träffar" minValue={1} maxValue={31} />
          <NumberInput control={control} name="hoursPerMeeting" label="Timmar per träff" minValue={0.5} maxValue={24} />
        </div>
        <RadioInput
          control={control}
          name="period"
          label="Träffar per"
          options={[
            ['vecka', 'vecka'],
            ['manad', 'månad'],
          ]}
        />
        <TextInput control={control} name="goals" label="Mål för uppdraget" multiline />
        <FormMessage tone={message?.startsWith('Sparat') ? 'ok' : 'error'}>{message}</FormMessage>
        <Button type="submit" className="button primary">
          {versions.length ? 'Spara ändringar (ny version)' : 'Skapa avtal'}
        </Button>
      </Form>
      <h3>Versioner</h3>
      {versions.length === 0 && <p className="muted">Inget avtal ännu.</p>}
      <ol className="versions" aria-label="Avtalsversioner">
        {versions.map((v) => (
          <li key={v.version}>
            <strong>Version {v.version}</strong> ({formatDateTime(v.createdAt)}, {v.createdBy}):{' '}
            {meetingsPer(v.data.meetingsPerPeriod, v.data.period)}, start {v.data.startDate}
            <DocumentActions
              docRef={{ kind: 'avtal', assignmentId, version: v.version }}
              protectedParty={protectedParty}
              onCreated={onCreated}
            />
          </li>
        ))}
      </ol>
    </div>
  );
}
