import { useEffect, useState } from 'react';
import { ExportButton } from '../../components/ExportButton';
import { Button, Input, Label, SearchField } from 'react-aria-components';
import { CP_STATUS_LABELS } from '../../../shared/contact-persons/status';
import type { CpListRow } from '../../../shared/ipc/procedures/contactPersons';
import { call } from '../../api';
import { FormMessage } from '../../components/form';
import { VirtualTable } from '../../components/VirtualTable';

/** Search across all contact persons by name, personnummer or phone. */
export function ContactPersonList({ onOpen }: { onOpen: (id: number) => void }) {
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<CpListRow[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const id = window.setTimeout(() => {
      call('cp.search', { query, limit: 10_000 }).then(
        (r) => {
          setRows(r.rows);
          setTotal(r.total);
        },
        (e: Error) => setError(e.message),
      );
    }, 200);
    return () => window.clearTimeout(id);
  }, [query]);

  return (
    <>
      <SearchField className="field search" value={query} onChange={setQuery} aria-describedby="search-help">
        <Label>Sök kontaktperson</Label>
        <Input placeholder="Namn, personnummer eller telefon" />
      </SearchField>
      <ExportButton input={{ list: 'kontaktpersoner' }} />
      <p id="search-help" className="muted">
        {total} {total === 1 ? 'träff' : 'träffar'}
        {total > rows.length ? ` (visar ${rows.length})` : ''}
      </p>
      <FormMessage>{error}</FormMessage>
      <VirtualTable
        label="Kontaktpersoner"
        rows={rows}
        rowKey={(r) => r.id}
        header={<tr><th scope="col">Namn</th><th scope="col">Personnummer</th><th scope="col">Status</th><th scope="col">Område</th><th scope="col">Ort</th><th scope="col">Telefon</th></tr>}
        row={(r) => (
          <>
            <td><Button className="link" onPress={() => onOpen(r.id)}>{r.name}</Button></td>
            <td>{r.personnummerMasked}</td>
            <td><span className={`badge ${r.status}`}>{CP_STATUS_LABELS[r.status]}</span></td>
            <td>{r.area}</td>
            <td>{r.protectedIdentity ? <span className="badge warn">Skyddad</span> : r.city}</td>
            <td>{r.phone}</td>
          </>
        )}
      />
    </>
  );
}
