// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { refuse } from '../../testing/fake-kpr';
import { serverInfo } from '../../testing/fixtures';
import { fill, renderWithKpr, settle } from '../../testing/render';
import { DatabasePanel } from './DatabasePanel';

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('Inställningar → Databas', () => {
  it("shows the server without its password, and the connection test's answer", async () => {
    const { user } = await renderWithKpr(<DatabasePanel />, {
      roles: ['admin'],
      answers: {
        'dataSource.get': serverInfo({ pinned: true }),
        'dataSource.test': { message: 'Anslutningen fungerar: PostgreSQL 15.8, krypterad (TLS).' },
      },
    });
    expect(await screen.findByText('db.kommun.example:5432')).toBeTruthy();
    expect(screen.queryByRole('alert', { name: 'Databaskontots lösenord' })).toBeNull();
    expect(screen.getByText('Låst till ett certifikat')).toBeTruthy();
    expect(field('Databaskontots lösenord').value).toBe('');
    await user.click(screen.getByRole('button', { name: 'Testa anslutningen' }));
    expect(await screen.findByText('Anslutningen fungerar: PostgreSQL 15.8, krypterad (TLS).')).toBeTruthy();
  });

  it('warns until the database password is changed after a deactivation', async () => {
    await renderWithKpr(<DatabasePanel />, {
      roles: ['admin'],
      answers: {
        'dataSource.get': serverInfo({
          rotationPending: { since: '2026-11-20T10:00:00.000Z', username: 'hanna' },
        }),
      },
    });
    const warning = await screen.findByRole('alert', { name: 'Databaskontots lösenord' });
    expect(warning.textContent).toMatch(
      /^hanna inaktiverades 2026-11-20 och databaskontots lösenord har inte bytts sedan dess\. Byt databaskontots lösenord hos IT/,
    );
    expect(within(warning).queryByRole('button')).toBeNull(); // already in the tab that fixes it
  });

  it('asks before the move and says what happens; only the confirmation sends it, and a refusal is shown', async () => {
    const why =
      'Flytten till databasservern misslyckades: Databasservern har redan data. Flytten görs bara till en tom databas. Datorn fortsätter med den lokala databasen.';
    const { user, kpr } = await renderWithKpr(<DatabasePanel />, {
      roles: ['admin'],
      answers: {
        'dataSource.get': { kind: 'local', file: '/data/kontaktregistret.db' },
        'dataSource.moveToServer': refuse('RULE_VIOLATION', why),
      },
    });
    await screen.findByText('/data/kontaktregistret.db');
    await fill(user, field('Serverns adress'), 'db.kommun.example');
    await fill(user, field('Databaskonto'), 'kpr_station_1');
    await fill(user, field('Databaskontots lösenord'), 'it-gav-detta-lösen');
    await user.click(screen.getByRole('button', { name: 'Flytta till servern…' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText(/kopieras till kontaktregistret på db\.kommun\.example/)).toBeTruthy();
    expect(within(dialog).getByText(/omdöpt och skrivskyddad, som reserv/)).toBeTruthy();
    await settle(kpr);
    expect(kpr.inputs('dataSource.moveToServer')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Flytta till servern' }));
    expect(await screen.findByText(why)).toBeTruthy();
    expect(kpr.inputs('dataSource.moveToServer')).toEqual([
      {
        label: '',
        host: 'db.kommun.example',
        port: 5432,
        database: 'kontaktregistret',
        user: 'kpr_station_1',
        password: 'it-gav-detta-lösen',
        ca: '',
        pinSha256: '',
      },
    ]);
  });

  it('the server test checks the fields first: a port written as 0x1538 is refused on its field and nothing is sent', async () => {
    const { user, kpr } = await renderWithKpr(<DatabasePanel />, {
      roles: ['admin'],
      answers: {
        'dataSource.get': { kind: 'local', file: '/data/kontaktregistret.db' },
        'dataSource.test': { message: 'Anslutningen fungerar.' },
      },
    });
    await screen.findByText('/data/kontaktregistret.db');
    await fill(user, field('Serverns adress'), 'db.kommun.example');
    await fill(user, field('Port'), '0x1538');
    await fill(user, field('Databaskonto'), 'kpr_station_1');
    await fill(user, field('Databaskontots lösenord'), 'it-gav-detta-lösen');
    await user.click(screen.getByRole('button', { name: 'Testa servern' }));
    expect(await screen.findByText('Porten ska vara ett heltal 1–65535.')).toBeTruthy();
    await settle(kpr);
    expect(kpr.inputs('dataSource.test')).toEqual([]);
    await fill(user, field('Port'), '5433');
    await user.click(screen.getByRole('button', { name: 'Testa servern' }));
    expect(await screen.findByText('Anslutningen fungerar.')).toBeTruthy();
    expect(kpr.inputs('dataSource.test')).toMatchObject([{ server: { host: 'db.kommun.example', port: 5433 } }]);
  });
});
