import { useId, useState } from 'react';
import { ExportButton } from '../../components/ExportButton';
import { Button, Input, Label, SearchField } from 'react-aria-components';
import { CP_STATUS_LABELS, CP_STATUSES, type CpStatus } from '../../../shared/contact-persons/status';
import { useProc } from '../../data/useProc';
import { useDebounced } from '../../data/useDebounced';
import { QueryErrors } from '../../data/QueryErrors';
import { VirtualTable } from '../../components/VirtualTable';
import { useSorted } from '../../components/sort';

const COLUMNS = ['Namn', 'Personnummer', 'Status', 'Område', 'Ort', 'Telefon'] as const;

/** Search across all contact persons by name, personnummer or phone; filter by status; sort by any column. */
export function ContactPersonList({ onOpen }: { onOpen: (id: number) => void }) {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<CpStatus | ''>('');
  const statusId = useId();
  const term = useDebounced(query, 200);
  const search = useProc('cp.search', { query: term, statuses: status ? [status] : [], limit: 10_000 });
  // Hits are shown only for the search as typed: never an older search's rows while a newer one waits.
  const current = term === query && search.data !== undefined;
  const rows = current ? search.data.rows : [];
  const total = current ? search.data.total : 0;

  const { sorted, sort, header } = useSorted(rows, {
    Namn: (r) => r.name,
    Personnummer: (r) => r.personnummerMasked,
    Status: (r) => CP_STATUS_LABELS[r.status],
    Område: (r) => r.area,
    Ort: (r) => r.city,
    Telefon: (r) => r.phone,
  });

  return (
    <>
      <div className="filters">
        <SearchField className="field search" value={query} onChange={setQuery} aria-describedby="search-help">
          <Label>Sök kontaktperson</Label>
          <Input placeholder="Namn, personnummer eller telefon" />
        </SearchField>
        <div className="field">
          <label htmlFor={statusId}>Status</label>
          <select id={statusId} value={status} onChange={(e) => setStatus(e.target.value as CpStatus | '')}>
            <option value="">Alla</option>
            {CP_STATUSES.map((s) => (
              <option key={s} value={s}>
                {CP_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <ExportButton
          input={{
            list: 'kontaktpersoner',
            view: { query, statuses: status ? [status] : [], waitingOnly: false, sort },
          }}
        />
      </div>
      <p id="search-help" className="muted" role="status">
        {!current ? 'Söker…' : `${total} ${total === 1 ? 'träff' : 'träffar'}`}
        {total > rows.length ? ` (visar ${rows.length})` : ''}
      </p>
      <QueryErrors of={[search]} />
      <VirtualTable
        label="Kontaktpersoner"
        rows={sorted}
        rowKey={(r) => r.id}
        header={<tr>{COLUMNS.map((c) => header(c))}</tr>}
        row={(r) => (
          <>
            <td>
              <Button className="link" onPress={() => onOpen(r.id)}>
                {r.name}
              </Button>
            </td>
            <td>{r.personnummerMasked}</td>
            <td>
              <span className={`badge ${r.status}`}>{CP_STATUS_LABELS[r.status]}</span>
            </td>
            <td>{r.area}</td>
            <td>{r.protectedIdentity ? <span className="badge warn">Skyddad</span> : r.city}</td>
            <td>{r.phone}</td>
          </>
        )}
      />
    </>
  );
}
