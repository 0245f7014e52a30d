import { useEffect, useMemo, useRef, useState } from 'react';
import { ExportButton } from '../components/ExportButton';
import { Button, Checkbox, Input, Label, SearchField } from 'react-aria-components';
import { ASSIGNMENT_STATUS_LABELS, OPEN_ASSIGNMENT_STATUSES } from '../../shared/assignments/status';
import type { AssignmentRow } from '../../shared/ipc/procedures/assignments';
import { useProc } from '../data/useProc';
import { QueryErrors } from '../data/QueryErrors';
import { AssignmentActions } from './assignments/AssignmentActions';
import { AssignmentDocuments } from './documents/AssignmentDocuments';
import { useSorted } from '../components/sort';

/** Every word of the search in the client's or contact person's name or the legal basis (as the export filters). */
function matches(query: string, r: AssignmentRow): boolean {
  const hay = `${r.clientName} ${r.contactPersonName} ${r.legalBasis}`.toLocaleLowerCase('sv');
  return query
    .toLocaleLowerCase('sv')
    .split(/[\s,]+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/** Uppdrag: every assignment with its next steps. */
export function AssignmentsScreen() {
  const [all, setAll] = useState(false);
  const [query, setQuery] = useState('');
  const [docsFor, setDocsFor] = useState<number | null>(null);
  const docsRef = useRef<HTMLDivElement>(null);
  const list = useProc(
    'assignments.list',
    { statuses: all ? [] : [...OPEN_ASSIGNMENT_STATUSES] },
    { keepPrevious: true },
  );
  const rows = useMemo(() => list.data ?? [], [list.data]);
  const load = () => list.refetch();
  const shown = useMemo(() => rows.filter((r) => matches(query, r)), [rows, query]);
  const { sorted, sort, header } = useSorted(shown, {
    Brukare: (r) => r.clientName,
    Kontaktperson: (r) => r.contactPersonName,
    Insats: (r) => r.legalBasis,
    Status: (r) => ASSIGNMENT_STATUS_LABELS[r.status],
    Start: (r) => r.startDate,
  });
  // The documents panel opens above the table, in view, and takes focus.
  useEffect(() => {
    if (docsFor === null) return;
    docsRef.current?.scrollIntoView({ block: 'start' });
    docsRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [docsFor]);
  const docs = docsFor !== null ? rows.find((r) => r.id === docsFor) : undefined;
  return (
    <>
      <h1>Uppdrag</h1>
      <div className="filters">
        <SearchField className="field search" value={query} onChange={setQuery}>
          <Label>Sök uppdrag</Label>
          <Input placeholder="Brukare, kontaktperson eller insats" />
        </SearchField>
        <Checkbox className="checkbox" isSelected={all} onChange={setAll}>
          <span className="box" aria-hidden="true" />
          Visa även avslutade, avböjda och återkallade
        </Checkbox>
        <ExportButton
          input={{
            list: 'uppdrag',
            view: { query, statuses: all ? [] : [...OPEN_ASSIGNMENT_STATUSES], waitingOnly: false, sort },
          }}
        />
      </div>
      <p className="muted" role="status">
        {sorted.length} uppdrag visas
      </p>
      <QueryErrors of={[list]} />
      {docs && (
        <div ref={docsRef}>
          <div className="row spread">
            <span />
            <Button className="button" onPress={() => setDocsFor(null)}>
              Stäng dokumenten
            </Button>
          </div>
          <AssignmentDocuments key={docs.id} a={docs} />
        </div>
      )}
      <table className="table" aria-label="Uppdrag">
        <thead>
          <tr>
            {['Brukare', 'Kontaktperson', 'Insats', 'Status', 'Start'].map((c) => header(c))}
            <th scope="col">Nästa steg</th>
            <th scope="col">
              <span className="sr-only">Dokument</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.id}>
              <td className="wrap">
                {r.clientName}
                <br />
                <span className="small-text">f. {r.clientBirthDate}</span>
              </td>
              <td className="wrap">
                {r.contactPersonName}
                <br />
                <span className="small-text">f. {r.contactPersonBirthDate}</span>
              </td>
              <td className="wrap">{r.legalBasis}</td>
              <td>
                <span className={`badge ${r.status}`}>{ASSIGNMENT_STATUS_LABELS[r.status]}</span>
              </td>
              <td>{r.startDate ?? (r.meetingDate ? `möte ${r.meetingDate}` : '–')}</td>
              <td className="wrap">
                {r.availableActions.length > 0 ? (
                  <AssignmentActions
                    id={r.id}
                    actions={r.availableActions}
                    onDone={() => void load()}
                    who={`${r.contactPersonName} – ${r.clientName}`}
                  />
                ) : (
                  (r.endReason ?? '')
                )}
              </td>
              <td>
                {['aktivt', 'bada_ja', 'avslutat'].includes(r.status) && (
                  <Button
                    className="button"
                    onPress={() => setDocsFor(docsFor === r.id ? null : r.id)}
                    aria-expanded={docsFor === r.id}
                    aria-label={`Dokument för ${r.contactPersonName} och ${r.clientName}`}
                  >
                    Dokument
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {sorted.length === 0 && <p className="muted">Inga uppdrag{query ? ' matchar sökningen' : ''}.</p>}
    </>
  );
}
