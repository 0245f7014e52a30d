import { Fragment, useMemo, useState } from 'react';
import { Button, Checkbox, Form, Input, Label, SearchField } from 'react-aria-components';
import { useSorted } from '../../components/sort';
import { useInlineForm } from '../../components/useInlineForm';
import { ExportButton } from '../../components/ExportButton';
import type { FollowUpRow } from '../../../shared/ipc/procedures/follow-ups';
import { useToday } from '../../session/today';
import { FormMessage, TextInput } from '../../components/form';
import { useProcForm } from '../../components/useProcForm';
import { useProc } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';

function RecordForm({ id, onDone, onCancel }: { id: number; onDone: () => void; onCancel: () => void }) {
  const today = useToday();
  const { control, submit, message, formState } = useProcForm('followUps.record', {
    defaultValues: { doneDate: today, participants: '', notes: '', outcome: '', nextDate: '' },
    // An empty next date means "by the rule".
    toInput: (v) => ({ id, ...v, nextDate: v.nextDate || null }),
    unsavedLabel: 'Registrera uppföljning',
    invalidates: ['followUps.', 'dashboard.', 'plans.'],
    onSuccess: onDone,
  });
  const ref = useInlineForm<HTMLFormElement>(onCancel);
  return (
    <Form
      ref={ref}
      validationBehavior="aria"
      onSubmit={submit}
      className="stack panel"
      aria-label="Registrera uppföljning"
    >
      <div className="grid3">
        <TextInput control={control} name="doneDate" label="Datum" description="ÅÅÅÅ-MM-DD" />
        <TextInput control={control} name="participants" label="Deltagare" />
        <TextInput control={control} name="nextDate" label="Nästa uppföljning" description="Tomt = enligt regeln" />
      </div>
      <TextInput control={control} name="notes" label="Anteckningar" multiline />
      <TextInput control={control} name="outcome" label="Resultat" />
      <FormMessage>{message}</FormMessage>
      <div className="row">
        <Button type="submit" className="button primary" isDisabled={formState.isSubmitting}>
          Spara uppföljning
        </Button>
        <Button className="button" onPress={onCancel}>
          Avbryt
        </Button>
      </div>
    </Form>
  );
}

const STATE_CLASS: Record<FollowUpRow['state'], string> = {
  försenad: 'late',
  snart: 'soon',
  planerad: '',
  genomförd: 'muted',
};

/** Planned and done follow-ups; overdue first. */
export function FollowUpList({ assignmentId }: { assignmentId?: number }) {
  const [showDone, setShowDone] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const list = useProc('followUps.list', { assignmentId, openOnly: !showDone }, { keepPrevious: true });
  const rows = useMemo(() => list.data ?? [], [list.data]);
  const shown = useMemo(() => {
    const words = query
      .toLocaleLowerCase('sv')
      .split(/[\s,]+/)
      .filter(Boolean);
    return rows.filter((r) =>
      words.every((w) => `${r.clientName} ${r.contactPersonName}`.toLocaleLowerCase('sv').includes(w)),
    );
  }, [rows, query]);
  const { sorted, sort, header } = useSorted(shown, {
    Planerad: (r) => r.plannedDate,
    Läge: (r) => r.state,
    Brukare: (r) => r.clientName,
    Kontaktperson: (r) => r.contactPersonName,
  });
  return (
    <>
      <div className="filters">
        {!assignmentId && (
          <SearchField className="field search" value={query} onChange={setQuery}>
            <Label>Sök uppföljning</Label>
            <Input placeholder="Brukare eller kontaktperson" />
          </SearchField>
        )}
        <Checkbox className="checkbox" isSelected={showDone} onChange={setShowDone}>
          <span className="box" aria-hidden="true" />
          Visa genomförda
        </Checkbox>
        {!assignmentId && (
          <ExportButton
            input={{
              list: 'uppfoljningar',
              view: { query, statuses: showDone ? [] : ['open'], waitingOnly: false, sort },
            }}
          />
        )}
      </div>
      <QueryErrors of={[list]} />
      <table className="table" aria-label="Uppföljningar">
        <thead>
          <tr>
            {header('Planerad')}
            {header('Läge')}
            {!assignmentId && (
              <>
                {header('Brukare')}
                {header('Kontaktperson')}
              </>
            )}
            <th scope="col">Resultat</th>
            <th scope="col">
              <span className="sr-only">Åtgärd</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <Fragment key={r.id}>
              <tr>
                <td>{r.plannedDate}</td>
                <td className={STATE_CLASS[r.state]}>
                  {r.state}
                  {r.doneDate ? ` ${r.doneDate}` : ''}
                </td>
                {!assignmentId && (
                  <>
                    <td>{r.clientName}</td>
                    <td>{r.contactPersonName}</td>
                  </>
                )}
                <td className="wrap">{r.outcome}</td>
                <td>
                  {!r.doneDate && (
                    <Button
                      className="button"
                      onPress={() => setOpen(open === r.id ? null : r.id)}
                      aria-expanded={open === r.id}
                      aria-label={`Registrera uppföljning ${r.plannedDate}`}
                    >
                      Registrera
                    </Button>
                  )}
                </td>
              </tr>
              {/* The form gets the table's full width on its own row, so its date fields are never squeezed. */}
              {open === r.id && (
                <tr>
                  <td colSpan={assignmentId ? 4 : 6} className="wrap">
                    <RecordForm id={r.id} onCancel={() => setOpen(null)} onDone={() => setOpen(null)} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      {sorted.length === 0 && <p className="muted">Inga uppföljningar{query ? ' matchar sökningen' : ''}.</p>}
    </>
  );
}
