import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Button, Form } from 'react-aria-components';
import { contract } from '../../shared/ipc/contract';
import type { UserRow } from '../../shared/ipc/procedures/users';
import { ROLE_LABELS } from '../../shared/roles';
import { call } from '../api';
import { applyServerError, FormMessage, TextInput } from '../components/form';
import { RoleCheckboxes } from '../components/RoleCheckboxes';
import { UserEditor } from './UserEditor';

type NewUser = z.input<(typeof contract)['users.create']['input']>;

/** User accounts: list, create, and per user edit roles/active and reset the password. */
export function UsersPanel() {
  const [users, setUsers] = useState<UserRow[]>([]);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(() => call('users.list', {}).then(setUsers, (e: Error) => setMessage(e.message)), []);
  useEffect(() => void load(), [load]);

  const { control, handleSubmit, setError, reset, formState } = useForm<NewUser>({
    resolver: zodResolver(contract['users.create'].input),
    defaultValues: { username: '', displayName: '', roles: ['handlaggare'], password: '' },
  });
  const submit = handleSubmit(async (values) => {
    setMessage(null);
    try {
      await call('users.create', values);
      reset();
      await load();
    } catch (err) {
      setMessage(applyServerError(err, setError));
    }
  });

  return (
    <>
      <h2>Användare</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Användarnamn</th>
            <th scope="col">Namn</th>
            <th scope="col">Roller</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="sr-only">Åtgärd</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.username}</td>
              <td>{u.displayName}</td>
              <td>{u.roles.map((r) => ROLE_LABELS[r]).join(', ')}</td>
              <td>{u.active ? (u.mustChangePassword ? 'Aktiv, tillfälligt lösenord' : 'Aktiv') : 'Inaktiverad'}</td>
              <td>
                <Button className="link" onPress={() => setEditing(u)} aria-label={`Ändra ${u.username}`}>
                  Ändra
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && <UserEditor user={editing} onClose={() => setEditing(null)} onSaved={() => void load()} />}
      <h3>Ny användare</h3>
      <Form validationBehavior="aria" onSubmit={submit} className="stack narrow">
        <TextInput control={control} name="displayName" label="Namn" />
        <TextInput control={control} name="username" label="Användarnamn" />
        <RoleCheckboxes control={control} name="roles" />
        <TextInput control={control} name="password" label="Tillfälligt lösenord" type="password" autoComplete="new-password" description="Användaren väljer ett eget vid första inloggningen." />
        <FormMessage>{message}</FormMessage>
        <Button type="submit" className="button primary" isDisabled={formState.isSubmitting}>
          Skapa användare
        </Button>
      </Form>
    </>
  );
}
