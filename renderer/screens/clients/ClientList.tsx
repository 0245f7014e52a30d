import { useState } from 'react';
import { ExportButton } from '../../components/ExportButton';
import { Button, Checkbox, Input, Label, SearchField } from 'react-aria-components';
import { useProc } from '../../data/useProc';
import { useDebounced } from '../../data/useDebounced';
import { QueryErrors } from '../../data/QueryErrors';
import { VirtualTable } from '../../components/VirtualTable';
import { useSorted } from '../../components/sort';

export function ClientList({ onOpen }: { onOpen: (id: number) => void }) {
  const [query, setQuery] = useState('');
  const [waitingOnly, setWaitingOnly] = useState(false);
  const term = useDebounced(query, 200);
  const search = useProc('clients.search', { query: term, waitingOnly });
  // Hits are shown only for the search as typed: never an older search's rows while a newer one waits.
  const rows = term === query ? (search.data ?? []) : [];
  const { sorted, sort, header } = useSorted(rows, {
    Namn: (r) => r.name,
    Personnummer: (r) => r.personnummerMasked,
    'Barn/vuxen': (r) => (r.isChild ? 'Barn' : 'Vuxen'),
    Område: (r) => r.area,
    'Väntar sedan': (r) => r.waitingSince,
    Dagar: (r) => r.daysWaiting,
  });
  return (
    <>
      <div className="filters">
        <SearchField className="field search" value={query} onChange={setQuery}>
          <Label>Sök brukare</Label>
          <Input placeholder="Namn eller personnummer" />
        </SearchField>
        <Checkbox className="checkbox" isSelected={waitingOnly} onChange={setWaitingOnly}>
          <span className="box" aria-hidden="true" />
          Bara de som väntar på verkställighet
        </Checkbox>
        <ExportButton input={{ list: 'brukare', view: { query, statuses: [], waitingOnly, sort } }} />
      </div>
      <QueryErrors of={[search]} />
      <VirtualTable
        label="Brukare"
        rows={sorted}
        rowKey={(r) => r.id}
        header={
          <tr>{['Namn', 'Personnummer', 'Barn/vuxen', 'Område', 'Väntar sedan', 'Dagar'].map((c) => header(c))}</tr>
        }
        row={(r) => (
          <>
            <td>
              <Button className="link" onPress={() => onOpen(r.id)}>
                {r.name}
              </Button>
              {r.protectedIdentity && <span className="badge warn"> Skyddad</span>}
            </td>
            <td>{r.personnummerMasked}</td>
            <td>{r.isChild ? 'Barn' : 'Vuxen'}</td>
            <td>{r.area}</td>
            <td>{r.waitingSince ?? '–'}</td>
            <td className={r.daysWaiting !== null && r.daysWaiting > 90 ? 'late' : ''}>{r.daysWaiting ?? ''}</td>
          </>
        )}
      />
    </>
  );
}
