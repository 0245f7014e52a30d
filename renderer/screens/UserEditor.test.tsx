// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { UserRow } from '../../shared/ipc/procedures/users';
import { refuse, type Answers } from '../testing/fake-kpr';
import { fill, renderWithKpr } from '../testing/render';
import { UserEditor } from './UserEditor';

const USER: UserRow = {
  id: 4,
  username: 'hanna',
  displayName: 'Hanna Handläggare',
  roles: ['handlaggare'],
  active: true,
  mustChangePassword: false,
  createdAt: '2026-01-05T08:00:00.000Z',
};
const KEY = 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX';

async function setup(answers: Answers = {}) {
  const onClose = vi.fn();
  const onSaved = vi.fn();
  const r = await renderWithKpr(<UserEditor user={USER} onClose={onClose} onSaved={onSaved} />, {
    roles: ['admin'],
    answers,
  });
  const dialog = await screen.findByRole('dialog');
  return { ...r, onClose, onSaved, dialog };
}

const role = (name: string) => screen.getByRole('checkbox', { name });

describe('UserEditor (Ändra användare)', () => {
  it("shows the user's name, roles and state", async () => {
    const { dialog } = await setup();
    expect(within(dialog).getByRole('heading').textContent).toBe('Ändra hanna');
    expect((within(dialog).getByLabelText('Namn') as HTMLInputElement).value).toBe('Hanna Handläggare');
    expect(role('Handläggare')).toHaveProperty('checked', true);
    expect(role('Attestant')).toHaveProperty('checked', false);
    expect(role('Administratör')).toHaveProperty('checked', false);
    expect(role('Kontot är aktivt')).toHaveProperty('checked', true);
  });

  it('saves added roles and closes', async () => {
    const { user, kpr, onSaved, onClose } = await setup({
      'users.update': {
        ...USER,
        roles: ['handlaggare', 'attestant'],
        recoveryKey: null,
        rotateDatabasePassword: false,
      },
    });
    await user.click(role('Attestant'));
    await fill(user, screen.getByLabelText('Namn'), 'Hanna H. Handläggare');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledOnce());
    expect(onSaved).toHaveBeenCalledOnce();
    expect(kpr.inputs('users.update')).toEqual([
      { id: 4, displayName: 'Hanna H. Handläggare', roles: ['handlaggare', 'attestant'], active: true },
    ]);
  });

  it('wants at least one role and sends nothing without it', async () => {
    const { user, kpr, onClose } = await setup();
    await user.click(role('Handläggare'));
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(await screen.findByText('Välj minst en roll.')).toBeTruthy();
    expect(kpr.inputs('users.update')).toEqual([]);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('shows the new recovery key once after a deactivation, and stays open', async () => {
    const { user, kpr, onClose, onSaved } = await setup({
      'users.update': { ...USER, active: false, recoveryKey: KEY, rotateDatabasePassword: false },
    });
    await user.click(role('Kontot är aktivt'));
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(await screen.findByText(KEY)).toBeTruthy();
    expect(kpr.inputs('users.update')[0]).toMatchObject({ active: false });
    expect(onSaved).toHaveBeenCalledOnce();
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.queryByTestId('rotate-db-password')).toBeNull();
    expect(screen.getByText(/Databasen har fått en ny nyckel/)).toBeTruthy();
  });

  it('on a shared server, says after a deactivation that the database password must be changed too', async () => {
    const { user } = await setup({
      'users.update': { ...USER, active: false, recoveryKey: KEY, rotateDatabasePassword: true },
    });
    await user.click(role('Kontot är aktivt'));
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(await screen.findByText(KEY)).toBeTruthy();
    expect(screen.getByTestId('rotate-db-password').textContent).toMatch(
      /^Databasservern: Byt databaskontots lösenord hos IT och ange det nya under Inställningar → Databas; exportera sedan nya anslutningsfiler till de andra arbetsstationerna\./,
    );
    // Not the local promise: on a server the old password still opens older key files.
    expect(screen.queryByText(/Databasen har fått en ny nyckel/)).toBeNull();
  });

  it("shows main's refusal (the last admin cannot lose the role)", async () => {
    const { user, onClose } = await setup({
      'users.update': refuse('RULE_VIOLATION', 'Det måste finnas minst en aktiv administratör.'),
    });
    await user.click(role('Administratör'));
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Det måste finnas minst en aktiv administratör.');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('sets a temporary password of at least 12 characters and shows the new key', async () => {
    const { user, kpr } = await setup({ 'users.resetPassword': { ok: true, recoveryKey: KEY } });
    const password = screen.getByLabelText('Nytt tillfälligt lösenord');
    await fill(user, password, 'kort');
    await user.click(screen.getByRole('button', { name: 'Sätt tillfälligt lösenord' }));
    expect(await screen.findByText('Lösenordet ska ha minst 12 tecken.')).toBeTruthy();
    expect(kpr.inputs('users.resetPassword')).toEqual([]);

    await fill(user, password, 'Sommar-Regn-2026');
    await user.click(screen.getByRole('button', { name: 'Sätt tillfälligt lösenord' }));
    expect(
      await screen.findByText('Tillfälligt lösenord satt. Användaren måste byta det vid nästa inloggning.'),
    ).toBeTruthy();
    expect(screen.getByText(KEY)).toBeTruthy();
    expect(kpr.inputs('users.resetPassword')).toEqual([{ id: 4, newPassword: 'Sommar-Regn-2026' }]);
    expect((password as HTMLInputElement).value).toBe('');
  });
});
