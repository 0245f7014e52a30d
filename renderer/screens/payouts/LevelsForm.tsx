import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useToday } from '../../session/today';
import { FormMessage, RadioInput } from '../../components/form';
import { useProcForm } from '../../components/useProcForm';
import { useProc } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';

/** Chooses the assignment's arvode and omkostnad levels from this year's table. */
export function LevelsForm({
  assignmentId,
  version,
  current,
  onDone,
}: {
  assignmentId: number;
  /** The assignment's version when the form opened: a colleague's save in between is refused. */
  version?: number;
  current: { arvode: string | null; omkostnad: string | null };
  onDone: () => void;
}) {
  const year = Number(useToday().slice(0, 4));
  const rates = useProc('rates.list', {});
  const [loadedVersion] = useState(version);
  const rate = rates.data ? (rates.data.find((y) => y.year === year) ?? rates.data.at(-1) ?? null) : null;
  const { control, submit, message } = useProcForm('assignments.setCompensation', {
    defaultValues: { arvodeLevel: current.arvode ?? '', omkostnadLevel: current.omkostnad ?? '' },
    toInput: (v) => ({ id: assignmentId, ...v, expectedVersion: loadedVersion }),
    invalidates: ['assignments.', 'payouts.', 'clients.', 'cp.'],
    onSuccess: onDone,
  });
  if (!rate) return <QueryErrors of={[rates]} />;
  return (
    <Form validationBehavior="aria" onSubmit={submit} className="stack panel" aria-label="Ersättningsnivå">
      <RadioInput
        control={control}
        name="arvodeLevel"
        label={`Arvode (${rate.year})`}
        options={rate.arvodeLevels.map((l) => [l.code, l.label] as const)}
      />
      <RadioInput
        control={control}
        name="omkostnadLevel"
        label="Omkostnadsersättning"
        options={rate.omkostnadLevels.map((l) => [l.code, l.label] as const)}
      />
      <FormMessage>{message}</FormMessage>
      <Button type="submit" className="button primary">
        Spara nivåer
      </Button>
    </Form>
  );
}
