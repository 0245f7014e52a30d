// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { DEFAULT_RATE_YEARS } from '../../../shared/compensation/rates';
import { copyRateYear } from '../../../shared/compensation/new-year';
import { refuse, type Answers } from '../../testing/fake-kpr';
import { fill, renderWithKpr } from '../../testing/render';
import { NewRateYear } from './NewRateYear';

const RATES = DEFAULT_RATE_YEARS.filter((y) => y.year <= 2026);
const y2026 = RATES.at(-1)!;

async function setup(answers: Answers = {}) {
  const onCreated = vi.fn();
  const r = await renderWithKpr(<NewRateYear rates={RATES} onCreated={onCreated} onCancel={() => {}} />, {
    roles: ['admin'],
    answers: {
      'rates.createYear': ({ year, prisbasbeloppOre, source }) => copyRateYear(y2026, year, prisbasbeloppOre, source),
      ...answers,
    },
  });
  return { ...r, onCreated };
}

const save = (year = '2027') => screen.getByRole('button', { name: `Spara ${year}` });

describe('NewRateYear (Ny årsnivå)', () => {
  it('proposes the year after the latest and says where the levels come from', async () => {
    await setup();
    expect((screen.getByLabelText('År') as HTMLInputElement).value).toBe('2027');
    expect(screen.getByText(/kopieras från 2026/)).toBeTruthy();
    expect(save()).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it("shows every level's monthly amount beside last year's before saving", async () => {
    const { user } = await setup();
    await fill(user, screen.getByLabelText('Prisbasbelopp (kr)'), '60 000');
    const table = await screen.findByRole('table', { name: 'Månadsbelopp före och efter' });
    expect(within(table).getAllByRole('row')).toHaveLength(
      1 + y2026.arvodeLevels.length + y2026.omkostnadLevels.length,
    );
    // 10 % of 59 200 kr / 12 = 493,33 -> 493 kr; of 60 000 kr / 12 = 500 kr (whole kronor, half up).
    const row = within(table).getByRole('cell', { name: 'Omkostnad: Nivå 1 (10 %)' }).closest('tr')!;
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual(['Omkostnad: Nivå 1 (10 %)', '10 %', '493,00\u00a0kr', '500,00\u00a0kr', '7,00\u00a0kr']);
  });

  it('creates the year with the amount in öre and its source', async () => {
    const { user, kpr, onCreated } = await setup();
    await fill(user, screen.getByLabelText('Prisbasbelopp (kr)'), '60 000');
    await fill(user, screen.getByLabelText('Källa'), 'SFS 2026:999');
    await user.click(save());
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledWith(2027));
    expect(kpr.inputs('rates.createYear')).toEqual([
      { year: 2027, prisbasbeloppOre: 6_000_000, source: 'SFS 2026:999' },
    ]);
  });

  it('asks for the source, and for an amount in kronor, in Swedish', async () => {
    const { user, kpr } = await setup();
    await fill(user, screen.getByLabelText('Prisbasbelopp (kr)'), 'sextio tusen');
    await user.click(save());
    expect(await screen.findByText('Ange prisbasbeloppet i kronor, t.ex. 60 000.')).toBeTruthy();
    await fill(user, screen.getByLabelText('Prisbasbelopp (kr)'), '60 000');
    await user.click(save());
    expect(await screen.findByText('Ange källan, t.ex. SFS-numret för förordningen om prisbasbeloppet.')).toBeTruthy();
    expect(kpr.inputs('rates.createYear')).toEqual([]);
  });

  it("puts the contract's amount rule on the prisbasbelopp field", async () => {
    const { user, kpr } = await setup();
    await fill(user, screen.getByLabelText('Prisbasbelopp (kr)'), '5 000');
    await fill(user, screen.getByLabelText('Källa'), 'SFS 2026:999');
    await user.click(save());
    expect(await screen.findByText('Prisbasbeloppet verkar för lågt (minst 10 000 kr).')).toBeTruthy();
    expect(screen.getByLabelText('Prisbasbelopp (kr)').getAttribute('aria-invalid')).toBe('true');
    expect(kpr.inputs('rates.createYear')).toEqual([]);
  });

  it('refuses a year that is not a number', async () => {
    const { user, kpr } = await setup();
    await fill(user, screen.getByLabelText('År'), 'nästa');
    await fill(user, screen.getByLabelText('Prisbasbelopp (kr)'), '60 000');
    await fill(user, screen.getByLabelText('Källa'), 'SFS 2026:999');
    await user.click(screen.getByRole('button', { name: /^Spara/ }));
    expect(await screen.findByText('Ange året med fyra siffror, t.ex. 2027.')).toBeTruthy();
    expect(kpr.inputs('rates.createYear')).toEqual([]);
  });

  it("shows main's refusal", async () => {
    const { user, onCreated } = await setup({ 'rates.createYear': refuse('CONFLICT', 'Året 2027 finns redan.') });
    await fill(user, screen.getByLabelText('Prisbasbelopp (kr)'), '60 000');
    await fill(user, screen.getByLabelText('Källa'), 'SFS 2026:999');
    await user.click(save());
    expect((await screen.findByRole('alert')).textContent).toBe('Året 2027 finns redan.');
    expect(onCreated).not.toHaveBeenCalled();
  });
});
