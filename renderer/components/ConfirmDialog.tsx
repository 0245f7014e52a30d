import { useState, type ReactNode } from 'react';
import { Button, Dialog, Heading, Modal } from 'react-aria-components';
import { ApiError } from '../api';
import { FormMessage } from './form';
import { useBusy } from './useBusy';

/**
 * Asks before a destructive or irreversible action and says exactly what will happen. The
 * confirm button shows that it is working and cannot be pressed twice; a refusal from the
 * server is shown in the dialog and nothing else changes. Escape or "Avbryt" (focused first, the safe choice) cancels.
 */
export function ConfirmDialog(props: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}) {
  const [busy, run] = useBusy();
  const [error, setError] = useState<string | null>(null);
  const confirm = () =>
    void run(async () => {
      setError(null);
      try {
        await props.onConfirm();
      } catch (e) {
        setError(e instanceof ApiError ? e.message : 'Något gick fel. Ingenting har ändrats.');
      }
    });
  return (
    <Modal
      isOpen
      isDismissable={!busy}
      isKeyboardDismissDisabled={busy}
      onOpenChange={(open) => !open && props.onCancel()}
      className="modal"
    >
      <Dialog role="alertdialog" className="dialog" aria-label={props.title}>
        <Heading slot="title">{props.title}</Heading>
        <div className="stack">{props.children}</div>
        <FormMessage>{error}</FormMessage>
        <div className="row">
          <Button className="button primary" onPress={confirm} isDisabled={busy}>
            {busy ? 'Arbetar…' : props.confirmLabel}
          </Button>
          <Button className="button" onPress={props.onCancel} isDisabled={busy} autoFocus>
            {props.cancelLabel ?? 'Avbryt'}
          </Button>
        </div>
      </Dialog>
    </Modal>
  );
}
