// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { ProcOutput } from '../../../shared/ipc/contract';
import { refuse, type Answers } from '../../testing/fake-kpr';
import { fill, renderWithKpr, settle } from '../../testing/render';
import { LogReviewPanel } from './LogReviewPanel';

type Review = ProcOutput<'audit.review'>;

function reviewOf(from: string, to: string, notes: string[] = []): Review {
  return {
    from,
    to,
    categories: [],
    totalRows: 12,
    reviews: notes.map((note, i) => ({
      id: i + 1,
      periodFrom: from,
      periodTo: to,
      reviewedAt: '2026-11-22T10:00:00.000Z',
      reviewedBy: 'Ada Admin',
      note,
      counts: {},
    })),
  };
}

async function setup(answers: Answers = {}) {
  const notes: string[] = [];
  const r = await renderWithKpr(<LogReviewPanel />, {
    roles: ['admin'],
    answers: {
      'audit.review': ({ from, to }) => reviewOf(from, to, notes),
      'audit.signOffReview': ({ note }) => {
        notes.push(note);
        return { ok: true };
      },
      ...answers,
    },
  });
  const panel = screen.getByRole('region', { name: 'Logguppföljning' });
  return { ...r, panel };
}

async function show(user: Awaited<ReturnType<typeof setup>>['user'], panel: HTMLElement, from: string, to: string) {
  await fill(user, within(panel).getByLabelText('Från'), from);
  await fill(user, within(panel).getByLabelText('Till'), to);
  await user.click(within(panel).getByRole('button', { name: 'Ta fram granskningsunderlag' }));
}

describe('LogReviewPanel (Logguppföljning)', () => {
  it('signs off the period on screen with the comment, and the list of sign-offs reloads', async () => {
    const { user, kpr, panel } = await setup();
    expect(within(panel).getByLabelText('Från')).toHaveProperty('value', '2026-10-01');
    expect(within(panel).getByLabelText('Till')).toHaveProperty('value', '2026-10-31');
    await show(user, panel, '2026-11-01', '2026-11-15');
    expect(await within(panel).findByText('2026-11-01 – 2026-11-15: 12 loggrader, svensk tid.')).toBeTruthy();
    // The filter changes after the report is shown: the sign-off still concerns what was reviewed.
    await fill(user, within(panel).getByLabelText('Till'), '2026-11-30');
    await fill(user, within(panel).getByLabelText('Kommentar till granskningen'), 'Inget att anmärka.');
    await user.click(within(panel).getByRole('button', { name: 'Granskad' }));
    expect(await within(panel).findByText('Granskningen av 2026-11-01 – 2026-11-15 är registrerad.')).toBeTruthy();
    expect(kpr.inputs('audit.signOffReview')).toEqual([
      { from: '2026-11-01', to: '2026-11-15', note: 'Inget att anmärka.' },
    ]);
    const done = await within(panel).findByRole('table', { name: 'Gjorda granskningar' });
    expect(within(done).getByText('Inget att anmärka.')).toBeTruthy();
    expect(within(panel).getByLabelText('Kommentar till granskningen')).toHaveProperty('value', '');
  });

  it("puts main's refusal of a period on its field and keeps the report shown", async () => {
    const { user, kpr, panel } = await setup();
    await show(user, panel, '2026-11-01', '2026-11-15');
    await within(panel).findByText(/^2026-11-01 – 2026-11-15: /);
    await show(user, panel, '2026-11-15', '2026-11-01');
    expect(await within(panel).findByText('Slutdatum kan inte vara före startdatum.')).toBeTruthy();
    expect(within(panel).getByLabelText('Till').getAttribute('aria-invalid')).toBe('true');
    expect(within(panel).getByText(/^2026-11-01 – 2026-11-15: /)).toBeTruthy();
    await settle(kpr);
    expect(kpr.inputs('audit.signOffReview')).toEqual([]);
  });

  it('shows a refused sign-off beside its button and registers nothing', async () => {
    const { user, panel } = await setup({
      'audit.signOffReview': refuse('FORBIDDEN', 'Du har inte behörighet för den här åtgärden.'),
    });
    await show(user, panel, '2026-11-01', '2026-11-15');
    await user.click(await within(panel).findByRole('button', { name: 'Granskad' }));
    const form = within(panel).getByRole('form', { name: 'Granskning' });
    expect((await within(form).findByRole('alert')).textContent).toBe('Du har inte behörighet för den här åtgärden.');
    expect(within(panel).queryByText(/är registrerad/)).toBeNull();
    expect(within(panel).queryByRole('table', { name: 'Gjorda granskningar' })).toBeNull();
  });

  it('shows the workstation of each row in a category', async () => {
    const entry = (id: number, workstation: string | null) => ({
      id,
      at: '2026-11-02T21:00:00.000Z',
      localTime: '2026-11-02 22:00',
      username: 'ada',
      action: 'cp.read',
      entityType: 'contact_person',
      entityId: '4',
      detail: null,
      workstation,
    });
    const { user, panel } = await setup({
      'audit.review': ({ from, to }) => ({
        ...reviewOf(from, to),
        categories: [
          {
            key: 'utanfor_kontorstid',
            label: 'Åtkomst utanför kontorstid',
            entries: [entry(5, 'KOMMUN-PC17 (1a2b3c4d)'), entry(6, null)],
          },
        ],
      }),
    });
    await show(user, panel, '2026-11-01', '2026-11-15');
    const table = await within(panel).findByRole('table', { name: 'Åtkomst utanför kontorstid' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    const column = headers.indexOf('Arbetsstation');
    expect(column).toBe(3);
    const cells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('cell')[column]?.textContent);
    expect(cells).toEqual(['KOMMUN-PC17 (1a2b3c4d)', '–']);
    // Events and objects in plain Swedish, as in Logg (the export keeps the codes).
    const first = within(within(table).getAllByRole('row')[1]!).getAllByRole('cell');
    expect(first[headers.indexOf('Händelse')]?.textContent).toBe('Kontaktperson visad');
    expect(first[headers.indexOf('Objekt')]?.textContent).toBe('Kontaktperson 4');
  });

  it('exports the period on screen', async () => {
    const { user, kpr, panel } = await setup({ 'audit.exportReview': { savedTo: '/hem/logg.xlsx' } });
    await show(user, panel, '2026-11-01', '2026-11-15');
    await user.click(await within(panel).findByRole('button', { name: 'Exportera (Excel)' }));
    await vi.waitFor(() => expect(within(panel).getByRole('status').textContent).toBe('Sparad: /hem/logg.xlsx'));
    expect(kpr.inputs('audit.exportReview')).toEqual([{ from: '2026-11-01', to: '2026-11-15', format: 'xlsx' }]);
  });
});
