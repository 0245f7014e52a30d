// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { refuse } from '../testing/fake-kpr';
import { fill, renderWithKpr, settle } from '../testing/render';
import { SetupScreen } from './SetupScreen';

const PIN = 'ab'.repeat(32);

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

type User = Awaited<ReturnType<typeof renderWithKpr>>['user'];

/** The admin part of session.setup's input, as fillAdmin types it: every expectation starts from it. */
const ADMIN_INPUT = {
  unitName: 'Kontaktpersonenheten',
  displayName: 'Ada Admin',
  username: 'admin',
  password: 'korrekt-hast-batteri',
};

async function fillAdmin(user: User) {
  await fill(user, field('Enhetens namn'), ADMIN_INPUT.unitName);
  await fill(user, field('Ditt namn'), ADMIN_INPUT.displayName);
  await fill(user, field('Användarnamn'), ADMIN_INPUT.username);
  await fill(user, field('Lösenord'), ADMIN_INPUT.password);
  await fill(user, field('Upprepa lösenordet'), ADMIN_INPUT.password);
}

/** The server fields every shared-server case fills the same way (address, account, its password). */
async function fillServer(user: User) {
  await fill(user, field('Serverns adress'), 'db.kommun.example');
  await fill(user, field('Databaskonto'), 'kpr_station_1');
  await fill(user, field('Databaskontots lösenord'), 'it-gav-detta-lösen');
}

describe('SetupScreen: where the data lives', () => {
  it('sends no data source by default (the local encrypted database) and shows no server fields', async () => {
    const onCreated = vi.fn();
    const { user, kpr } = await renderWithKpr(<SetupScreen onCreated={onCreated} onJoined={vi.fn()} />, {
      roles: [],
      answers: { 'session.setup': { recoveryKey: 'ABCD-EFGH' } },
    });
    expect((screen.getByRole('radio', { name: 'Lokal krypterad databas' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByLabelText('Serverns adress')).toBeNull();
    await fillAdmin(user);
    await user.click(screen.getByRole('button', { name: 'Skapa administratör' }));
    await settle(kpr);
    expect(kpr.inputs('session.setup')).toEqual([ADMIN_INPUT]);
    expect(onCreated).toHaveBeenCalledWith('ABCD-EFGH');
  });

  it('with the shared server chosen, a port that is not a number is refused on its field and nothing is sent', async () => {
    const { user, kpr } = await renderWithKpr(<SetupScreen onCreated={vi.fn()} onJoined={vi.fn()} />, { roles: [] });
    await user.click(screen.getByRole('radio', { name: 'Delad PostgreSQL-server' }));
    await fillAdmin(user);
    await fillServer(user);
    await fill(user, field('Port'), 'femtiofyra');
    await user.click(screen.getByRole('button', { name: 'Skapa administratör' }));
    expect(await screen.findByText('Porten ska vara ett heltal 1–65535.')).toBeTruthy();
    await settle(kpr);
    expect(kpr.inputs('session.setup')).toEqual([]);
  });

  it("sends the server's fields, and shows main's refusal on the field it names", async () => {
    const caMessage =
      'Certifikatet går inte att läsa. Klistra in hela PEM-texten (-----BEGIN CERTIFICATE----- …) eller välj filen.';
    const { user, kpr } = await renderWithKpr(<SetupScreen onCreated={vi.fn()} onJoined={vi.fn()} />, {
      roles: [],
      answers: {
        'session.setup': refuse('INVALID_INPUT', caMessage, { 'dataSource.ca': caMessage }),
      },
    });
    await user.click(screen.getByRole('radio', { name: 'Delad PostgreSQL-server' }));
    await fillAdmin(user);
    await fillServer(user);
    await fill(
      user,
      field('Serverns certifikat (PEM)'),
      '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
    );
    await fill(user, field('Certifikatets fingeravtryck, SHA-256 (valfritt)'), PIN);
    await user.click(screen.getByRole('button', { name: 'Skapa administratör' }));
    await settle(kpr);
    expect(kpr.inputs('session.setup')).toEqual([
      {
        ...ADMIN_INPUT,
        dataSource: {
          kind: 'server',
          label: '',
          host: 'db.kommun.example',
          port: 5432,
          database: 'kontaktregistret',
          user: 'kpr_station_1',
          password: 'it-gav-detta-lösen',
          ca: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
          pinSha256: PIN,
        },
      },
    ]);
    const ca = field('Serverns certifikat (PEM)');
    expect(ca.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText(caMessage).length).toBeGreaterThanOrEqual(1);
  });

  it('refuses a malformed fingerprint on its field before anything is sent', async () => {
    const pinMessage = 'Certifikatets fingeravtryck ska vara 64 hexadecimala tecken (SHA-256).';
    const { user, kpr } = await renderWithKpr(<SetupScreen onCreated={vi.fn()} onJoined={vi.fn()} />, { roles: [] });
    await user.click(screen.getByRole('radio', { name: 'Delad PostgreSQL-server' }));
    await fillAdmin(user);
    await fillServer(user);
    await fill(user, field('Certifikatets fingeravtryck, SHA-256 (valfritt)'), 'AB:CD');
    await user.click(screen.getByRole('button', { name: 'Skapa administratör' }));
    await settle(kpr);
    expect(kpr.inputs('session.setup')).toEqual([]);
    const pin = field('Certifikatets fingeravtryck, SHA-256 (valfritt)');
    expect(pin.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText(pinMessage).length).toBeGreaterThanOrEqual(1);
  });
});

describe('SetupScreen: joining an existing installation', () => {
  it("reads the chosen file and hands its text to main; main's refusal is shown and nothing else happens", async () => {
    const onJoined = vi.fn();
    const message =
      'Filen är ingen anslutningsfil för Kontaktregistret, eller så har den ändrats. Be administratören exportera en ny anslutningsfil. Inget har sparats.';
    const { user, kpr } = await renderWithKpr(<SetupScreen onCreated={vi.fn()} onJoined={onJoined} />, {
      roles: [],
      answers: { 'session.join': refuse('INVALID_INPUT', message) },
    });
    await user.click(screen.getByRole('button', { name: 'Anslut till befintlig installation' }));
    await user.click(screen.getByRole('button', { name: 'Anslut' }));
    expect(await screen.findByText('Välj anslutningsfilen.')).toBeTruthy();
    expect(kpr.inputs('session.join')).toEqual([]);
    const file = new File(['{"format":"något annat"}'], 'anslutning.json', { type: 'application/json' });
    await user.upload(screen.getByLabelText('Anslutningsfil'), file);
    await user.click(screen.getByRole('button', { name: 'Anslut' }));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(kpr.inputs('session.join')).toEqual([{ content: '{"format":"något annat"}' }]);
    expect(onJoined).not.toHaveBeenCalled();
  });

  it('after a good file the new status (logged out, on the server) goes up to the app', async () => {
    const onJoined = vi.fn();
    const joined = {
      state: 'loggedOut' as const,
      user: null,
      lockedUsername: null,
      unitName: null,
      today: '2026-11-22',
      dataSource: { kind: 'server' as const, label: 'Kommunens server' },
    };
    const { user } = await renderWithKpr(<SetupScreen onCreated={vi.fn()} onJoined={onJoined} />, {
      roles: [],
      answers: { 'session.join': joined },
    });
    await user.click(screen.getByRole('button', { name: 'Anslut till befintlig installation' }));
    await user.upload(
      screen.getByLabelText('Anslutningsfil'),
      new File(['{}'], 'a.json', { type: 'application/json' }),
    );
    await user.click(screen.getByRole('button', { name: 'Anslut' }));
    await vi.waitFor(() => expect(onJoined).toHaveBeenCalledWith(joined));
  });
});
