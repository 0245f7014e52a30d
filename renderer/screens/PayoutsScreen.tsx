import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import type { Role } from '../../shared/roles';
import { ReportsTab } from './payouts/ReportsTab';
import { PayoutTab } from './payouts/PayoutTab';
import { YearTab } from './payouts/YearTab';
import { ChangesTab } from './payouts/ChangesTab';
import { RatesWarning } from '../components/RatesWarning';

const tab = ({ isSelected }: { isSelected: boolean }) => `tab${isSelected ? ' active' : ''}`;

/** Ersättning och utbetalning. */
export function PayoutsScreen({ roles }: { roles: Role[] }) {
  const handlaggare = roles.includes('handlaggare');
  return (
    <>
      <h1>Ersättning och utbetalning</h1>
      <RatesWarning isAdmin={roles.includes('admin')} />
      <Tabs defaultSelectedKey={handlaggare ? 'reports' : 'payout'}>
        <TabList className="tabs" aria-label="Visa">
          {handlaggare && (
            <Tab id="reports" className={tab}>
              Månadsrapporter
            </Tab>
          )}
          <Tab id="payout" className={tab}>
            Utbetalning
          </Tab>
          <Tab id="year" className={tab}>
            Årssammanställning
          </Tab>
          <Tab id="changes" className={tab}>
            Ändrade betalningsuppgifter
          </Tab>
        </TabList>
        {handlaggare && (
          <TabPanel id="reports">
            <ReportsTab />
          </TabPanel>
        )}
        <TabPanel id="payout">
          <PayoutTab roles={roles} />
        </TabPanel>
        <TabPanel id="year">
          <YearTab />
        </TabPanel>
        <TabPanel id="changes">
          <ChangesTab />
        </TabPanel>
      </Tabs>
    </>
  );
}
