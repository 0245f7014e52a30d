// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { Button, Form } from 'react-aria-components';
import { refuse } from '../testing/fake-kpr';
import { fill, renderWithKpr, settle } from '../testing/render';
import { ConfirmDialog } from './ConfirmDialog';
import { FormMessage, TextInput } from './form';
import { useProcForm } from './useProcForm';

/** A minimal confirm-first form on decisions.end, as the end-decision form uses it. */
function EndForm({ onDone }: { onDone: () => void }) {
  const { control, submit, message, pending, confirm, cancelConfirm } = useProcForm('decisions.end', {
    defaultValues: { date: '2026-11-22', reason: '' },
    toInput: (v) => ({ id: 5, ...v }),
    confirmFirst: true,
    onSuccess: onDone,
  });
  return (
    <Form validationBehavior="aria" onSubmit={submit} aria-label="Avsluta">
      <TextInput control={control} name="date" label="Datum" />
      <TextInput control={control} name="reason" label="Skäl" />
      <FormMessage>{message}</FormMessage>
      <Button type="submit">Avsluta beslutet</Button>
      {pending && (
        <ConfirmDialog
          title="Bekräfta"
          confirmLabel="Ja"
          cancelLabel="Nej"
          onConfirm={confirm}
          onCancel={cancelConfirm}
        >
          <p>Upphör {pending.date}</p>
        </ConfirmDialog>
      )}
    </Form>
  );
}

describe('useProcForm with confirmFirst', () => {
  it('validates, then only asks; saving waits for the confirmation', async () => {
    const onDone = vi.fn();
    const { user, kpr } = await renderWithKpr(<EndForm onDone={onDone} />, {
      answers: { 'decisions.end': { ok: true } },
    });
    await user.click(screen.getByRole('button', { name: 'Avsluta beslutet' }));
    expect(await screen.findByText('Ange skälet till att beslutet upphör.')).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();

    await fill(user, screen.getByLabelText('Skäl'), 'Flyttat');
    await user.click(screen.getByRole('button', { name: 'Avsluta beslutet' }));
    expect((await screen.findByRole('alertdialog')).textContent).toContain('Upphör 2026-11-22');
    await settle(kpr);
    expect(kpr.inputs('decisions.end')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Nej' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Avsluta beslutet' }));
    await user.click(await screen.findByRole('button', { name: 'Ja' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(kpr.inputs('decisions.end')).toEqual([{ id: 5, date: '2026-11-22', reason: 'Flyttat' }]);
  });

  it("keeps main's refusal in the open dialog; going back marks the refused field and focuses it", async () => {
    const onDone = vi.fn();
    const { user, kpr } = await renderWithKpr(<EndForm onDone={onDone} />, {
      answers: {
        'decisions.end': refuse('RULE_VIOLATION', 'Beslutet kan inte upphöra före beslutsdatumet.', {
          date: 'Före beslutsdatumet.',
        }),
      },
    });
    await fill(user, screen.getByLabelText('Skäl'), 'Flyttat');
    await user.click(screen.getByRole('button', { name: 'Avsluta beslutet' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Ja' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'Beslutet kan inte upphöra före beslutsdatumet.',
    );
    await settle(kpr);
    expect(screen.getByRole('alertdialog')).toBe(dialog);
    expect(screen.getByLabelText('Datum').getAttribute('aria-invalid')).toBeNull();
    expect(onDone).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole('button', { name: 'Nej' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    const date = screen.getByLabelText('Datum');
    await vi.waitFor(() => expect(document.activeElement).toBe(date));
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Före beslutsdatumet.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Beslutet kan inte upphöra före beslutsdatumet.');
    expect(kpr.inputs('decisions.end')).toHaveLength(1);
  });

  it('goes back to the form without a mark when nothing was refused', async () => {
    const { user, kpr } = await renderWithKpr(<EndForm onDone={() => {}} />, {
      answers: { 'decisions.end': { ok: true } },
    });
    await fill(user, screen.getByLabelText('Skäl'), 'Flyttat');
    await user.click(screen.getByRole('button', { name: 'Avsluta beslutet' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Nej' }));
    await settle(kpr);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText('Datum').getAttribute('aria-invalid')).toBeNull();
  });
});
