// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { AssignmentAction } from '../../../shared/assignments/status';
import { refuse, type Answers } from '../../testing/fake-kpr';
import { fill, renderWithKpr, settle } from '../../testing/render';
import { AssignmentActions } from './AssignmentActions';

async function setup(actions: AssignmentAction[], answers: Answers = {}) {
  const onDone = vi.fn();
  const r = await renderWithKpr(
    <AssignmentActions id={7} actions={actions} onDone={onDone} who="med Anna Provsson" />,
    { answers: { 'assignments.act': { ok: true }, ...answers } },
  );
  return { ...r, onDone };
}

/** Opens the step's form; returns it. */
async function open(user: Awaited<ReturnType<typeof setup>>['user'], label: string) {
  await user.click(screen.getByRole('button', { name: label }));
  return screen.getByRole('form', { name: label });
}

describe('AssignmentActions', () => {
  it('saves a step that can be undone at once, with the date and comment', async () => {
    const { user, kpr, onDone } = await setup(['offer']);
    const form = await open(user, 'Erbjud kontaktpersonen');
    expect((within(form).getByLabelText('Datum') as HTMLInputElement).value).toBe('2026-11-22');
    await fill(user, within(form).getByLabelText('Datum'), '2026-11-20');
    await fill(user, within(form).getByLabelText('Kommentar'), 'Per telefon');
    await user.click(within(form).getByRole('button', { name: 'Bekräfta' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(kpr.inputs('assignments.act')).toEqual([
      { id: 7, action: 'offer', date: '2026-11-20', note: 'Per telefon', decisionContinues: true },
    ]);
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('marks a bad date and a missing reason on their fields and asks nothing', async () => {
    const { user, kpr, onDone } = await setup(['end']);
    const form = await open(user, 'Avsluta uppdraget');
    await fill(user, within(form).getByLabelText('Datum'), '22/11');
    await user.click(within(form).getByRole('button', { name: 'Bekräfta' }));
    expect(await within(form).findByText('Ange ett giltigt datum (ÅÅÅÅ-MM-DD).')).toBeTruthy();
    expect(within(form).getByText('Ange skälet.')).toBeTruthy();
    expect(within(form).getByLabelText('Datum').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(within(form).getByLabelText('Datum'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await settle(kpr);
    expect(kpr.inputs('assignments.act')).toEqual([]);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('says what ending means and saves only once confirmed', async () => {
    const { user, kpr, onDone } = await setup(['end']);
    const form = await open(user, 'Avsluta uppdraget');
    await fill(user, within(form).getByLabelText('Skäl'), 'Anna flyttar');
    await user.click(within(form).getByRole('checkbox'));
    await user.click(within(form).getByRole('button', { name: 'Bekräfta' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Avsluta uppdraget?' });
    expect(dialog.textContent).toContain(
      'Uppdraget med Anna Provsson avslutas 2026-11-22. Arvode och omkostnad betalas inte för tiden efter det.',
    );
    await settle(kpr);
    expect(kpr.inputs('assignments.act')).toEqual([]);

    // Back to the form: nothing sent, what was typed is still there.
    await user.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect((within(form).getByLabelText('Skäl') as HTMLTextAreaElement).value).toBe('Anna flyttar');
    expect(kpr.inputs('assignments.act')).toEqual([]);

    await user.click(within(form).getByRole('button', { name: 'Bekräfta' }));
    const again = await screen.findByRole('alertdialog', { name: 'Avsluta uppdraget?' });
    await user.click(within(again).getByRole('button', { name: 'Avsluta uppdraget' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(kpr.inputs('assignments.act')).toEqual([
      { id: 7, action: 'end', date: '2026-11-22', note: 'Anna flyttar', decisionContinues: false },
    ]);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it("keeps main's refusal in the open dialog, changes nothing, and marks the field once back on the form", async () => {
    const { user, kpr, onDone } = await setup(['end'], {
      'assignments.act': refuse('INVALID_INPUT', 'Uppdraget kan inte sluta före startdatumet.', {
        date: 'Före startdatumet.',
      }),
    });
    const form = await open(user, 'Avsluta uppdraget');
    await fill(user, within(form).getByLabelText('Datum'), '2026-01-05');
    await fill(user, within(form).getByLabelText('Skäl'), 'Anna flyttar');
    await user.click(within(form).getByRole('button', { name: 'Bekräfta' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Avsluta uppdraget?' });
    await user.click(within(dialog).getByRole('button', { name: 'Avsluta uppdraget' }));

    expect((await within(dialog).findByRole('alert')).textContent).toBe('Uppdraget kan inte sluta före startdatumet.');
    await settle(kpr);
    expect(screen.getByRole('alertdialog', { name: 'Avsluta uppdraget?' })).toBe(dialog);
    expect(onDone).not.toHaveBeenCalled();
    expect(kpr.inputs('assignments.act')).toHaveLength(1);
    // The form behind the dialog is untouched until the officer goes back to it.
    expect(within(form).queryByText('Före startdatumet.')).toBeNull();
    expect((within(form).getByLabelText('Datum') as HTMLInputElement).value).toBe('2026-01-05');

    await user.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    const date = within(form).getByLabelText('Datum');
    await vi.waitFor(() => expect(date.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('Före startdatumet.')).toBeTruthy();
    expect(within(form).getByRole('alert').textContent).toBe('Uppdraget kan inte sluta före startdatumet.');
    await vi.waitFor(() => expect(document.activeElement).toBe(date));
    await settle(kpr);
    expect(kpr.inputs('assignments.act')).toHaveLength(1);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('lets the officer try again from the dialog after a refusal', async () => {
    let answer = 0;
    const { user, kpr, onDone } = await setup(['withdraw'], {
      'assignments.act': () =>
        ++answer === 1 ? refuse('INTERNAL', 'Databasen var upptagen. Inget har ändrats.') : { ok: true },
    });
    const form = await open(user, 'Återkalla');
    await fill(user, within(form).getByLabelText('Skäl'), 'Fel kontaktperson');
    await user.click(within(form).getByRole('button', { name: 'Bekräfta' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Återkalla?' });
    expect(dialog.textContent).toContain('Förslaget med Anna Provsson återkallas 2026-11-22');
    await user.click(within(dialog).getByRole('button', { name: 'Återkalla' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Databasen var upptagen. Inget har ändrats.');
    await user.click(within(dialog).getByRole('button', { name: 'Återkalla' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(kpr.inputs('assignments.act')).toHaveLength(2);
  });
});
