// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { DEFAULT_RATE_YEARS } from '../../../shared/compensation/rates';
import { refuse, type Answers } from '../../testing/fake-kpr';
import { fill, renderWithKpr, settle } from '../../testing/render';
import { RatesEditor } from './RatesEditor';

const RATES = DEFAULT_RATE_YEARS.filter((y) => y.year <= 2026);
const y2026 = RATES.at(-1)!;

async function setup(answers: Answers = {}) {
  const r = await renderWithKpr(<RatesEditor />, {
    roles: ['admin'],
    answers: { 'rates.list': RATES, 'rates.save': { ok: true }, ...answers },
  });
  const form = await screen.findByRole('form', { name: 'Ersättningsnivåer 2026' });
  return { ...r, form };
}

const field = (form: HTMLElement, label: string) => within(form).getByLabelText(label) as HTMLInputElement;
const save = (form: HTMLElement) => within(form).getByRole('button', { name: 'Spara nivåer för 2026' });

describe('RatesEditor (Ersättningsnivåer)', () => {
  it("shows the latest year's figures with decimal commas, and another year's on choosing it", async () => {
    const { user, form } = await setup();
    expect(field(form, 'Prisbasbelopp 2026 (kr)').value).toBe('59\u00a0200,00');
    expect(field(form, 'Arbetsgivaravgift, full (%)').value).toBe('31,42');
    expect(field(form, 'Arvodesnivåer (KOD; Benämning; procent)').value.split('\n')[0]).toBe(
      'A1L; Kategori 1, låg (10 %); 10',
    );
    await user.click(screen.getByRole('button', { name: '2025' }));
    const form2025 = await screen.findByRole('form', { name: 'Ersättningsnivåer 2025' });
    expect(field(form2025, 'Prisbasbelopp 2025 (kr)').value).toBe('58\u00a0800,00');
  });

  it('saves what was typed, read as kronor and percent, and says so', async () => {
    const { user, kpr, form } = await setup();
    await fill(user, field(form, 'Prisbasbelopp 2026 (kr)'), '59 300 kr');
    await fill(user, field(form, 'Arbetsgivaravgift, full (%)'), '31,5 %');
    await fill(user, field(form, 'Omkostnadsnivåer (KOD; Benämning; procent)'), 'O1; Nivå 1; 10,5\nO2; Nivå 2; 25');
    await user.click(save(form));
    expect(await within(form).findByText('Nivåerna för 2026 är sparade.')).toBeTruthy();
    expect(kpr.inputs('rates.save')).toEqual([
      {
        ...y2026,
        prisbasbeloppOre: 5_930_000,
        employerFee: { ...y2026.employerFee, fullBp: 3150 },
        omkostnadLevels: [
          { code: 'O1', label: 'Nivå 1', percentBp: 1050 },
          { code: 'O2', label: 'Nivå 2', percentBp: 2500 },
        ],
      },
    ]);
    // The list (and the new-year warning) reload; the typed figures stay on screen.
    await settle(kpr);
    expect(kpr.inputs('rates.list')).toHaveLength(2);
    expect(field(form, 'Prisbasbelopp 2026 (kr)').value).toBe('59 300 kr');
  });

  it('a saved message stays with its year: choosing another year does not show it', async () => {
    const { user, form } = await setup();
    await user.click(save(form));
    expect(await within(form).findByText('Nivåerna för 2026 är sparade.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '2025' }));
    await screen.findByRole('form', { name: 'Ersättningsnivåer 2025' });
    expect(screen.queryByText(/är sparade\./)).toBeNull();
  });

  it('marks every field that does not read, in Swedish, and sends nothing', async () => {
    const { user, kpr, form } = await setup();
    await fill(user, field(form, 'Arbetsgivaravgift, full (%)'), 'trettioett');
    await fill(user, field(form, 'Nedsatt från ålder vid årets början'), '90');
    await fill(user, field(form, 'Prisbasbelopp 2026 (kr)'), 'sextio tusen');
    await fill(user, field(form, 'Arvodesnivåer (KOD; Benämning; procent)'), 'A1L; Kategori 1\nA1M; Mellan; 20');
    await user.click(save(form));
    expect((await within(form).findByRole('alert')).textContent).toBe('Rätta de markerade fälten.');
    expect(within(form).getByText('Ange procent som ett tal, t.ex. 31,42.')).toBeTruthy();
    expect(within(form).getByText('Ange en ålder mellan 50 och 80.')).toBeTruthy();
    expect(within(form).getByText('Ange prisbasbeloppet i kronor, t.ex. 59 200.')).toBeTruthy();
    expect(
      within(form).getByText('Rad 1: skriv "KOD; Benämning; procent", t.ex. "A1L; Kategori 1, låg; 10".'),
    ).toBeTruthy();
    for (const label of ['Arbetsgivaravgift, full (%)', 'Prisbasbelopp 2026 (kr)'])
      expect(field(form, label).getAttribute('aria-invalid')).toBe('true');
    expect(field(form, 'Källa').getAttribute('aria-invalid')).toBeNull();
    await settle(kpr);
    expect(kpr.inputs('rates.save')).toEqual([]);
  });

  it("puts main's refusal on the field it names and the message on the form; nothing else changes", async () => {
    const { user, kpr, form } = await setup({
      'rates.save': refuse('RULE_VIOLATION', 'Koden A1M finns redan på en annan nivå.', {
        'arvodeLevels.1.code': 'Koden finns redan.',
      }),
    });
    await fill(user, field(form, 'Prisbasbelopp 2026 (kr)'), '59 300');
    await user.click(save(form));
    expect((await within(form).findByRole('alert')).textContent).toBe('Koden A1M finns redan på en annan nivå.');
    const levels = field(form, 'Arvodesnivåer (KOD; Benämning; procent)');
    expect(levels.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText('Koden finns redan.')).toBeTruthy();
    expect(document.activeElement).toBe(levels);
    await settle(kpr);
    expect(within(form).queryByText('Nivåerna för 2026 är sparade.')).toBeNull();
    expect(kpr.inputs('rates.list')).toHaveLength(1);
    expect(field(form, 'Prisbasbelopp 2026 (kr)').value).toBe('59 300');
  });
});
