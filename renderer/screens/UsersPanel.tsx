import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import type { UserRow } from '../../shared/ipc/procedures/users';
import { ROLE_LABELS } from '../../shared/roles';
import { FormMessage, TextInput } from '../components/form';
import { useProcInputForm } from '../components/useProcForm';
import { useProc } from '../data/useProc';
import { QueryErrors } from '../data/QueryErrors';
import { RoleCheckboxes } from '../components/RoleCheckboxes';
import { UserEditor } from './UserEditor';

/** User accounts: list, create, and per user edit roles/active and reset the password. */
export function UsersPanel() {
  const list = useProc('users.list', {});
  const users = list.data ?? [];
  const [editing, setEditing] = useState<UserRow | null>(null);
  const { control, submit, message, formState } = useProcInputForm('users.create', {
    defaultValues: { username: '', displayName: '', roles: ['handlaggare'], password: '' },
    invalidates: ['users.'],
  });

  return (
    <>
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
      {editing && <UserEditor user={editing} onClose={() => setEditing(null)} onSaved={() => void list.refetch()} />}
      <QueryErrors of={[list]} />
      <h3>Ny användare</h3>
      <Form validationBehavior="aria" onSubmit={submit} className="stack narrow">
        <TextInput control={control} name="displayName" label="Namn" />
        <TextInput control={control} name="username" label="Användarnamn" />
        <RoleCheckboxes control={control} name="roles" />
        <TextInput
          control={control}
          name="password"
          label="Tillfälligt lösenord"
          type="password"
          autoComplete="new-password"
          description="Användaren väljer ett eget vid första inloggningen."
        />
        <FormMessage>{message}</FormMessage>
        <Button type="submit" className="button primary" isDisabled={formState.isSubmitting}>
          Skapa användare
        </Button>
      </Form>
    </>
  );
}
