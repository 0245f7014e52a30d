// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { CpQueueRow } from '../../../shared/ipc/procedures/cp';
import type { ProcParsedInput } from '../../../shared/ipc/contract';
import { refuse, type Answer } from '../../testing/fake-kpr';
import { fill, renderWithKpr } from '../../testing/render';
import { QueueList } from './QueueList';

function row(id: number, name: string, overrides: Partial<CpQueueRow> = {}): CpQueueRow {
  return {
    id,
    name,
    personnummerMasked: '19800202-****',
    status: 'godkand',
    area: 'Norr',
    phone: '',
    city: 'Staden',
    protectedIdentity: false,
    queueSince: '2026-01-10',
    daysWaiting: 316,
    languages: ['svenska'],
    interests: [],
    prefersChildren: false,
    prefersAdults: true,
    speciallyQualified: false,
    ...overrides,
  };
}

const ROWS = [
  row(1, 'Anna Andersson', {
    queueSince: '2025-11-22',
    daysWaiting: 365,
    area: 'Söder',
    prefersChildren: true,
    languages: ['svenska', 'arabiska'],
    interests: ['fotboll'],
  }),
  row(2, 'Bo Berg', { queueSince: '2026-10-23', daysWaiting: 30, speciallyQualified: true }),
  row(3, 'Cia Carlsson', { queueSince: '2026-11-21', daysWaiting: 1, area: 'Väster' }),
];

/** Like main: filters narrow the rows, the sort orders them (waiting longest first by default). */
const queue: Answer<'cp.queue'> = (f: ProcParsedInput<'cp.queue'>) => {
  const rows = ROWS.filter((r) => !f.area || r.area === f.area).filter((r) => f.target !== 'barn' || r.prefersChildren);
  if (f.sort === 'namn') return [...rows].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  if (f.sort === 'omrade') return [...rows].sort((a, b) => a.area.localeCompare(b.area, 'sv'));
  return [...rows].sort((a, b) => b.daysWaiting - a.daysWaiting);
};

async function setup(answer: Answer<'cp.queue'> = queue) {
  const onOpen = vi.fn();
  const r = await renderWithKpr(<QueueList onOpen={onOpen} />, { answers: { 'cp.queue': answer } });
  return { ...r, onOpen };
}

/** The names in the table, top to bottom. */
const names = () =>
  within(screen.getByRole('table', { name: 'Kö' }))
    .queryAllByRole('button')
    .map((b) => b.textContent);

describe('QueueList (Kö)', () => {
  it('lists who waits longest first, with the wait in days and since when', async () => {
    const { kpr } = await setup();
    await waitFor(() => expect(names()).toEqual(['Anna Andersson', 'Bo Berg', 'Cia Carlsson']));
    expect(screen.getByText('3 i kön')).toBeTruthy();
    const first = screen.getByRole('button', { name: 'Anna Andersson' }).closest('tr')!;
    expect(within(first).getByText('365 dagar')).toBeTruthy();
    expect(within(first).getByText('2025-11-22')).toBeTruthy();
    expect(within(first).getByText('svenska, arabiska')).toBeTruthy();
    expect(within(first).getByText('Barn, Vuxna')).toBeTruthy();
    expect(
      within(screen.getByRole('button', { name: 'Bo Berg' }).closest('tr')!).getByText('Särskilt kvalificerad'),
    ).toBeTruthy();
    expect(kpr.inputs('cp.queue')).toEqual([
      { area: '', interest: '', language: '', target: 'alla', sort: 'vantetid' },
    ]);
  });

  it('asks main for another order and shows the rows as they come', async () => {
    const { user, kpr } = await setup();
    await waitFor(() => expect(names()).toHaveLength(3));
    await user.click(screen.getByRole('radio', { name: 'Namn' }));
    await waitFor(() => expect(kpr.inputs('cp.queue').at(-1)).toMatchObject({ sort: 'namn' }));
    await user.click(screen.getByRole('radio', { name: 'Område' }));
    await waitFor(() => expect(names()).toEqual(['Bo Berg', 'Anna Andersson', 'Cia Carlsson']));
    expect(kpr.inputs('cp.queue').at(-1)).toMatchObject({ sort: 'omrade' });
  });

  it('filters by area and target', async () => {
    const { user, kpr } = await setup();
    await waitFor(() => expect(names()).toHaveLength(3));
    await user.type(screen.getByRole('textbox', { name: 'Område' }), 'Söder');
    await user.click(screen.getByRole('radio', { name: 'Barn' }));
    // Typed fields reach main after a short pause (debounced); the choice at once.
    await waitFor(() =>
      expect(kpr.inputs('cp.queue').at(-1)).toEqual({
        area: 'Söder',
        interest: '',
        language: '',
        target: 'barn',
        sort: 'vantetid',
      }),
    );
    await waitFor(() => expect(names()).toEqual(['Anna Andersson']));
    expect(screen.getByText('1 i kön')).toBeTruthy();
  });

  it('opens the person chosen', async () => {
    const { user, onOpen } = await setup();
    await user.click(await screen.findByRole('button', { name: 'Bo Berg' }));
    expect(onOpen).toHaveBeenCalledWith(2);
  });

  it("shows main's refusal", async () => {
    await setup(refuse('FORBIDDEN', 'Du har inte behörighet för den här åtgärden.'));
    expect((await screen.findByRole('alert')).textContent).toBe('Du har inte behörighet för den här åtgärden.');
    expect(screen.getByText('0 i kön')).toBeTruthy();
  });
});

describe('QueueList filter fields', () => {
  it('sends what is typed in the interest and language fields', async () => {
    const { user, kpr } = await setup();
    await fill(user, screen.getByLabelText('Intresse'), 'fotboll');
    await fill(user, screen.getByLabelText('Språk'), 'arabiska');
    await waitFor(() =>
      expect(kpr.inputs('cp.queue').at(-1)).toMatchObject({ interest: 'fotboll', language: 'arabiska' }),
    );
  });
});
