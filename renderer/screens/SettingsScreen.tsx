import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import { unitSettings } from '../../shared/ipc/procedures/settings';
import { call } from '../api';
import { applyServerError, CheckboxInput, FormMessage, NumberInput, TextInput, validateWith } from '../components/form';
import { UsersPanel } from './UsersPanel';
import { PaymentSettingsForm } from './settings/PaymentSettingsForm';
import { RatesEditor } from './settings/RatesEditor';
import { DocumentSettingsForm } from './settings/DocumentSettingsForm';
import { BackupPanel } from './settings/BackupPanel';
import { RetentionPanel } from './settings/RetentionPanel';
import { useNavigation } from '../session/navigation';

/** Inställningar: the unit and its users (admin only). */
export function SettingsScreen() {
  type Values = { unitName: string; idleLockMinutes: number; legalBases: string; contentProtection: boolean };
  const { control, handleSubmit, setError, reset, formState } = useForm<Values>({ defaultValues: { unitName: '', idleLockMinutes: 15, legalBases: '', contentProtection: true } });
  const toForm = (s: { unitName: string; idleLockMinutes: number; legalBases: string[]; contentProtection: boolean }) => ({ ...s, legalBases: s.legalBases.join('; ') });
  const [message, setMessage] = useState<string | null>(null);
  const [ok, setOk] = useState<string | null>(null);

  const { section } = useNavigation();
  useEffect(() => {
    const el = section ? document.getElementById(section) : null;
    el?.scrollIntoView({ block: 'start' });
    el?.focus({ preventScroll: true });
  }, [section]);

  useEffect(() => {
    call('settings.get', {}).then((s) => reset(toForm(s)), (e: Error) => setMessage(e.message));
  }, [reset]);

  const submit = handleSubmit(async (values) => {
    setMessage(null);
    setOk(null);
    const input = validateWith(unitSettings, { ...values, legalBases: values.legalBases.split(';').map((x) => x.trim()).filter(Boolean) }, setError);
    if (!input) return;
    try {
      reset(toForm(await call('settings.update', input)));
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
        <NumberInput control={control} name="idleLockMinutes" label="Lås automatiskt efter (minuter utan aktivitet)" minValue={1} maxValue={60} />
        <TextInput control={control} name="legalBases" label="Lagrum för beslut" description="Skilj med semikolon." />
        <CheckboxInput control={control} name="contentProtection" label="Skydda fönstret mot skärmbilder och skärmdelning" />
        <p className="muted">
          Rekommenderas. Stäng bara av om fönstret blir svart i ett fjärrskrivbord (t.ex. Citrix eller Remote Desktop). Ändringen gäller
          direkt, och datorn minns den till inloggningsrutan nästa gång programmet startas.
        </p>
        <FormMessage>{message}</FormMessage>
        <FormMessage tone="ok">{ok}</FormMessage>
        <Button type="submit" className="button primary" isDisabled={formState.isSubmitting}>
          Spara
        </Button>
      </Form>
      <UsersPanel />
      <h2 id="ersattningsnivaer" tabIndex={-1}>Ersättningsnivåer</h2>
      <RatesEditor />
      <h2>Betalning</h2>
      <PaymentSettingsForm />
      <h2>Dokument och avtalsmall</h2>
      <DocumentSettingsForm />
      <h2>Säkerhetskopiering</h2>
      <BackupPanel />
      <h2>Gallring</h2>
      <RetentionPanel />
    </>
  );
}
