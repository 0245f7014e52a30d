import { useState } from 'react';
import { Button } from 'react-aria-components';
import { ClientList } from './clients/ClientList';
import { ClientForm } from './clients/ClientForm';
import { ClientDetail } from './clients/ClientDetail';
import { ParticipantForm } from './legal/ParticipantForm';
import { useNavigation } from '../session/navigation';
import { ImportPanel } from './ImportScreen';

type View =
  { kind: 'list' } | { kind: 'new' } | { kind: 'participant' } | { kind: 'import' } | { kind: 'detail'; id: number };

/** Brukare och beslut. */
export function ClientsScreen() {
  const { section } = useNavigation();
  // Arriving from the quick search ("brukare-7") opens that client's record.
  const [view, setView] = useState<View>(() =>
    section?.startsWith('brukare-') ? { kind: 'detail', id: Number(section.slice(8)) } : { kind: 'list' },
  );
  if (view.kind === 'detail') return <ClientDetail id={view.id} onBack={() => setView({ kind: 'list' })} />;
  if (view.kind === 'new')
    return (
      <>
        <h1>Ny brukare</h1>
        <ClientForm onCancel={() => setView({ kind: 'list' })} onSaved={(id) => setView({ kind: 'detail', id })} />
      </>
    );
  if (view.kind === 'participant')
    return (
      <>
        <h1>Ny deltagare utan behovsprövning</h1>
        <ParticipantForm onCancel={() => setView({ kind: 'list' })} onSaved={(id) => setView({ kind: 'detail', id })} />
      </>
    );
  if (view.kind === 'import') {
    return (
      <>
        <Button className="link" onPress={() => setView({ kind: 'list' })}>
          ← Tillbaka till listan
        </Button>
        <h1>Importera brukare</h1>
        <ImportPanel initialKind="clients" />
      </>
    );
  }
  return (
    <>
      <div className="row spread">
        <h1>Brukare och beslut</h1>
        <div className="row">
          <Button className="button primary" onPress={() => setView({ kind: 'new' })}>
            Ny brukare
          </Button>
          <Button className="button" onPress={() => setView({ kind: 'participant' })}>
            Ny deltagare utan behovsprövning
          </Button>
          <Button className="button" onPress={() => setView({ kind: 'import' })}>
            Importera brukare
          </Button>
        </div>
      </div>
      <ClientList onOpen={(id) => setView({ kind: 'detail', id })} />
    </>
  );
}
