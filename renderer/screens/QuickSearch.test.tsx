// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { CpListRow } from '../../shared/ipc/procedures/cp';
import type { ClientListRow } from '../../shared/ipc/procedures/clients';
import { renderWithKpr, settle } from '../testing/render';
import { QuickSearch } from './QuickSearch';

const cp = (id: number, name: string, personnummerMasked: string, status: CpListRow['status']): CpListRow => ({
  id,
  name,
  personnummerMasked,
  status,
  area: '',
  phone: '',
  city: '',
  protectedIdentity: false,
});
const client = (id: number, name: string, personnummerMasked: string, isChild: boolean): ClientListRow => ({
  id,
  name,
  personnummerMasked,
  isChild,
  area: '',
  protectedIdentity: false,
  waitingSince: null,
  daysWaiting: null,
});

const PEOPLE = [
  cp(1, 'Anna Andersson', '19800202-****', 'godkand'),
  cp(2, 'Anna Andersson', '19850315-****', 'i_uppdrag'),
];
const CLIENTS = [
  client(7, 'Andreas Ek', '20140501-****', true),
  ...Array.from({ length: 9 }, (_, i) => client(20 + i, `Andrea Vuxen ${i + 1}`, '19700101-****', false)),
];

async function setup() {
  const onOpen = vi.fn();
  const onClose = vi.fn();
  const r = await renderWithKpr(<QuickSearch onOpen={onOpen} onClose={onClose} />, {
    answers: {
      'cp.search': ({ query }) => ({
        rows: PEOPLE.filter((p) => p.name.toLowerCase().includes(query.toLowerCase())),
        total: 2,
      }),
      'clients.search': ({ query }) => CLIENTS.filter((c) => c.name.toLowerCase().includes(query.toLowerCase())),
    },
  });
  const field = await screen.findByRole('searchbox', { name: 'Namn eller personnummer' });
  return { ...r, onOpen, onClose, field };
}

describe('QuickSearch (Sök person)', () => {
  it('searches both registers and tells namesakes apart by the masked personnummer', async () => {
    const { user, kpr, field } = await setup();
    await user.type(field, 'and');
    const people = await screen.findByRole('region', { name: 'Kontaktpersoner' });
    const rows = within(people)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(rows).toEqual(['Anna Andersson 19800202-**** · Godkänd (i kö)', 'Anna Andersson 19850315-**** · I uppdrag']);
    const clients = screen.getByRole('region', { name: 'Brukare' });
    expect(within(clients).getAllByRole('listitem')[0]?.textContent).toBe('Andreas Ek 20140501-**** · barn');
    expect(within(clients).getAllByRole('listitem')[1]?.textContent).toContain('· vuxen');
    expect(kpr.inputs('cp.search').at(-1)).toEqual({ query: 'and', statuses: [], limit: 8 });
    expect(kpr.inputs('clients.search').at(-1)).toEqual({ query: 'and', waitingOnly: false });
  });

  it('shows at most eight clients', async () => {
    const { user, field } = await setup();
    await user.type(field, 'andrea');
    const clients = await screen.findByRole('region', { name: 'Brukare' });
    await waitFor(() => expect(within(clients).getAllByRole('listitem')).toHaveLength(8));
  });

  it('does not search on one character', async () => {
    const { user, kpr, field } = await setup();
    await user.type(field, 'a');
    await settle(kpr);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(kpr.names()).toEqual([]);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says in Swedish when nobody matches', async () => {
    const { user, field } = await setup();
    await user.type(field, 'Östen ');
    expect((await screen.findByRole('status')).textContent).toBe('Ingen person matchar ”Östen”.');
  });

  it('clears the hits when the text gets too short again', async () => {
    const { user, field } = await setup();
    await user.type(field, 'an');
    await screen.findByRole('region', { name: 'Kontaktpersoner' });
    await user.keyboard('{Backspace}');
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Kontaktpersoner' })).toBeNull());
  });

  it('opens the chosen contact person or client', async () => {
    const { user, field, onOpen } = await setup();
    await user.type(field, 'and');
    const people = await screen.findByRole('region', { name: 'Kontaktpersoner' });
    await user.click(within(people).getAllByRole('button', { name: 'Anna Andersson' })[1]!);
    expect(onOpen).toHaveBeenLastCalledWith('kontaktperson', 2);
    await user.click(screen.getByRole('button', { name: 'Andreas Ek' }));
    expect(onOpen).toHaveBeenLastCalledWith('brukare', 7);
  });

  it('closes with the button', async () => {
    const { user, onClose } = await setup();
    await user.click(screen.getByRole('button', { name: 'Stäng' }));
    expect(onClose).toHaveBeenCalled();
  });
});
