// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { ReportRow } from '../../../shared/ipc/procedures/reports';
import { refuse, type Answers } from '../../testing/fake-kpr';
import { fill, renderWithKpr } from '../../testing/render';
import { ReportsTab } from './ReportsTab';

const handedIn = {
  id: 31,
  status: 'inlamnad' as const,
  meetingDates: ['2026-10-03', '2026-10-17'],
  minutes: 390,
  activities: 'Bio och promenad',
  expensesOre: 123_450,
  receiptsNote: 'Två kvitton',
  approvedBy: null,
};
const ROWS: ReportRow[] = [
  {
    assignmentId: 1,
    assignmentVersion: 1,
    contactPersonName: 'Anna Andersson',
    clientName: 'Andreas Ek',
    activeDays: 31,
    daysInMonth: 31,
    arvodeLevel: 'A1M',
    omkostnadLevel: 'O1',
    report: handedIn,
  },
  {
    assignmentId: 2,
    assignmentVersion: 2,
    contactPersonName: 'Bo Berg',
    clientName: 'Bertil Ek',
    activeDays: 12,
    daysInMonth: 31,
    arvodeLevel: null,
    omkostnadLevel: null,
    report: null,
  },
  {
    assignmentId: 3,
    assignmentVersion: 3,
    contactPersonName: 'Cia Carlsson',
    clientName: 'Cecilia Ek',
    activeDays: 31,
    daysInMonth: 31,
    arvodeLevel: 'A2H',
    omkostnadLevel: 'O2',
    report: { ...handedIn, id: 33, status: 'godkand', approvedBy: 'Hanna Handläggare' },
  },
];

async function setup(answers: Answers = {}) {
  return renderWithKpr(<ReportsTab />, { today: '2026-11-22', answers: { 'reports.month': ROWS, ...answers } });
}

const rowOf = async (name: string) => (await screen.findByRole('cell', { name })).closest('tr')!;

describe('ReportsTab (Månadsrapporter)', () => {
  it("opens on last month and shows each assignment's days, levels and report", async () => {
    const { kpr } = await setup();
    const anna = await rowOf('Anna Andersson');
    expect(kpr.inputs('reports.month')).toEqual([{ month: '2026-10' }]);
    expect(within(anna).getByText('Hela')).toBeTruthy();
    expect(within(anna).getByText('A1M / O1')).toBeTruthy();
    expect(anna.textContent).toContain('2 träffar, 6,5 tim, utlägg 1\u00a0234,50\u00a0kr');
    const bo = await rowOf('Bo Berg');
    expect(within(bo).getByText('12 av 31')).toBeTruthy();
    expect(within(bo).getAllByText('Saknas')).toHaveLength(2);
    expect(within(bo).getByRole('button', { name: 'Registrera rapport för Bo Berg' })).toBeTruthy();
  });

  it('offers approval only for a handed-in report, and nothing to change once approved', async () => {
    await setup();
    const cia = await rowOf('Cia Carlsson');
    expect(within(cia).getByText('Godkänd av Hanna Handläggare')).toBeTruthy();
    expect(within(cia).queryByRole('button', { name: /Godkänn|Ändra rapport/ })).toBeNull();
    expect(within(await rowOf('Bo Berg')).queryByRole('button', { name: /Godkänn/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Godkänn rapport för Anna Andersson' })).toBeTruthy();
  });

  it('approves for the month shown and reloads the list', async () => {
    const { user, kpr } = await setup({ 'reports.approve': { ok: true } });
    await rowOf('Anna Andersson');
    kpr.answer(
      'reports.month',
      ROWS.map((r) =>
        r.assignmentId === 1
          ? { ...r, report: { ...handedIn, status: 'godkand' as const, approvedBy: 'Test Testsson' } }
          : r,
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Godkänn rapport för Anna Andersson' }));
    expect(await screen.findByText('Godkänd av Test Testsson')).toBeTruthy();
    expect(kpr.inputs('reports.approve')).toEqual([{ assignmentId: 1, month: '2026-10' }]);
  });

  it('shows a refused approval', async () => {
    const { user } = await setup({ 'reports.approve': refuse('RULE_VIOLATION', 'Rapporten är redan godkänd.') });
    await rowOf('Anna Andersson');
    await user.click(screen.getByRole('button', { name: 'Godkänn rapport för Anna Andersson' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Rapporten är redan godkänd.');
  });

  it('opens a handed-in report for correction with what was handed in (saving replaces it)', async () => {
    const { user, kpr } = await setup({ 'reports.submit': { ok: true } });
    await rowOf('Anna Andersson');
    await user.click(screen.getByRole('button', { name: 'Ändra rapport för Anna Andersson' }));
    const form = await screen.findByRole('form', { name: 'Månadsrapport' });
    const value = (label: string) => (within(form).getByLabelText(label) as HTMLInputElement).value;
    expect(value('Träffar (datum)')).toBe('2026-10-03, 2026-10-17');
    expect(value('Timmar')).toBe('6,5');
    expect(value('Utlägg (kr)')).toBe('1\u00a0234,50');
    expect(value('Kvitton')).toBe('Två kvitton');
    expect(value('Aktiviteter')).toBe('Bio och promenad');

    await fill(user, within(form).getByLabelText('Timmar'), '7');
    await user.click(within(form).getByRole('button', { name: 'Spara rapport' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Månadsrapport' })).toBeNull());
    expect(kpr.inputs('reports.submit')).toEqual([
      {
        assignmentId: 1,
        month: '2026-10',
        meetingDates: ['2026-10-03', '2026-10-17'],
        hours: 7,
        activities: 'Bio och promenad',
        expensesOre: 123_450,
        receiptsNote: 'Två kvitton',
      },
    ]);
  });

  it('starts a new report empty', async () => {
    const { user } = await setup();
    await rowOf('Bo Berg');
    await user.click(screen.getByRole('button', { name: 'Registrera rapport för Bo Berg' }));
    const form = await screen.findByRole('form', { name: 'Månadsrapport' });
    expect((within(form).getByLabelText('Timmar') as HTMLInputElement).value).toBe('');
    expect((within(form).getByLabelText('Utlägg (kr)') as HTMLInputElement).value).toBe('0');
  });
});
