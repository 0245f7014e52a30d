// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { LEGAL_SETTINGS_DEFAULTS } from '../../../shared/ipc/procedures/legal';
import { refuse, type Answers } from '../../testing/fake-kpr';
import { fill, renderWithKpr } from '../../testing/render';
import { DecisionForm } from './DecisionForm';

const TODAY = '2026-11-22';
const BASES = ['9 § 4 LSS', 'Bistånd enligt SoL'];
const LSS = 'lagen (1993:387) om stöd och service till vissa funktionshindrade (LSS)';
const SOL_2025 = 'socialtjänstlagen (2025:400)';
const SOL_2001 = 'socialtjänstlagen (2001:453)';

async function setup(answers: Answers = {}) {
  const onDone = vi.fn();
  const onCancel = vi.fn();
  const r = await renderWithKpr(<DecisionForm clientId={9} onDone={onDone} onCancel={onCancel} />, {
    today: TODAY,
    answers: {
      'settings.get': { unitName: 'Enheten', idleLockMinutes: 15, legalBases: BASES, contentProtection: true },
      'legal.settings': LEGAL_SETTINGS_DEFAULTS,
      'decisions.create': { id: 77 },
      ...answers,
    },
  });
  await waitFor(() => expect(screen.getByRole('radio', { name: BASES[0] })).toHaveProperty('checked', true));
  return { ...r, onDone, onCancel };
}

const checked = (name: string) => (screen.getByRole('radio', { name }) as HTMLInputElement).checked;
const save = () => screen.getByRole('button', { name: 'Spara beslut' });

describe('DecisionForm (Nytt beslut)', () => {
  it("starts on today's date (from the session) with the unit's first legal basis and its law", async () => {
    await setup();
    expect((screen.getByLabelText('Beslutsdatum') as HTMLInputElement).value).toBe(TODAY);
    expect((screen.getByLabelText('Gäller från') as HTMLInputElement).value).toBe(TODAY);
    await waitFor(() => expect(checked(LSS)).toBe(true));
    expect(screen.getByRole('radiogroup', { name: 'Personkrets (1 § LSS)' })).toBeTruthy();
    await waitFor(() => expect(checked('9 § 4')).toBe(true));
  });

  it('follows the legal basis and the decision date to the SoL in force, and sends it all', async () => {
    const { user, kpr, onDone } = await setup();
    await user.click(screen.getByRole('radio', { name: BASES[1] }));
    await waitFor(() => expect(checked(SOL_2025)).toBe(true));
    expect(screen.queryByRole('radiogroup', { name: 'Personkrets (1 § LSS)' })).toBeNull();
    await fill(user, screen.getByLabelText('Beslutsdatum'), '2025-03-01');
    await waitFor(() => expect(checked(SOL_2001)).toBe(true));
    await waitFor(() => expect(checked('4 kap. 1 §')).toBe(true));
    await fill(user, screen.getByLabelText('Diarienummer'), 'SN 2025/118');
    await fill(user, screen.getByLabelText('Gäller från'), '2025-03-01');
    await fill(user, screen.getByLabelText('Gäller till'), '2026-02-28');
    await user.click(screen.getByRole('radio', { name: 'vecka' }));
    await user.click(save());

    await vi.waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(kpr.inputs('decisions.create')).toEqual([
      {
        clientId: 9,
        legalBasis: BASES[1],
        decisionDate: '2025-03-01',
        diarienummer: 'SN 2025/118',
        validFrom: '2025-03-01',
        validTo: '2026-02-28',
        meetingsPerPeriod: 2,
        period: 'vecka',
        hoursPerMonth: 8,
        needsSpecialQualification: false,
        law: 'SoL 2001:453',
        paragraph: '4 kap. 1 §',
        personkrets: null,
      },
    ]);
  });

  it('sends an LSS decision with its personkrets', async () => {
    const { user, kpr } = await setup();
    await user.click(await screen.findByRole('radio', { name: 'Personkrets 2' }));
    await user.click(save());
    await vi.waitFor(() => expect(kpr.inputs('decisions.create')).toHaveLength(1));
    expect(kpr.inputs('decisions.create')[0]).toMatchObject({
      law: 'LSS 1993:387',
      paragraph: '9 § 4',
      personkrets: '2',
      validTo: null,
    });
  });

  it('refuses an end before the start in Swedish and sends nothing', async () => {
    const { user, kpr } = await setup();
    await fill(user, screen.getByLabelText('Gäller till'), '2026-11-01');
    await user.click(save());
    expect(await screen.findByText('Slutdatum kan inte vara före startdatum.')).toBeTruthy();
    expect(screen.getByLabelText('Gäller till').getAttribute('aria-invalid')).toBe('true');
    expect(kpr.inputs('decisions.create')).toEqual([]);
  });

  it('refuses a date that does not exist', async () => {
    const { user, kpr } = await setup();
    await fill(user, screen.getByLabelText('Gäller från'), '2026-02-30');
    await user.click(save());
    expect(await screen.findByText('Ange ett giltigt datum (ÅÅÅÅ-MM-DD).')).toBeTruthy();
    expect(kpr.inputs('decisions.create')).toEqual([]);
  });

  it("puts main's refusal on the personkrets", async () => {
    const { user, onDone } = await setup({
      'decisions.create': refuse('RULE_VIOLATION', 'Ange personkrets för ett LSS-beslut.', {
        personkrets: 'Välj personkrets 1, 2 eller 3.',
      }),
    });
    await user.click(save());
    expect((await screen.findByRole('alert')).textContent).toBe('Ange personkrets för ett LSS-beslut.');
    expect(screen.getByRole('radiogroup', { name: 'Personkrets (1 § LSS)' }).textContent).toContain(
      'Välj personkrets 1, 2 eller 3.',
    );
    expect(onDone).not.toHaveBeenCalled();
  });

  it('cancels on Escape', async () => {
    const { user, onCancel, kpr } = await setup();
    await user.click(screen.getByLabelText('Diarienummer'));
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledOnce();
    expect(kpr.inputs('decisions.create')).toEqual([]);
  });
});
