// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { CpDetail } from '../../../shared/ipc/procedures/cp';
import { refuse, type Answers } from '../../testing/fake-kpr';
import { fill, renderWithKpr } from '../../testing/render';
import { ContactPersonForm } from './ContactPersonForm';

// Synthetic personnummer with a valid check digit (Skatteverket test style).
const PNR = '19800202-0017';

async function setup(opts: { existing?: CpDetail; answers?: Answers } = {}) {
  const onSaved = vi.fn();
  const ui = <ContactPersonForm existing={opts.existing} onSaved={onSaved} onCancel={() => {}} />;
  const r = await renderWithKpr(ui, { answers: { 'cp.create': { id: 41, warnings: [] }, ...opts.answers } });
  return { ...r, onSaved };
}

/** The error text under a field (react-aria links it through aria-describedby). */
function fieldMessage(label: string): string {
  const input = screen.getByLabelText(label);
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
}

describe('ContactPersonForm (Ny intresseanmälan)', () => {
  it('registers an interest with the lists split at commas', async () => {
    const { user, kpr, onSaved } = await setup({
      answers: { 'cp.create': { id: 41, warnings: ['Samma namn finns redan.'] } },
    });
    await fill(user, screen.getByLabelText('Förnamn'), 'Anna');
    await fill(user, screen.getByLabelText('Efternamn'), 'Andersson');
    await fill(user, screen.getByLabelText('Personnummer'), PNR);
    await fill(user, screen.getByLabelText('Språk'), 'svenska, arabiska ,');
    await fill(user, screen.getByLabelText('Intressen'), 'fotboll,schack');
    await user.click(screen.getByRole('checkbox', { name: 'Kan ta uppdrag med barn' }));
    await user.click(screen.getByRole('button', { name: 'Registrera intresseanmälan' }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(41, ['Samma namn finns redan.']));
    const [sent] = kpr.inputs('cp.create');
    expect(sent).toMatchObject({
      personnummer: PNR,
      firstName: 'Anna',
      lastName: 'Andersson',
      languages: ['svenska', 'arabiska'],
      interests: ['fotboll', 'schack'],
      prefersChildren: true,
      prefersAdults: false,
      taxMode: 'side_income_30',
      taxTable: null,
    });
    expect(kpr.names()).toEqual(['cp.create']);
  });

  it('marks missing names and a wrong check digit in Swedish and sends nothing', async () => {
    const { user, kpr } = await setup();
    await fill(user, screen.getByLabelText('Personnummer'), '19800202-0018');
    await user.click(screen.getByRole('button', { name: 'Registrera intresseanmälan' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Rätta de markerade fälten.');
    expect(fieldMessage('Förnamn')).toContain('Ange förnamn.');
    expect(fieldMessage('Efternamn')).toContain('Ange efternamn.');
    expect(fieldMessage('Personnummer')).toContain('Personnumrets kontrollsiffra stämmer inte.');
    expect(screen.getByLabelText('Personnummer').getAttribute('aria-invalid')).toBe('true');
    expect(kpr.names()).toEqual([]);
  });

  it('asks for table and column when the tax is by table, then sends them', async () => {
    const { user, kpr } = await setup();
    await fill(user, screen.getByLabelText('Förnamn'), 'Bo');
    await fill(user, screen.getByLabelText('Efternamn'), 'Berg');
    await fill(user, screen.getByLabelText('Personnummer'), PNR);
    expect(screen.queryByLabelText('Skattetabell')).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Skattetabell och kolumn' }));
    await user.click(screen.getByRole('button', { name: 'Registrera intresseanmälan' }));
    expect(await screen.findByText('Ange skattetabell och kolumn.')).toBeTruthy();
    expect(kpr.names()).toEqual([]);

    await fill(user, screen.getByLabelText('Skattetabell'), '33');
    await fill(user, screen.getByLabelText('Kolumn'), '1');
    await user.click(screen.getByRole('button', { name: 'Registrera intresseanmälan' }));
    await vi.waitFor(() => expect(kpr.inputs('cp.create')).toHaveLength(1));
    expect(kpr.inputs('cp.create')[0]).toMatchObject({
      taxMode: 'table',
      taxTable: 33,
      taxColumn: 1,
      taxPercent: null,
    });
  });

  it('wants both clearing and account number', async () => {
    const { user, kpr } = await setup();
    await fill(user, screen.getByLabelText('Förnamn'), 'Bo');
    await fill(user, screen.getByLabelText('Efternamn'), 'Berg');
    await fill(user, screen.getByLabelText('Personnummer'), PNR);
    await fill(user, screen.getByLabelText('Clearingnummer'), '8327');
    await user.click(screen.getByRole('button', { name: 'Registrera intresseanmälan' }));
    await vi.waitFor(() => expect(fieldMessage('Kontonummer')).toContain('Ange både clearingnummer och kontonummer.'));
    expect(kpr.names()).toEqual([]);
  });

  it("puts main's refusal on the personnummer field (the core decides the century)", async () => {
    const { user, onSaved } = await setup({
      answers: {
        'cp.create': refuse(
          'INVALID_INPUT',
          'Uppgifterna är inte giltiga: Personnumret anger ett födelsedatum i framtiden.',
          {
            personnummer: 'Personnumret anger ett födelsedatum i framtiden.',
          },
        ),
      },
    });
    await fill(user, screen.getByLabelText('Förnamn'), 'Cia');
    await fill(user, screen.getByLabelText('Efternamn'), 'Carlsson');
    await fill(user, screen.getByLabelText('Personnummer'), PNR);
    await user.click(screen.getByRole('button', { name: 'Registrera intresseanmälan' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Uppgifterna är inte giltiga');
    expect(fieldMessage('Personnummer')).toContain('Personnumret anger ett födelsedatum i framtiden.');
    expect(onSaved).not.toHaveBeenCalled();
  });
});

describe('ContactPersonForm (Ändra uppgifter)', () => {
  const existing: CpDetail = {
    id: 12,
    version: 3,
    values: {
      personnummer: '198002020017',
      firstName: 'Dana',
      lastName: 'Dahl',
      street: 'Storgatan 1',
      postalCode: '123 45',
      city: 'Staden',
      phone: '070-123 45 67',
      email: '',
      bankClearing: '',
      bankAccount: '',
      employeeNumber: '',
      taxMode: 'percentage',
      taxTable: null,
      taxColumn: null,
      taxPercent: 25,
      languages: ['svenska', 'finska'],
      interests: [],
      area: 'Norr',
      workplace: '',
      hasCar: true,
      hasPets: false,
      smoker: false,
      prefersChildren: false,
      prefersAdults: true,
      disabilityKinds: [],
      availability: 'Helger',
      speciallyQualified: false,
      protectedIdentity: false,
    },
    addressHidden: false,
    birthDate: '1980-02-02',
    gender: 'man',
    status: 'godkand',
    statusChangedAt: '2026-01-10',
    queueSince: '2026-01-10',
    daysWaiting: 316,
    consentDate: null,
    bankCheck: { status: 'missing', message: null, bankName: null },
    interviews: [],
    references: [],
    registerChecks: [],
    approvalBlockers: [],
    extractWarning: null,
    allowedTransitions: [],
    events: [],
  };

  it('shows the saved values and sends the change with the record id', async () => {
    const { user, kpr, onSaved } = await setup({ existing, answers: { 'cp.update': { id: 12, warnings: [] } } });
    const form = screen.getByRole('form', { name: 'Ändra uppgifter' });
    expect((within(form).getByLabelText('Språk') as HTMLInputElement).value).toBe('svenska, finska');
    expect((within(form).getByLabelText('Procentsats') as HTMLInputElement).value).toBe('25');
    await fill(user, within(form).getByLabelText('Område'), 'Söder');
    await user.click(screen.getByRole('button', { name: 'Spara ändringar' }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(12, []));
    const [sent] = kpr.inputs('cp.update');
    expect(sent?.id).toBe(12);
    expect(sent?.expectedVersion).toBe(3);
    expect(sent?.values).toMatchObject({
      area: 'Söder',
      languages: ['svenska', 'finska'],
      taxMode: 'percentage',
      taxPercent: 25,
      hasCar: true,
    });
  });

  it('asks for a logged reason only when the protected-identity flag changes', async () => {
    const { user, kpr } = await setup({ existing, answers: { 'cp.update': { id: 12, warnings: [] } } });
    expect(screen.queryByLabelText('Skäl till ändringen (loggas)')).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: /Skyddad identitet/ }));
    await fill(user, await screen.findByLabelText('Skäl till ändringen (loggas)'), 'Beslut från Skatteverket');
    await user.click(screen.getByRole('button', { name: 'Spara ändringar' }));
    await vi.waitFor(() => expect(kpr.inputs('cp.update')).toHaveLength(1));
    expect(kpr.inputs('cp.update')[0]?.values).toMatchObject({
      protectedIdentity: true,
      protectedIdentityReason: 'Beslut från Skatteverket',
    });
  });

  it('shows the Swedish conflict message when someone else saved first, and stays open', async () => {
    const conflict = 'Någon annan har ändrat kontaktpersonen sedan du öppnade den – ladda om och gör ändringen igen.';
    const { user, onSaved } = await setup({
      existing,
      answers: { 'cp.update': refuse('CONFLICT', conflict) },
    });
    await fill(user, screen.getByLabelText('Område'), 'Väster');
    await user.click(screen.getByRole('button', { name: 'Spara ändringar' }));
    expect((await screen.findByRole('alert')).textContent).toContain(conflict);
    expect(onSaved).not.toHaveBeenCalled();
    expect(screen.getByRole('form', { name: 'Ändra uppgifter' })).toBeTruthy();
  });
});
