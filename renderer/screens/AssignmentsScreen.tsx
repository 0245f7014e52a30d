import { useCallback, useEffect, useState } from 'react';
import { ExportButton } from '../components/ExportButton';
import { Checkbox } from 'react-aria-components';
import { ASSIGNMENT_STATUS_LABELS, OPEN_ASSIGNMENT_STATUSES } from '../../shared/assignments/status';
import type { AssignmentRow } from '../../shared/ipc/procedures/assignments';
import { call } from '../api';
import { FormMessage } from '../components/form';
import { AssignmentActions } from './assignments/AssignmentActions';
import { AssignmentDocuments } from './documents/AssignmentDocuments';
import { Button } from 'react-aria-components';

/** Uppdrag: every assignment with its next steps. */
export function AssignmentsScreen() {
  const [rows, setRows] = useState<AssignmentRow[]>([]);
  const [all, setAll] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [docsFor, setDocsFor] = useState<number | null>(null);
  const load = useCallback(() => call('assignments.list', { statuses: all ? [] : [...OPEN_ASSIGNMENT_STATUSES] }).then(setRows, (e: Error) => setError(e.message)), [all]);
  useEffect(() => void load(), [load]);
  return (
    <>
      <h1>Uppdrag</h1>
      <Checkbox className="checkbox" isSelected={all} onChange={setAll}><span className="box" aria-hidden="true" />Visa även avslutade, avböjda och återkallade</Checkbox>
      <ExportButton input={{ list: 'uppdrag' }} />
      <FormMessage>{error}</FormMessage>
      <table className="table" aria-label="Uppdrag">
        <thead><tr><th scope="col">Brukare</th><th scope="col">Kontaktperson</th><th scope="col">Insats</th><th scope="col">Status</th><th scope="col">Start</th><th scope="col">Nästa steg</th><th scope="col"><span className="sr-only">Dokument</span></th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="wrap">{r.clientName}</td>
              <td className="wrap">{r.contactPersonName}</td>
              <td className="wrap">{r.legalBasis}</td>
              <td><span className={`badge ${r.status}`}>{ASSIGNMENT_STATUS_LABELS[r.status]}</span></td>
              <td>{r.startDate ?? (r.meetingDate ? `möte ${r.meetingDate}` : '–')}</td>
              <td className="wrap">{r.availableActions.length > 0 ? <AssignmentActions id={r.id} actions={r.availableActions} onDone={() => void load()} who={`${r.contactPersonName} – ${r.clientName}`} /> : r.endReason ?? ''}</td>
              <td>{['aktivt', 'bada_ja', 'avslutat'].includes(r.status) && <Button className="button" onPress={() => setDocsFor(docsFor === r.id ? null : r.id)} aria-label={`Dokument för ${r.contactPersonName} och ${r.clientName}`}>Dokument</Button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {docsFor !== null && rows.find((r) => r.id === docsFor) && <AssignmentDocuments key={docsFor} a={rows.find((r) => r.id === docsFor)!} />}
    </>
  );
}
