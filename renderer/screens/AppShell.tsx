import { useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import type { SessionStatus } from '../../shared/ipc/procedures/session';
import { ROLE_LABELS, type Role } from '../../shared/roles';
import { call } from '../api';
import { OverviewScreen } from './OverviewScreen';
import { SettingsScreen } from './SettingsScreen';
import { AuditScreen } from './AuditScreen';
import { ChangePasswordScreen } from './ChangePasswordScreen';
import { ContactPersonsScreen } from './ContactPersonsScreen';
import { ClientsScreen } from './ClientsScreen';
import { AssignmentsScreen } from './AssignmentsScreen';
import { ReportsScreen } from './ReportsScreen';
import { PayoutsScreen } from './PayoutsScreen';
import { FollowUpsScreen } from './FollowUpsScreen';
import { NavigationContext } from '../session/navigation';

interface NavItem {
  id: string;
  label: string;
  roles?: Role[];
  render: (roles: Role[]) => ReactNode;
}

const NAV: NavItem[] = [
  { id: 'oversikt', label: 'Översikt', render: (roles) => <OverviewScreen roles={roles} /> },
  { id: 'kontaktpersoner', label: 'Kontaktpersoner', roles: ['handlaggare'], render: () => <ContactPersonsScreen /> },
  { id: 'brukare', label: 'Brukare och beslut', roles: ['handlaggare'], render: () => <ClientsScreen /> },
  { id: 'uppdrag', label: 'Uppdrag', roles: ['handlaggare'], render: () => <AssignmentsScreen /> },
  { id: 'uppfoljningar', label: 'Uppföljningar', roles: ['handlaggare'], render: () => <FollowUpsScreen /> },
  { id: 'ersattning', label: 'Ersättning och utbetalning', roles: ['handlaggare', 'attestant'], render: (roles) => <PayoutsScreen roles={roles} /> },
  { id: 'rapporter', label: 'Rapporter', roles: ['handlaggare'], render: () => <ReportsScreen /> },
  { id: 'logg', label: 'Logg', roles: ['admin'], render: () => <AuditScreen /> },
  { id: 'installningar', label: 'Inställningar', roles: ['admin'], render: () => <SettingsScreen /> },
];

/** The signed-in app: left navigation, header with user, lock and logout. */
export function AppShell({ status, onStatus }: { status: SessionStatus; onStatus: (s: SessionStatus) => void }) {
  const user = status.user!;
  const items = NAV.filter((n) => !n.roles || n.roles.some((r) => user.roles.includes(r)));
  const [current, setCurrent] = useState(items[0].id);
  const [profile, setProfile] = useState(false);
  const [section, setSection] = useState<string | null>(null);
  const active = items.find((i) => i.id === current) ?? items[0];
  const go = (screen: string, target?: string) => {
    if (!items.some((i) => i.id === screen)) return;
    setProfile(false);
    setCurrent(screen);
    setSection(target ?? null);
  };

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Huvudmeny">
        <div className="brand">
          <strong>Kontaktregistret</strong>
          <span>{status.unitName}</span>
        </div>
        <ul>
          {items.map((item) => (
            <li key={item.id}>
              <Button
                className={`nav-item${item.id === active.id && !profile ? ' active' : ''}`}
                aria-current={item.id === active.id && !profile ? 'page' : undefined}
                onPress={() => go(item.id)}
              >
                {item.label}
              </Button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="main">
        <header className="topbar">
          <Button className="link" onPress={() => setProfile(true)} aria-label="Mitt konto">
            {user.displayName} · {user.roles.map((r) => ROLE_LABELS[r]).join(', ')}
          </Button>
          <div className="row">
            <Button className="button" onPress={() => void call('session.lock', {}).then(onStatus)}>
              Lås
            </Button>
            <Button className="button" onPress={() => void call('session.logout', {}).then(onStatus)}>
              Logga ut
            </Button>
          </div>
        </header>
        <section className="content">
          {profile ? (
            <>
              <h1>Mitt konto</h1>
              <h2>Byt lösenord</h2>
              <ChangePasswordScreen onDone={() => {}} />
            </>
          ) : (
            <NavigationContext.Provider value={{ go, section }}>{active.render(user.roles)}</NavigationContext.Provider>
          )}
        </section>
      </div>
    </div>
  );
}
