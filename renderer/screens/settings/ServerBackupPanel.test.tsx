// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { formatDateTime } from '../../../shared/dates';
import type { ServerBackup } from '../../../shared/ipc/procedures/backup';
import { refuse, type Answers } from '../../testing/fake-kpr';
import { fill, renderWithKpr, settle } from '../../testing/render';
import { BackupWarning } from '../../components/BackupWarning';
import { BackupPanel } from './BackupPanel';

const SHA = '3f'.repeat(32);
const nightly = (id: number, takenAt: string, more: Partial<ServerBackup> = {}): ServerBackup => ({
  id,
  takenAt,
  recordedAt: takenAt,
  source: 'skript',
  label: `kontaktregistret-${id}.dump`,
  bytes: 5 * 2 ** 20,
  sha256: SHA,
  recordedBy: 'kontaktregistret_backup',
  audited: true,
  ...more,
});

// Today is 2026-11-22 (TEST_TODAY). Mid-day instants keep the local date the same in any time zone used here.
const onServer = (backups: ServerBackup[], more: Answers = {}) =>
  renderWithKpr(<BackupPanel />, {
    roles: ['admin'],
    answers: { 'backup.serverStatus': { server: true, backups }, ...more },
  });

const status = () => screen.getByRole('status', { name: 'Säkerhetskopiering' });

describe('Säkerhetskopiering on a shared database server', () => {
  it('shows the newest known copy and its age instead of the local backup buttons', async () => {
    const { kpr } = await onServer([nightly(2, '2026-11-21T12:00:00.000Z'), nightly(1, '2026-11-20T12:00:00.000Z')]);
    expect(status().textContent).toBe(
      `Senaste kända säkerhetskopia: ${formatDateTime('2026-11-21T12:00:00.000Z')} (1 dag sedan), registrerad av IT:s skript (databaskonto kontaktregistret_backup).`,
    );
    expect(screen.queryByRole('button', { name: 'Säkerhetskopiera nu' })).toBeNull();
    expect(screen.queryByLabelText('Mapp för säkerhetskopior')).toBeNull();
    const table = screen.getByRole('table', { name: 'Kända säkerhetskopior av databasservern' });
    const first = within(table).getAllByRole('row')[1]!;
    expect(
      within(first)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      formatDateTime('2026-11-21T12:00:00.000Z'),
      'kontaktregistret-2.dump',
      '5 MB',
      `${SHA.slice(0, 12)}…`,
      'IT:s skript (databaskonto kontaktregistret_backup)',
    ]);
    await settle(kpr);
    // The local file settings are never asked for on a server (the fake would fail the test on the call).
    expect(kpr.names()).toEqual(['backup.serverStatus']);
  });

  it('warns by the same rule as locally when the newest known copy is over a week old, and ignores a record without its log row', async () => {
    await onServer([
      nightly(3, '2026-11-21T12:00:00.000Z', { audited: false, label: 'förbi.dump' }),
      nightly(2, '2026-11-14T12:00:00.000Z', { source: 'app', recordedBy: 'Ada Admin', bytes: null, sha256: null }),
    ]);
    expect(status().textContent).toBe(
      'Den senaste kända säkerhetskopian av databasservern är från 2026-11-14 (8 dagar sedan). Kontrollera med IT att kopiorna tas.',
    );
    expect(screen.getByRole('alert').textContent).toMatch(
      /^1 registrering saknar sin rad i loggen och räknas inte: den har skrivits förbi programmet\./,
    );
    expect(screen.getByText('saknar loggrad')).toBeTruthy();
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(
      within(rows[2]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([formatDateTime('2026-11-14T12:00:00.000Z'), 'kontaktregistret-2.dump', '–', '–', 'Ada Admin i appen']);
  });

  it('says when no copy is known', async () => {
    await onServer([]);
    expect(status().textContent).toMatch(/^Ingen säkerhetskopia av databasservern är känd\./);
    expect(screen.getByText('Inga säkerhetskopior är registrerade.')).toBeTruthy();
  });

  it('registers a copy IT confirmed, and shows the refusals in Swedish on the fields', async () => {
    const { user, kpr } = await onServer([], {
      'backup.registerServer': ({ date }) =>
        date > '2026-11-22'
          ? refuse('INVALID_INPUT', 'Tidpunkten ligger i framtiden. Inget har registrerats.', {
              time: 'Tidpunkten ligger i framtiden.',
            })
          : { id: 7 },
    });
    const form = screen.getByRole('form', { name: 'Registrera säkerhetskopia' });
    const submit = within(form).getByRole('button', { name: 'Registrera säkerhetskopia' });
    expect((within(form).getByLabelText('Datum (ÅÅÅÅ-MM-DD)') as HTMLInputElement).value).toBe('2026-11-22');
    await fill(user, within(form).getByLabelText('Datum (ÅÅÅÅ-MM-DD)'), '2026-11-21');
    await fill(user, within(form).getByLabelText('Tid (TT:MM)'), '2:00');
    await fill(user, within(form).getByLabelText('Etikett'), 'IT-ärende 4711');
    await fill(user, within(form).getByLabelText('SHA-256 (valfri)'), 'abc');
    await user.click(submit);
    expect(await within(form).findByText('Ange tiden som TT:MM.')).toBeTruthy();
    expect(within(form).getByText('SHA-256 ska vara 64 hexadecimala tecken (eller tomt).')).toBeTruthy();
    expect(kpr.inputs('backup.registerServer')).toEqual([]);

    await fill(user, within(form).getByLabelText('Tid (TT:MM)'), '02:00');
    await fill(user, within(form).getByLabelText('SHA-256 (valfri)'), '');
    await fill(user, within(form).getByLabelText('Datum (ÅÅÅÅ-MM-DD)'), '2026-11-23');
    await user.click(submit);
    expect(await within(form).findByText('Tidpunkten ligger i framtiden.')).toBeTruthy();

    await fill(user, within(form).getByLabelText('Datum (ÅÅÅÅ-MM-DD)'), '2026-11-21');
    await user.click(submit);
    expect(await within(form).findByText('Säkerhetskopian från 2026-11-21 02:00 är registrerad.')).toBeTruthy();
    expect(kpr.inputs('backup.registerServer')).toEqual([
      { date: '2026-11-23', time: '02:00', label: 'IT-ärende 4711', sha256: '' },
      { date: '2026-11-21', time: '02:00', label: 'IT-ärende 4711', sha256: '' },
    ]);
  });

  it('keeps the local panel on the local encrypted file', async () => {
    await renderWithKpr(<BackupPanel />, {
      roles: ['admin'],
      answers: {
        'backup.serverStatus': { server: false, backups: [] },
        'backup.getSettings': { folder: '/mnt/kopior', automatic: true, keepDays: 30 },
        'backup.list': [],
      },
    });
    expect(await screen.findByRole('button', { name: 'Säkerhetskopiera nu' })).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Kända säkerhetskopior av databasservern' })).toBeNull();
  });
});

describe('Översikt: the backup reminder', () => {
  it('on a server, warns of a stale known copy and not of the missing local folder', async () => {
    await renderWithKpr(<BackupWarning />, {
      roles: ['admin'],
      answers: { 'backup.serverStatus': { server: true, backups: [nightly(1, '2026-11-01T12:00:00.000Z')] } },
    });
    expect(
      await screen.findByText(/^Den senaste kända säkerhetskopian av databasservern är från 2026-11-01/),
    ).toBeTruthy();
    expect(screen.queryByText(/Ingen mapp för säkerhetskopior/)).toBeNull();
  });

  it('on the local file, says as before that no copy exists', async () => {
    await renderWithKpr(<BackupWarning />, {
      roles: ['admin'],
      answers: {
        'backup.serverStatus': { server: false, backups: [] },
        'backup.getSettings': { folder: '/mnt/kopior', automatic: true, keepDays: 30 },
        'backup.list': [],
      },
    });
    expect(await screen.findByText('Det finns ingen säkerhetskopia ännu.')).toBeTruthy();
  });
});
