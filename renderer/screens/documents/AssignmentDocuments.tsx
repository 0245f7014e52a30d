import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import type { AssignmentRow } from '../../../shared/ipc/procedures/assignments';
import { AgreementPanel } from './AgreementPanel';
import { PlanPanel } from './PlanPanel';
import { DocumentActions } from './DocumentActions';
import { ArchiveList } from './ArchiveList';
import { FollowUpList } from './FollowUpList';

const tab = ({ isSelected }: { isSelected: boolean }) => `tab${isSelected ? ' active' : ''}`;

/** Everything written for one assignment: agreement, plan, letters, follow-ups, archive. */
export function AssignmentDocuments({ a }: { a: AssignmentRow }) {
  // A created PDF reloads the archive through the query cache (DocumentActions invalidates it).
  const created = () => undefined;
  return (
    <section className="panel" aria-label={`Dokument för uppdrag ${a.id}`}>
      <h2 tabIndex={-1}>
        {a.contactPersonName} och {a.clientName}
      </h2>
      <Tabs>
        <TabList className="tabs" aria-label="Dokument">
          <Tab id="avtal" className={tab}>
            Avtal
          </Tab>
          <Tab id="plan" className={tab}>
            Genomförandeplan
          </Tab>
          <Tab id="uppfoljning" className={tab}>
            Uppföljningar
          </Tab>
          <Tab id="brev" className={tab}>
            Brev
          </Tab>
          <Tab id="arkiv" className={tab}>
            Arkiv
          </Tab>
        </TabList>
        <TabPanel id="avtal">
          <AgreementPanel
            assignmentId={a.id}
            startDate={a.startDate}
            protectedParty={a.protectedIdentity}
            onCreated={created}
          />
        </TabPanel>
        <TabPanel id="plan">
          <PlanPanel assignmentId={a.id} protectedParty={a.protectedIdentity} onCreated={created} />
        </TabPanel>
        <TabPanel id="uppfoljning">
          <FollowUpList assignmentId={a.id} />
        </TabPanel>
        <TabPanel id="brev">
          <h3>Erbjudande till kontaktpersonen</h3>
          <DocumentActions
            docRef={{ kind: 'brev-erbjudande', assignmentId: a.id }}
            protectedParty={a.protectedIdentity}
            onCreated={created}
          />
          {a.endDate && (
            <>
              <h3>Uppdraget avslutas</h3>
              <DocumentActions
                docRef={{ kind: 'brev-avslut', assignmentId: a.id }}
                protectedParty={a.protectedIdentity}
                onCreated={created}
              />
            </>
          )}
        </TabPanel>
        <TabPanel id="arkiv">
          <ArchiveList assignmentId={a.id} />
        </TabPanel>
      </Tabs>
    </section>
  );
}
