import { useEffect, useState } from 'react';
import { Button, Dialog, Heading, Input, Label, Modal, SearchField } from 'react-aria-components';
import { CP_STATUS_LABELS } from '../../shared/contact-persons/status';
import type { CpListRow } from '../../shared/ipc/procedures/cp';
import type { ClientListRow } from '../../shared/ipc/procedures/clients';
import { call } from '../api';

/**
 * "Sök person" (Ctrl+K from anywhere): contact persons and clients by name or personnummer, each
 * with the masked personnummer so namesakes can be told apart. Choosing one opens the record.
 */
export function QuickSearch({ onOpen, onClose }: { onOpen: (kind: 'kontaktperson' | 'brukare', id: number) => void; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [people, setPeople] = useState<CpListRow[]>([]);
  const [clients, setClients] = useState<ClientListRow[]>([]);
  useEffect(() => {
    if (query.trim().length < 2) {
      setPeople([]);
      setClients([]);
      return;
    }
    const id = window.setTimeout(() => {
      void call('cp.search', { query, statuses: [], limit: 8 }).then((r) => setPeople(r.rows), () => setPeople([]));
      void call('clients.search', { query, waitingOnly: false }).then((r) => setClients(r.slice(0, 8)), () => setClients([]));
    }, 150);
    return () => window.clearTimeout(id);
  }, [query]);
  const none = query.trim().length >= 2 && people.length === 0 && clients.length === 0;
  return (
    <Modal isOpen isDismissable onOpenChange={(open) => !open && onClose()} className="modal">
      <Dialog className="dialog quick-search" aria-label="Sök person">
        <Heading slot="title">Sök person</Heading>
        <SearchField className="field search" value={query} onChange={setQuery} autoFocus aria-describedby="quick-help">
          <Label>Namn eller personnummer</Label>
          <Input />
        </SearchField>
        <p id="quick-help" className="small-text">Minst två tecken. Tabb går till träffarna, Esc stänger.</p>
        {people.length > 0 && (
          <section aria-label="Kontaktpersoner">
            <h3>Kontaktpersoner</h3>
            <ul className="quick-results">
              {people.map((p) => (
                <li key={p.id}>
                  <Button className="link" onPress={() => onOpen('kontaktperson', p.id)}>{p.name}</Button> <span className="small-text">{p.personnummerMasked} · {CP_STATUS_LABELS[p.status]}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {clients.length > 0 && (
          <section aria-label="Brukare">
            <h3>Brukare</h3>
            <ul className="quick-results">
              {clients.map((c) => (
                <li key={c.id}>
                  <Button className="link" onPress={() => onOpen('brukare', c.id)}>{c.name}</Button> <span className="small-text">{c.personnummerMasked} · {c.isChild ? 'barn' : 'vuxen'}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {none && <p role="status">Ingen person matchar ”{query.trim()}”.</p>}
        <div className="row"><Button className="button" onPress={onClose}>Stäng</Button></div>
      </Dialog>
    </Modal>
  );
}
