// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import type { DataSourceInfo } from '../../shared/ipc/server-fields';
import { NavigationContext } from '../session/navigation';
import { serverInfo } from '../testing/fixtures';
import { renderWithKpr, settle } from '../testing/render';
import { CredentialsRotationWarning } from './CredentialsRotationWarning';

const SERVER = serverInfo({ user: 'kontaktregistret' });

async function show(info: DataSourceInfo) {
  const go = vi.fn();
  const r = await renderWithKpr(
    <NavigationContext.Provider value={{ go, section: null }}>
      <CredentialsRotationWarning link />
    </NavigationContext.Provider>,
    { roles: ['admin'], answers: { 'dataSource.get': info } },
  );
  await settle(r.kpr);
  return { ...r, go };
}

describe('Översikt: the database password after a deactivation', () => {
  it('warns an admin and leads to Inställningar → Databas', async () => {
    const { user, go } = await show({
      ...SERVER,
      rotationPending: { since: '2026-11-21T15:30:00.000Z', username: 'hanna' },
    });
    const warning = screen.getByRole('alert', { name: 'Databaskontots lösenord' });
    expect(warning.textContent).toContain('hanna inaktiverades 2026-11-21 och databaskontots lösenord har inte bytts');
    expect(warning.textContent).toContain('exportera sedan nya anslutningsfiler till de andra arbetsstationerna');
    await user.click(screen.getByRole('button', { name: 'Öppna Inställningar → Databas' }));
    expect(go).toHaveBeenCalledWith('installningar', 'databas');
  });

  it('says nothing when no rotation is due', async () => {
    await show(SERVER);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says nothing for the local database', async () => {
    await show({ kind: 'local', file: '/home/x/kontaktregistret.db' });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
