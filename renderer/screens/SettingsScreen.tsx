import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Form } from 'react-aria-components';
import { unitSettings, type UnitSettings } from '../../shared/ipc/procedures/settings';
import { call } from '../api';
import { applyServerError, FormMessage, NumberInput, TextInput } from '../components/form';
import { UsersPanel } from './UsersPanel';

/** Inställningar: the unit and its users (admin only). */
export function SettingsScreen() {
  const { control, handleSubmit, setError, reset, formState } = useForm<UnitSettings>({
    resolver: zodResolver(unitSettings),
    defaultValues: { unitName: '', idleLockMinutes: 15 },
  });
  const [message, setMessage] = useState<string | null>(null);
  const [ok, setOk] = useState<string | null>(null);

  useEffect(() => {
    call('settings.get', {}).then(reset, (e: Error) => setMessage(e.message));
  }, [reset]);

  const submit = handleSubmit(async (values) => {
    setMessage(null);
    setOk(null);
    try {
      reset(await call('settings.update', values));
      setOk('Inställningarna är sparade.');
    } catch (err) {
      setMessage(applyServerError(err, setError));
    }
  });

  return (
    <>
      <h1>Inställningar</h1>
      <h2>Enheten</h2>
      <Form validationBehavior="aria" onSubmit={submit} className="stack narrow">
        <TextInput control={control} name="unitName" label="Enhetens namn" />
        <NumberInput control={control} name="idleLockMinutes" label="Lås automatiskt efter (minuter utan aktivitet)" minValue={1} maxValue={240} />
        <FormMessage>{message}</FormMessage>
        <FormMessage tone="ok">{ok}</FormMessage>
        <Button type="submit" className="button primary" isDisabled={formState.isSubmitting}>
          Spara
        </Button>
      </Form>
      <UsersPanel />
    </>
  );
}
