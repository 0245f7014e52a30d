import { useState } from 'react';
import { Button, Dialog, Heading, Input, Label, Modal, SearchField } from 'react-aria-components';
import { CP_STATUS_LABELS } from '../../shared/contact-persons/status';
import { useProc } from '../data/useProc';
import { useDebounced } from '../data/useDebounced';

/**
 * "Sök person" (Ctrl+K from anywhere): contact persons and clients by name or personnummer, each
 * with the masked personnummer so namesakes can be told apart. Choosing one opens the record.
 */
export function QuickSearch({
  onOpen,
  onClose,
}: {
  onOpen: (kind: 'kontaktperson' | 'brukare', id: number) => void;
  onClose: () => void;
}) {
  const [query, setQuery] = useState('');
  const term = useDebounced(query, 150);
  const searching = query.trim().length >= 2;
  const enabled = searching && term.trim().length >= 2;
  // A failed search shows no hits, as before: the dialog is a shortcut, the screens say more.
  const cps = useProc('cp.search', { query: term, statuses: [], limit: 8 }, { enabled });
  const cls = useProc('clients.search', { query: term, waitingOnly: false }, { enabled });
  // Hits only for the query as typed (never an older query's while a newer one waits).
  const current = searching && term === query;
  const people = current ? (cps.data?.rows ?? []) : [];
  const clients = current ? (cls.data ?? []).slice(0, 8) : [];
  const none =
    current && cps.data !== undefined && cls.data !== undefined && people.length === 0 && clients.length === 0;
  return (
    <Modal isOpen isDismissable onOpenChange={(open) => !open && onClose()} className="modal">
      <Dialog className="dialog quick-search" aria-label="Sök person">
        <Heading slot="title">Sök person</Heading>
        <SearchField className="field search" value={query} onChange={setQuery} autoFocus aria-describedby="quick-help">
          <Label>Namn eller personnummer</Label>
          <Input />
        </SearchField>
        <p id="quick-help" className="small-text">
          Minst två tecken. Tabb går till träffarna, Esc stänger.
        </p>
        {people.length > 0 && (
          <section aria-label="Kontaktpersoner">
            <h3>Kontaktpersoner</h3>
            <ul className="quick-results">
              {people.map((p) => (
                <li key={p.id}>
                  <Button className="link" onPress={() => onOpen('kontaktperson', p.id)}>
                    {p.name}
                  </Button>{' '}
                  <span className="small-text">
                    {p.personnummerMasked} · {CP_STATUS_LABELS[p.status]}
                  </span>
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
                  <Button className="link" onPress={() => onOpen('brukare', c.id)}>
                    {c.name}
                  </Button>{' '}
                  <span className="small-text">
                    {c.personnummerMasked} · {c.isChild ? 'barn' : 'vuxen'}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {none && <p role="status">Ingen person matchar ”{query.trim()}”.</p>}
        <div className="row">
          <Button className="button" onPress={onClose}>
            Stäng
          </Button>
        </div>
      </Dialog>
    </Modal>
  );
}
