import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Button, Checkbox, Dialog, Form, Heading, Modal } from 'react-aria-components';
import { Controller } from 'react-hook-form';
import { contract } from '../../shared/ipc/contract';
import type { UserRow } from '../../shared/ipc/procedures/users';
import { call } from '../api';
import { applyServerError, FormMessage, TextInput } from '../components/form';
import { RoleCheckboxes } from '../components/RoleCheckboxes';

type Edit = z.input<(typeof contract)['users.update']['input']>;
type Reset = z.input<(typeof contract)['users.resetPassword']['input']>;

export function UserEditor({ user, onClose, onSaved }: { user: UserRow; onClose: () => void; onSaved: () => void }) {
  const edit = useForm<Edit>({
    resolver: zodResolver(contract['users.update'].input),
    defaultValues: { id: user.id, displayName: user.displayName, roles: user.roles, active: user.active },
  });
  const pw = useForm<Reset>({ resolver: zodResolver(contract['users.resetPassword'].input), defaultValues: { id: user.id, newPassword: '' } });
  const [message, setMessage] = useState<string | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  const save = edit.handleSubmit(async (values) => {
    setMessage(null);
    try {
      const saved = await call('users.update', values);
      onSaved();
      if (saved.recoveryKey) setRecoveryKey(saved.recoveryKey);
      else onClose();
    } catch (err) {
      setMessage(applyServerError(err, edit.setError));
    }
  });
  const resetPw = pw.handleSubmit(async (values) => {
    setMessage(null);
    try {
      const r = await call('users.resetPassword', values);
      setRecoveryKey(r.recoveryKey);
      pw.reset({ id: user.id, newPassword: '' });
      setOk('Tillfälligt lösenord satt. Användaren måste byta det vid nästa inloggning.');
      onSaved();
    } catch (err) {
      setMessage(applyServerError(err, pw.setError));
    }
  });

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
          <TextInput control={pw.control} name="newPassword" label="Nytt tillfälligt lösenord" type="password" autoComplete="new-password" />
          <Button type="submit" className="button">
            Sätt tillfälligt lösenord
          </Button>
        </Form>
        <FormMessage>{message}</FormMessage>
        <FormMessage tone="ok">{ok}</FormMessage>
        {recoveryKey && (
          <div className="stack" role="status">
            <p>
              Databasen har fått en ny nyckel, så det gamla lösenordet öppnar ingenting längre. <strong>Ny återställningsnyckel</strong> (visas bara nu; skriv ut
              den och förvara den inlåst, den gamla gäller inte längre):
            </p>
            <p className="recovery-key" data-testid="new-recovery-key">{recoveryKey}</p>
            <p>Säkerhetskopior tagna före ändringen är krypterade med den gamla nyckeln och öppnas fortfarande med de lösenord som gällde då.</p>
          </div>
        )}
        <Button className="link" onPress={onClose}>
          Stäng
        </Button>
      </Dialog>
    </Modal>
  );
}
