import { useEffect, useState } from 'react';
import { ExportButton } from '../../components/ExportButton';
import { Button, Checkbox, Input, Label, SearchField } from 'react-aria-components';
import type { ClientListRow } from '../../../shared/ipc/procedures/clients';
import { call } from '../../api';
import { FormMessage } from '../../components/form';
import { VirtualTable } from '../../components/VirtualTable';

export function ClientList({ onOpen }: { onOpen: (id: number) => void }) {
  const [query, setQuery] = useState('');
  const [waitingOnly, setWaitingOnly] = useState(false);
  const [rows, setRows] = useState<ClientListRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const id = window.setTimeout(() => call('clients.search', { query, waitingOnly }).then(setRows, (e: Error) => setError(e.message)), 200);
    return () => window.clearTimeout(id);
  }, [query, waitingOnly]);
  return (
    <>
      <div className="row">
        <SearchField className="field search" value={query} onChange={setQuery}>
          <Label>Sök brukare</Label>
          <Input placeholder="Namn eller personnummer" />
        </SearchField>
        <Checkbox className="checkbox" isSelected={waitingOnly} onChange={setWaitingOnly}>
          <span className="box" aria-hidden="true" />
          Bara de som väntar på verkställighet
        </Checkbox>
      </div>
      <ExportButton input={{ list: 'brukare' }} />
      <FormMessage>{error}</FormMessage>
      <VirtualTable
        label="Brukare"
        rows={rows}
        rowKey={(r) => r.id}
        header={<tr><th scope="col">Namn</th><th scope="col">Personnummer</th><th scope="col">Barn/vuxen</th><th scope="col">Område</th><th scope="col">Väntar sedan</th><th scope="col">Dagar</th></tr>}
        row={(r) => (
          <>
            <td><Button className="link" onPress={() => onOpen(r.id)}>{r.name}</Button>{r.protectedIdentity && <span className="badge warn"> Skyddad</span>}</td>
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
