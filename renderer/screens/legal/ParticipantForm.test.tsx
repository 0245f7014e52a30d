// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { AGE_GROUPS } from '../../../shared/legal/participants';
import { fill, renderWithKpr, settle, TEST_TODAY } from '../../testing/render';
import { ParticipantForm } from './ParticipantForm';

async function setup() {
  const onSaved = vi.fn();
  const r = await renderWithKpr(<ParticipantForm onSaved={onSaved} onCancel={() => {}} />, {
    answers: { 'participants.create': { clientId: 31, decisionId: 9 } },
  });
  return { ...r, onSaved };
}

describe('ParticipantForm (Ny deltagare utan behovsprövning)', () => {
  it('asks for an age group, a name and an area in Swedish and sends nothing', async () => {
    const { user, kpr, onSaved } = await setup();
    await user.click(screen.getByRole('button', { name: 'Registrera deltagare' }));
    expect(await screen.findByText('Välj åldersgrupp.')).toBeTruthy();
    expect(screen.getByText('Ange förnamn eller kod.')).toBeTruthy();
    expect(screen.getByText('Ange område.')).toBeTruthy();
    await settle(kpr);
    expect(kpr.inputs('participants.create')).toEqual([]);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('sends the chosen age group with the rest of the input', async () => {
    const { user, kpr, onSaved } = await setup();
    await fill(user, screen.getByLabelText('Förnamn eller kod'), 'K-17');
    await fill(user, screen.getByLabelText('Område'), 'Norr');
    const [firstGroup] = screen.getAllByRole('radio');
    if (!firstGroup) throw new Error('no age group to choose');
    await user.click(firstGroup);
    await user.click(screen.getByRole('button', { name: 'Registrera deltagare' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(31));
    expect(kpr.inputs('participants.create')).toEqual([
      {
        name: 'K-17',
        area: 'Norr',
        startDate: TEST_TODAY,
        meetingsPerPeriod: 2,
        hoursPerMonth: 8,
        ageGroup: AGE_GROUPS[0],
      },
    ]);
  });
});
