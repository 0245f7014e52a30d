import { Fragment, useEffect, useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import type { SessionStatus } from '../../shared/ipc/procedures/session';
import { ROLE_LABELS, type Role } from '../../shared/roles';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../api';
import { errorText } from '../data/useProc';
import { FormMessage } from '../components/form';
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
import { LockWarning } from '../session/LockWarning';
import { discardUnsaved, unsavedForms } from '../session/unsaved';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { QuickSearch } from './QuickSearch';

interface NavItem {
  id: string;
  label: string;
  roles?: Role[];
  render: (roles: Role[]) => ReactNode;
}

// Every user sees the overview; it is the first screen and the fallback.
const OVERVIEW: NavItem = { id: 'oversikt', label: 'Översikt', render: (roles) => <OverviewScreen roles={roles} /> };

const NAV: NavItem[] = [
  OVERVIEW,
  { id: 'kontaktpersoner', label: 'Kontaktpersoner', roles: ['handlaggare'], render: () => <ContactPersonsScreen /> },
  { id: 'brukare', label: 'Brukare och beslut', roles: ['handlaggare'], render: () => <ClientsScreen /> },
  { id: 'uppdrag', label: 'Uppdrag', roles: ['handlaggare'], render: () => <AssignmentsScreen /> },
  { id: 'uppfoljningar', label: 'Uppföljningar', roles: ['handlaggare'], render: () => <FollowUpsScreen /> },
  {
    id: 'ersattning',
    label: 'Ersättning och utbetalning',
    roles: ['handlaggare', 'attestant'],
    render: (roles) => <PayoutsScreen roles={roles} />,
  },
  { id: 'rapporter', label: 'Rapporter', roles: ['handlaggare'], render: () => <ReportsScreen /> },
  { id: 'logg', label: 'Logg', roles: ['admin'], render: () => <AuditScreen /> },
  { id: 'installningar', label: 'Inställningar', roles: ['admin'], render: () => <SettingsScreen /> },
];

/** The signed-in app: left navigation, header with user, lock and logout. */
export function AppShell(props: {
  status: SessionStatus;
  onStatus: (s: SessionStatus) => void;
  polledAt?: number;
  startScreen?: string;
  onScreen?: (screen: string) => void;
}) {
  const { status, onStatus } = props;
  const user = status.user!;
  const items = NAV.filter((n) => !n.roles || n.roles.some((r) => user.roles.includes(r)));
  const [current, setCurrent] = useState(props.startScreen ?? OVERVIEW.id);
  const [profile, setProfile] = useState(false);
  const [section, setSection] = useState<string | null>(null);
  // A move away from a form with unsaved changes waits for the officer's answer.
  const [leaving, setLeaving] = useState<{ forms: string[]; proceed: () => void } | null>(null);
  const active = items.find((i) => i.id === current) ?? OVERVIEW;
  const queryClient = useQueryClient();
  // Lock and logout drop every cached answer at once (the app also clears on any locked state).
  const leave = useMutation<SessionStatus, Error, 'session.lock' | 'session.logout'>({
    mutationFn: (name) => call(name, {}),
    onSuccess: (s) => {
      queryClient.clear();
      onStatus(s);
    },
  });
  // Quick search (Ctrl+K) for case workers; opening a record remounts its screen on that record.
  const canSearch = user.roles.includes('handlaggare');
  const [searching, setSearching] = useState(false);
  const [visit, setVisit] = useState(0);
  useEffect(() => {
    if (!canSearch) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setSearching(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canSearch]);
  const guard = (proceed: () => void) => {
    const forms = unsavedForms();
    if (forms.length === 0) proceed();
    else setLeaving({ forms, proceed });
  };
  const go = (screen: string, target?: string) => {
    if (!items.some((i) => i.id === screen)) return;
    setProfile(false);
    setCurrent(screen);
    setSection(target ?? null);
    props.onScreen?.(screen);
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
                onPress={() => guard(() => go(item.id))}
              >
                {item.label}
              </Button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="main">
        <header className="topbar">
          <Button className="link" onPress={() => guard(() => setProfile(true))}>
            {user.displayName} · {user.roles.map((r) => ROLE_LABELS[r]).join(', ')}
            <span className="sr-only"> (Mitt konto)</span>
          </Button>
          <div className="row">
            {canSearch && (
              <Button className="button" onPress={() => setSearching(true)} aria-keyshortcuts="Control+K">
                Sök person <span className="small-text">(Ctrl+K)</span>
              </Button>
            )}
            <Button className="button" onPress={() => guard(() => leave.mutate('session.lock'))}>
              Lås
            </Button>
            <Button className="button" onPress={() => guard(() => leave.mutate('session.logout'))}>
              Logga ut
            </Button>
          </div>
        </header>
        {leave.error && <FormMessage>{errorText(leave.error)}</FormMessage>}
        <LockWarning lockInSeconds={status.lockInSeconds} polledAt={props.polledAt ?? 0} />
        <main className="content">
          {profile ? (
            <>
              <h1>Mitt konto</h1>
              <h2>Byt lösenord</h2>
              <ChangePasswordScreen onDone={() => {}} />
            </>
          ) : (
            <NavigationContext.Provider value={{ go, section }}>
              <Fragment key={`${active.id}-${visit}`}>{active.render(user.roles)}</Fragment>
            </NavigationContext.Provider>
          )}
        </main>
      </div>
      {searching && (
        <QuickSearch
          onClose={() => setSearching(false)}
          onOpen={(kind, id) => {
            setSearching(false);
            guard(() => {
              go(kind === 'kontaktperson' ? 'kontaktpersoner' : 'brukare', `${kind}-${id}`);
              setVisit((v) => v + 1);
            });
          }}
        />
      )}
      {leaving && (
        <ConfirmDialog
          title="Lämna utan att spara?"
          confirmLabel="Lämna utan att spara"
          cancelLabel="Stanna kvar"
          onCancel={() => setLeaving(null)}
          onConfirm={async () => {
            const { proceed } = leaving;
            discardUnsaved();
            setLeaving(null);
            proceed();
          }}
        >
          <p>
            Ändringarna i {leaving.forms.map((f) => `”${f}”`).join(', ')} är inte sparade och försvinner om du lämnar
            sidan.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
