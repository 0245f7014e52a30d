import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import type { RateYear } from '../../../shared/compensation/rates';
import { call } from '../../api';
import { useToday } from '../../session/today';
import { applyServerError, FormMessage, RadioInput } from '../../components/form';

/** Chooses the assignment's arvode and omkostnad levels from this year's table. */
export function LevelsForm({ assignmentId, current, onDone }: { assignmentId: number; current: { arvode: string | null; omkostnad: string | null }; onDone: () => void }) {
  const [rate, setRate] = useState<RateYear | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { control, handleSubmit, setError } = useForm({ defaultValues: { arvodeLevel: current.arvode ?? '', omkostnadLevel: current.omkostnad ?? '' } });
  const year = Number(useToday().slice(0, 4));
  useEffect(() => void call('rates.list', {}).then((r) => setRate(r.find((y) => y.year === year) ?? r.at(-1) ?? null)), [year]);
  const submit = handleSubmit(async (v) => {
    try {
      await call('assignments.setCompensation', { id: assignmentId, ...v });
      onDone();
    } catch (err) {
      setMessage(applyServerError(err, setError));
    }
  });
  if (!rate) return null;
  return (
    <Form validationBehavior="aria" onSubmit={submit} className="stack panel" aria-label="Ersättningsnivå">
      <RadioInput control={control} name="arvodeLevel" label={`Arvode (${rate.year})`} options={rate.arvodeLevels.map((l) => [l.code, l.label] as const)} />
      <RadioInput control={control} name="omkostnadLevel" label="Omkostnadsersättning" options={rate.omkostnadLevels.map((l) => [l.code, l.label] as const)} />
      <FormMessage>{message}</FormMessage>
      <Button type="submit" className="button primary">Spara nivåer</Button>
    </Form>
  );
}
