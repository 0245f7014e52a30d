// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { DEFAULT_RATE_YEARS } from '../../../shared/compensation/rates';
import { renderWithKpr, settle } from '../../testing/render';
import { LevelsForm } from './LevelsForm';

// 2025 and 2026 as seeded; the 2025 table gets its own first label so the year chosen is visible.
const [y2025, y2026] = [
  DEFAULT_RATE_YEARS.find((y) => y.year === 2025)!,
  DEFAULT_RATE_YEARS.find((y) => y.year === 2026)!,
];
const RATES = [
  {
    ...y2025,
    arvodeLevels: [{ code: 'A1L', label: 'Kategori 1, låg (2025)', percentBp: 1000 }, ...y2025.arvodeLevels.slice(1)],
  },
  y2026,
];

async function setup(today: string, current = { arvode: null as string | null, omkostnad: null as string | null }) {
  const onDone = vi.fn();
  const r = await renderWithKpr(<LevelsForm assignmentId={5} version={4} current={current} onDone={onDone} />, {
    today,
    answers: { 'rates.list': RATES, 'assignments.setCompensation': { ok: true } },
  });
  await screen.findByRole('form', { name: 'Ersättningsnivå' });
  return { ...r, onDone };
}

describe('LevelsForm (Ersättningsnivå)', () => {
  it("offers this year's levels, by the backend's today", async () => {
    await setup('2025-06-01');
    expect(screen.getByRole('radiogroup', { name: 'Arvode (2025)' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Kategori 1, låg (2025)' })).toBeTruthy();
  });

  it("uses the latest year's levels in a year without figures", async () => {
    await setup('2027-01-15');
    expect(screen.getByRole('radiogroup', { name: 'Arvode (2026)' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Kategori 1, låg (10 %)' })).toBeTruthy();
  });

  it("starts from the assignment's levels and saves the chosen ones", async () => {
    const { user, kpr, onDone } = await setup('2026-11-22', { arvode: 'A1M', omkostnad: 'O1' });
    expect(screen.getByRole('radio', { name: 'Kategori 1, mellan (20 %)' })).toHaveProperty('checked', true);
    expect(screen.getByRole('radio', { name: 'Nivå 1 (10 %)' })).toHaveProperty('checked', true);
    await user.click(screen.getByRole('radio', { name: 'Kategori 2, hög (45 %)' }));
    await user.click(screen.getByRole('button', { name: 'Spara nivåer' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(kpr.inputs('assignments.setCompensation')).toEqual([
      { id: 5, arvodeLevel: 'A2H', omkostnadLevel: 'O1', expectedVersion: 4 },
    ]);
  });

  it("says which level is missing (the contract's message, on the field) and stays open", async () => {
    const { user, kpr, onDone } = await setup('2026-11-22', { arvode: 'A1L', omkostnad: null });
    await user.click(screen.getByRole('button', { name: 'Spara nivåer' }));
    const group = screen.getByRole('radiogroup', { name: 'Omkostnadsersättning' });
    await vi.waitFor(() => expect(group.textContent).toContain('Välj omkostnadsnivå.'));
    await settle(kpr);
    expect(onDone).not.toHaveBeenCalled();
  });
});
