// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { refuse, type Answers } from '../../testing/fake-kpr';
import { fill, renderWithKpr } from '../../testing/render';
import { ReportForm } from './ReportForm';

const ok = { ok: true } as const;

async function setup(answers: Answers = {}) {
  const onDone = vi.fn();
  const ui = <ReportForm assignmentId={7} month="2026-10" onDone={onDone} onCancel={() => {}} />;
  const r = await renderWithKpr(ui, { answers: { 'reports.submit': ok, ...answers } });
  return { ...r, onDone };
}

describe('ReportForm (Månadsrapport)', () => {
  it('sends meetings, hours with a decimal comma and expenses in öre', async () => {
    const { user, kpr, onDone } = await setup();
    await fill(user, screen.getByLabelText('Träffar (datum)'), '2026-10-03, 2026-10-17 2026-10-24');
    await fill(user, screen.getByLabelText('Timmar'), '6,5');
    await fill(user, screen.getByLabelText('Utlägg (kr)'), '125,50');
    await fill(user, screen.getByLabelText('Kvitton'), 'Två kvitton, bio och fika');
    await fill(user, screen.getByLabelText('Aktiviteter'), 'Bio och promenad');
    await user.click(screen.getByRole('button', { name: 'Spara rapport' }));

    await vi.waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(kpr.inputs('reports.submit')).toEqual([
      {
        assignmentId: 7,
        month: '2026-10',
        meetingDates: ['2026-10-03', '2026-10-17', '2026-10-24'],
        hours: 6.5,
        activities: 'Bio och promenad',
        expensesOre: 12550,
        receiptsNote: 'Två kvitton, bio och fika',
      },
    ]);
  });

  it('says in Swedish what is wrong with hours and sends nothing', async () => {
    const { user, kpr } = await setup();
    await fill(user, screen.getByLabelText('Timmar'), 'sex');
    await user.click(screen.getByRole('button', { name: 'Spara rapport' }));
    expect(await screen.findByText('Ange timmar som ett tal, t.ex. 6,5.')).toBeTruthy();
    expect(screen.getByLabelText('Timmar').getAttribute('aria-invalid')).toBe('true');
    expect(kpr.inputs('reports.submit')).toEqual([]);
  });

  it('refuses an expense that is not an amount', async () => {
    const { user, kpr } = await setup();
    await fill(user, screen.getByLabelText('Timmar'), '4');
    await fill(user, screen.getByLabelText('Utlägg (kr)'), '12 kronor');
    await user.click(screen.getByRole('button', { name: 'Spara rapport' }));
    expect(await screen.findByText('Ange ett belopp i kronor, t.ex. 125,50.')).toBeTruthy();
    expect(kpr.inputs('reports.submit')).toEqual([]);
  });

  it('asks for the receipts when there are expenses (the contract rule, before any call)', async () => {
    const { user, kpr } = await setup();
    await fill(user, screen.getByLabelText('Timmar'), '4');
    await fill(user, screen.getByLabelText('Utlägg (kr)'), '80');
    await user.click(screen.getByRole('button', { name: 'Spara rapport' }));
    expect(await screen.findByText('Ange vilka kvitton som lämnats in för utläggen.')).toBeTruthy();
    expect(kpr.inputs('reports.submit')).toEqual([]);
  });

  it('names a malformed meeting date under the field (not only a red border)', async () => {
    const { user, kpr } = await setup();
    await fill(user, screen.getByLabelText('Träffar (datum)'), '2026-10-3');
    await fill(user, screen.getByLabelText('Timmar'), '2');
    await user.click(screen.getByRole('button', { name: 'Spara rapport' }));
    expect(await screen.findByText('2026-10-3 är inget giltigt datum (ÅÅÅÅ-MM-DD).')).toBeTruthy();
    expect(kpr.inputs('reports.submit')).toEqual([]);
  });

  it('shows a refusal from main on the form and its field, and stays open', async () => {
    const { user, onDone } = await setup({
      'reports.submit': refuse('RULE_VIOLATION', 'Månaden är redan utbetald.', {
        hours: 'Timmarna kan inte ändras efter attest.',
      }),
    });
    await fill(user, screen.getByLabelText('Timmar'), '3');
    await user.click(screen.getByRole('button', { name: 'Spara rapport' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Månaden är redan utbetald.');
    expect(screen.getByText('Timmarna kan inte ändras efter attest.')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
  });
});
