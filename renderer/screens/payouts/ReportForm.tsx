import { Button, Form } from 'react-aria-components';
import { formatKronor, parseKronor } from '../../../shared/money';
import type { ReportRow } from '../../../shared/ipc/procedures/reports';
import { isValidIsoDate } from '../../../shared/dates';
import { FormMessage, TextInput } from '../../components/form';
import { useProcForm } from '../../components/useProcForm';

interface Values {
  meetingDates: string;
  hours: string;
  activities: string;
  expenses: string;
  receiptsNote: string;
}

/** Hours typed with a decimal comma ("6,5"); null when it is not a number. */
function parseHours(text: string): number | null {
  const hours = Number(text.replace(',', '.').trim() || 'x');
  return Number.isNaN(hours) ? null : hours;
}
const splitDates = (text: string) => text.split(/[,\s]+/).filter(Boolean);

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
  const { control, submit, message } = useProcForm('reports.submit', {
    defaultValues,
    // Text that is no number maps to NaN, which the schema refuses; `check` then names the problem.
    toInput: (v) => ({
      assignmentId,
      month,
      meetingDates: splitDates(v.meetingDates),
      hours: parseHours(v.hours) ?? Number.NaN,
      activities: v.activities,
      expensesOre: parseKronor(v.expenses || '0') ?? Number.NaN,
      receiptsNote: v.receiptsNote,
    }),
    fieldOf: (path) => (path === 'expensesOre' ? 'expenses' : path.replace(/^meetingDates\.\d+$/, 'meetingDates')),
    check: (v) => {
      // The contract's message would land on "meetingDates.0", which no field shows: name the date here.
      const badDate = splitDates(v.meetingDates).find((d) => !isValidIsoDate(d));
      return {
        ...(badDate !== undefined && { meetingDates: `${badDate} är inget giltigt datum (ÅÅÅÅ-MM-DD).` }),
        ...(parseHours(v.hours) === null && { hours: 'Ange timmar som ett tal, t.ex. 6,5.' }),
        ...(parseKronor(v.expenses || '0') === null && { expenses: 'Ange ett belopp i kronor, t.ex. 125,50.' }),
      };
    },
    resetOnSuccess: false,
    onSuccess: onDone,
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
