import { useState } from 'react';
import { Button, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { ContactPersonList } from './contact-persons/ContactPersonList';
import { QueueList } from './contact-persons/QueueList';
import { ContactPersonForm } from './contact-persons/ContactPersonForm';
import { ContactPersonDetail } from './contact-persons/ContactPersonDetail';
import { ImportPanel } from './ImportScreen';
import { useNavigation } from '../session/navigation';

type View =
  | { kind: 'list' }
  | { kind: 'queue' }
  | { kind: 'import' }
  | { kind: 'new' }
  | { kind: 'detail'; id: number; notice?: string[]; back: 'list' | 'queue' };

/** Kontaktpersoner: search, queue, new interest, and one person's record. */
export function ContactPersonsScreen() {
  const { section } = useNavigation();
  // Arriving from the quick search ("kontaktperson-12") opens that person's record.
  const [view, setView] = useState<View>(() =>
    section?.startsWith('kontaktperson-')
      ? { kind: 'detail', id: Number(section.slice(14)), back: 'list' }
      : { kind: 'list' },
  );
  const open = (back: 'list' | 'queue') => (id: number) => setView({ kind: 'detail', id, back });

  if (view.kind === 'detail')
    return <ContactPersonDetail id={view.id} notice={view.notice} onBack={() => setView({ kind: view.back })} />;
  if (view.kind === 'new') {
    return (
      <>
        <h1>Ny intresseanmälan</h1>
        <ContactPersonForm
          onCancel={() => setView({ kind: 'list' })}
          onSaved={(id, warnings) => setView({ kind: 'detail', id, notice: warnings, back: 'list' })}
        />
      </>
    );
  }
  return (
    <>
      <div className="row spread">
        <h1>Kontaktpersoner</h1>
        <Button className="button primary" onPress={() => setView({ kind: 'new' })}>
          Ny intresseanmälan
        </Button>
      </div>
      <Tabs selectedKey={view.kind} onSelectionChange={(k) => setView({ kind: k as 'list' | 'queue' | 'import' })}>
        <TabList className="tabs" aria-label="Visa">
          <Tab id="list" className={({ isSelected }) => `tab${isSelected ? ' active' : ''}`}>
            Alla
          </Tab>
          <Tab id="queue" className={({ isSelected }) => `tab${isSelected ? ' active' : ''}`}>
            Kö
          </Tab>
          <Tab id="import" className={({ isSelected }) => `tab${isSelected ? ' active' : ''}`}>
            Import
          </Tab>
        </TabList>
        <TabPanel id="list">
          <ContactPersonList onOpen={open('list')} />
        </TabPanel>
        <TabPanel id="queue">
          <QueueList onOpen={open('queue')} />
        </TabPanel>
        <TabPanel id="import">
          <ImportPanel />
        </TabPanel>
      </Tabs>
    </>
  );
}
