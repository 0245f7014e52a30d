import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import { contract } from '../../../shared/ipc/contract';
import { formatKronor, parseKronor } from '../../../shared/money';
import type { ReportRow } from '../../../shared/ipc/procedures/reports';
import { isValidIsoDate } from '../../../shared/dates';
import { call } from '../../api';
import { applyServerError, FormMessage, TextInput, validateWith } from '../../components/form';

interface Values {
  meetingDates: string;
  hours: string;
  activities: string;
  expenses: string;
  receiptsNote: string;
}

/** The contact person's monthly report: meetings, hours, activities and expenses with receipts. */
export function ReportForm({
  assignmentId,
  month,
  existing,
  onDone,
  onCancel,
}: {
  assignmentId: number;
  month: string;
  existing?: ReportRow['report'];
  onDone: () => void;
  onCancel: () => void;
}) {
  // Saving replaces the whole report, so a correction starts from what was handed in.
  const defaultValues: Values = existing
    ? {
        meetingDates: existing.meetingDates.join(', '),
        hours: (existing.minutes / 60).toLocaleString('sv-SE', { maximumFractionDigits: 2, useGrouping: false }),
        activities: existing.activities,
        expenses: formatKronor(existing.expensesOre, { withUnit: false }),
        receiptsNote: existing.receiptsNote,
      }
    : { meetingDates: '', hours: '', activities: '', expenses: '0', receiptsNote: '' };
  const { control, handleSubmit, setError } = useForm<Values>({ defaultValues });
  const [message, setMessage] = useState<string | null>(null);
  const submit = handleSubmit(async (v) => {
    const expensesOre = parseKronor(v.expenses || '0');
    if (expensesOre === null) return setError('expenses', { message: 'Ange ett belopp i kronor, t.ex. 125,50.' });
    const hours = Number(v.hours.replace(',', '.').trim() || 'x');
    if (Number.isNaN(hours)) return setError('hours', { message: 'Ange timmar som ett tal, t.ex. 6,5.' });
    const meetingDates = v.meetingDates.split(/[,\s]+/).filter(Boolean);
    // The contract's message would land on "meetingDates.0", which no field shows: name the date here.
    const badDate = meetingDates.find((d) => !isValidIsoDate(d));
    if (badDate !== undefined)
      return setError('meetingDates', { message: `${badDate} är inget giltigt datum (ÅÅÅÅ-MM-DD).` });
    const input = validateWith(
      contract['reports.submit'].input,
      { assignmentId, month, meetingDates, hours, activities: v.activities, expensesOre, receiptsNote: v.receiptsNote },
      setError,
    );
    if (!input) return;
    try {
      await call('reports.submit', input);
      onDone();
    } catch (err) {
      setMessage(applyServerError(err, setError));
    }
  });
  return (
    <Form validationBehavior="aria" onSubmit={submit} className="stack panel" aria-label="Månadsrapport">
      <TextInput
        control={control}
        name="meetingDates"
        label="Träffar (datum)"
        description="ÅÅÅÅ-MM-DD, skilj med kommatecken."
      />
      <div className="grid3">
        <TextInput control={control} name="hours" label="Timmar" />
        <TextInput control={control} name="expenses" label="Utlägg (kr)" />
        <TextInput control={control} name="receiptsNote" label="Kvitton" />
      </div>
      <TextInput control={control} name="activities" label="Aktiviteter" multiline />
      <FormMessage>{message}</FormMessage>
      <div className="row">
        <Button type="submit" className="button primary">
          Spara rapport
        </Button>
        <Button className="button" onPress={onCancel}>
          Avbryt
        </Button>
      </div>
    </Form>
  );
}
