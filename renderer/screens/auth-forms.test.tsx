// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { refuse } from '../testing/fake-kpr';
import { fill, renderWithKpr, sessionStatus, settle, TEST_TODAY } from '../testing/render';
import { ChangePasswordScreen } from './ChangePasswordScreen';
import { LoginScreen } from './LoginScreen';

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('ChangePasswordScreen', () => {
  it('refuses two different new passwords on the repeat field and sends nothing', async () => {
    const onDone = vi.fn();
    const { user, kpr } = await renderWithKpr(<ChangePasswordScreen onDone={onDone} />);
    await fill(user, field('Nuvarande lösenord'), 'gammalt-lösen');
    await fill(user, field('Nytt lösenord'), 'en lång ny mening');
    await fill(user, field('Upprepa nytt lösenord'), 'en annan mening');
    await user.click(screen.getByRole('button', { name: 'Byt lösenord' }));
    expect(await screen.findByText('Lösenorden är inte lika.')).toBeTruthy();
    await settle(kpr);
    expect(kpr.inputs('session.changePassword')).toEqual([]);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('sends the current and new password (not the repeat), then says so and clears the form', async () => {
    const onDone = vi.fn();
    const { user, kpr } = await renderWithKpr(<ChangePasswordScreen onDone={onDone} />, {
      answers: { 'session.changePassword': { ok: true } },
    });
    await fill(user, field('Nuvarande lösenord'), 'gammalt-lösen');
    await fill(user, field('Nytt lösenord'), 'en lång ny mening');
    await fill(user, field('Upprepa nytt lösenord'), 'en lång ny mening');
    await user.click(screen.getByRole('button', { name: 'Byt lösenord' }));
    expect(await screen.findByText('Lösenordet är bytt.')).toBeTruthy();
    expect(onDone).toHaveBeenCalledOnce();
    expect(kpr.inputs('session.changePassword')).toEqual([
      { currentPassword: 'gammalt-lösen', newPassword: 'en lång ny mening' },
    ]);
    expect(field('Nytt lösenord').value).toBe('');
  });
});

describe('LoginScreen', () => {
  it("shows main's refusal and empties the password, keeping the username", async () => {
    const onStatus = vi.fn();
    const status = { ...sessionStatus(TEST_TODAY, ['handlaggare']), state: 'loggedOut' as const, lockedUsername: null };
    const { user, kpr } = await renderWithKpr(<LoginScreen status={status} onStatus={onStatus} />, {
      answers: { 'session.login': refuse('WRONG_CREDENTIALS', 'Fel användarnamn eller lösenord.') },
    });
    await fill(user, field('Användarnamn'), 'hanna');
    await fill(user, field('Lösenord'), 'fel-lösenord');
    await user.click(screen.getByRole('button', { name: 'Logga in' }));
    expect(await screen.findByText('Fel användarnamn eller lösenord.')).toBeTruthy();
    expect(kpr.inputs('session.login')).toEqual([{ username: 'hanna', password: 'fel-lösenord' }]);
    expect(field('Lösenord').value).toBe('');
    expect(field('Användarnamn').value).toBe('hanna');
    expect(onStatus).not.toHaveBeenCalled();
  });
});

describe('LoginScreen on a shared server', () => {
  it('names the server the workstation will connect to, before login', async () => {
    const status = {
      ...sessionStatus(TEST_TODAY, ['handlaggare']),
      state: 'loggedOut' as const,
      user: null,
      dataSource: { kind: 'server' as const, label: 'Kommunens databasserver' },
    };
    await renderWithKpr(<LoginScreen status={status} onStatus={vi.fn()} />);
    expect(screen.getByText('Databasserver: Kommunens databasserver')).toBeTruthy();
  });
});
