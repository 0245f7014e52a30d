// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { Button, Form } from 'react-aria-components';
import { fill, renderWithKpr, settle } from '../testing/render';
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
      <TextInput control={control} name="reason" label="Skäl" />
      <FormMessage>{message}</FormMessage>
      <Button type="submit">Avsluta beslutet</Button>
      {pending && (
        <div role="dialog" aria-label="Bekräfta">
          <p>Upphör {pending.date}</p>
          <Button onPress={() => void confirm()}>Ja</Button>
          <Button onPress={cancelConfirm}>Nej</Button>
        </div>
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
    expect(screen.queryByRole('dialog')).toBeNull();

    await fill(user, screen.getByLabelText('Skäl'), 'Flyttat');
    await user.click(screen.getByRole('button', { name: 'Avsluta beslutet' }));
    expect((await screen.findByRole('dialog')).textContent).toContain('Upphör 2026-11-22');
    await settle(kpr);
    expect(kpr.inputs('decisions.end')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Nej' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Avsluta beslutet' }));
    await user.click(await screen.findByRole('button', { name: 'Ja' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(kpr.inputs('decisions.end')).toEqual([{ id: 5, date: '2026-11-22', reason: 'Flyttat' }]);
  });
});
