// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { LegalSettings } from '../../../shared/ipc/procedures/legal';
import { LAW_LABELS } from '../../../shared/legal/laws';
import { refuse, type Answers } from '../../testing/fake-kpr';
import { fill, renderWithKpr, settle } from '../../testing/render';
import { LegalSettingsForm } from './LegalSettingsForm';

const SETTINGS: LegalSettings = {
  lawParagraphs: {
    'LSS 1993:387': ['9 § 4'],
    'SoL 2001:453': ['4 kap. 1 §', '3 kap. 6 b §'],
    'SoL 2025:400': ['11 kap. 1 §'],
  },
  lssReferenceDay: '10-01',
  lssDeadlineDay: '10-25',
  avbrottMonths: 3,
  officeHoursStart: '07:00',
  officeHoursEnd: '18:00',
  bulkExportRows: 500,
  logReviewMonths: 1,
};

async function setup(answers: Answers = {}) {
  const r = await renderWithKpr(<LegalSettingsForm />, {
    roles: ['admin'],
    answers: { 'legal.settings': SETTINGS, 'legal.saveSettings': (s) => s, ...answers },
  });
  const form = await screen.findByRole('form', { name: 'Lagrum och rapporter' });
  return { ...r, form };
}

const field = (form: HTMLElement, label: string) => within(form).getByLabelText(label) as HTMLInputElement;
const save = (form: HTMLElement) => within(form).getByRole('button', { name: 'Spara lagrum och rapportinställningar' });
const SOL_2001 = LAW_LABELS['SoL 2001:453'];

describe('LegalSettingsForm (Lagrum och rapporter)', () => {
  it('saves the paragraphs one per line and the figures as numbers', async () => {
    const { user, kpr, form } = await setup();
    expect(field(form, SOL_2001).value).toBe('4 kap. 1 §\n3 kap. 6 b §');
    await fill(user, field(form, SOL_2001), '4 kap. 1 §\n\n 3 kap. 6 b § \n');
    await fill(user, field(form, 'Möjligt avbrott efter antal månader utan träffar'), '4');
    await user.click(save(form));
    expect(await within(form).findByText('Sparat.')).toBeTruthy();
    expect(kpr.inputs('legal.saveSettings')).toEqual([{ ...SETTINGS, avbrottMonths: 4 }]);
    // Everything that shows the settings reloads.
    await settle(kpr);
    expect(kpr.inputs('legal.settings')).toHaveLength(2);
  });

  it('marks each field that is wrong with its Swedish message and sends nothing', async () => {
    const { user, kpr, form } = await setup();
    await fill(user, field(form, SOL_2001), '');
    await fill(user, field(form, 'LSS-registret: referensdag (MM-DD)'), '1 okt');
    await fill(user, field(form, 'Logguppföljning: påminnelse efter antal månader'), 'en');
    await user.click(save(form));
    expect((await within(form).findByRole('alert')).textContent).toBe('Rätta de markerade fälten.');
    expect(within(form).getByText('Ange minst en paragraf per lag.')).toBeTruthy();
    expect(within(form).getByText('Ange månad och dag som MM-DD.')).toBeTruthy();
    expect(within(form).getByText('Ange antal månader.')).toBeTruthy();
    expect(field(form, SOL_2001).getAttribute('aria-invalid')).toBe('true');
    expect(field(form, 'Kontorstid från (TT:MM)').getAttribute('aria-invalid')).toBeNull();
    await settle(kpr);
    expect(kpr.inputs('legal.saveSettings')).toEqual([]);
  });

  it("shows main's refusal on the field it names and keeps what was typed", async () => {
    const { user, kpr, form } = await setup({
      'legal.saveSettings': refuse('RULE_VIOLATION', 'Paragrafen används av beslut och kan inte tas bort.', {
        'lawParagraphs.SoL 2001:453.1': 'Används av 3 beslut.',
      }),
    });
    await fill(user, field(form, SOL_2001), '4 kap. 1 §');
    await user.click(save(form));
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'Paragrafen används av beslut och kan inte tas bort.',
    );
    expect(within(form).getByText('Används av 3 beslut.')).toBeTruthy();
    expect(document.activeElement).toBe(field(form, SOL_2001));
    await settle(kpr);
    expect(within(form).queryByText('Sparat.')).toBeNull();
    expect(kpr.inputs('legal.settings')).toHaveLength(1);
    expect(field(form, SOL_2001).value).toBe('4 kap. 1 §');
  });
});
