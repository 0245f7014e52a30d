import { useState } from 'react';
import { Button, Checkbox, Dialog, Form, Heading, Modal } from 'react-aria-components';
import { Controller } from 'react-hook-form';
import type { UserRow } from '../../shared/ipc/procedures/users';
import { FormMessage, TextInput } from '../components/form';
import { useProcInputForm } from '../components/useProcForm';
import { RoleCheckboxes } from '../components/RoleCheckboxes';
import { ROTATION_ADVICE } from '../../shared/server/credentials-rotation';

export function UserEditor({ user, onClose, onSaved }: { user: UserRow; onClose: () => void; onSaved: () => void }) {
  const [ok, setOk] = useState<string | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [rotateDbPassword, setRotateDbPassword] = useState(false);
  const edit = useProcInputForm('users.update', {
    defaultValues: { id: user.id, displayName: user.displayName, roles: user.roles, active: user.active },
    resetOnSuccess: false,
    invalidates: ['users.'],
    onSuccess: (saved) => {
      onSaved();
      setRotateDbPassword(saved.rotateDatabasePassword);
      if (saved.recoveryKey) setRecoveryKey(saved.recoveryKey);
      else onClose();
    },
  });
  const pw = useProcInputForm('users.resetPassword', {
    defaultValues: { id: user.id, newPassword: '' },
    invalidates: ['users.'],
    onSuccess: (r) => {
      setRecoveryKey(r.recoveryKey);
      setOk('Tillfälligt lösenord satt. Användaren måste byta det vid nästa inloggning.');
      onSaved();
    },
  });
  const save = edit.submit;
  const resetPw = pw.submit;
  const message = edit.message ?? pw.message;

  return (
    <Modal isOpen isDismissable onOpenChange={(open) => !open && onClose()} className="modal">
      <Dialog className="dialog">
        <Heading slot="title">Ändra {user.username}</Heading>
        <Form validationBehavior="aria" onSubmit={save} className="stack">
          <TextInput control={edit.control} name="displayName" label="Namn" />
          <RoleCheckboxes control={edit.control} name="roles" />
          <Controller
            control={edit.control}
            name="active"
            render={({ field }) => (
              <Checkbox className="checkbox" isSelected={field.value} onChange={field.onChange}>
                <span className="box" aria-hidden="true" />
                Kontot är aktivt
              </Checkbox>
            )}
          />
          <Button type="submit" className="button primary">
            Spara
          </Button>
        </Form>
        <Form validationBehavior="aria" onSubmit={resetPw} className="stack">
          <TextInput
            control={pw.control}
            name="newPassword"
            label="Nytt tillfälligt lösenord"
            type="password"
            autoComplete="new-password"
          />
          <Button type="submit" className="button">
            Sätt tillfälligt lösenord
          </Button>
        </Form>
        <FormMessage>{message}</FormMessage>
        <FormMessage tone="ok">{ok}</FormMessage>
        {recoveryKey && (
          <div className="stack" role="status">
            <p>
              {rotateDbPassword
                ? 'Den här datorns nyckelfil har fått en ny nyckel, så det gamla lösenordet öppnar den inte längre.'
                : 'Databasen har fått en ny nyckel, så det gamla lösenordet öppnar ingenting längre.'}{' '}
              <strong>Ny återställningsnyckel</strong> (visas bara nu; skriv ut den och förvara den inlåst, den gamla
              gäller inte längre):
            </p>
            <p className="recovery-key" data-testid="new-recovery-key">
              {recoveryKey}
            </p>
            <p>
              Säkerhetskopior tagna före ändringen är krypterade med den gamla nyckeln och öppnas fortfarande med de
              lösenord som gällde då.
            </p>
            {rotateDbPassword && (
              <p className="warning" data-testid="rotate-db-password">
                <strong>Databasservern:</strong> {ROTATION_ADVICE}
              </p>
            )}
          </div>
        )}
        <Button className="link" onPress={onClose}>
          Stäng
        </Button>
      </Dialog>
    </Modal>
  );
}
