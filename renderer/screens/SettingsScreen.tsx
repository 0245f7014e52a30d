import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button, Form, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { unitSettings } from '../../shared/ipc/procedures/settings';
import { call } from '../api';
import { applyServerError, CheckboxInput, FormMessage, NumberInput, TextInput, validateWith } from '../components/form';
import { UsersPanel } from './UsersPanel';
import { PaymentSettingsForm } from './settings/PaymentSettingsForm';
import { RatesEditor } from './settings/RatesEditor';
import { DocumentSettingsForm } from './settings/DocumentSettingsForm';
import { BackupPanel } from './settings/BackupPanel';
import { RetentionPanel } from './settings/RetentionPanel';
import { LegalSettingsForm } from './legal/LegalSettingsForm';
import { useNavigation } from '../session/navigation';
import { useUnsavedChanges } from '../session/unsaved';

/** The sections of Inställningar: one tab each, one save button each. */
const SECTIONS = [
  ['enheten', 'Enheten'],
  ['anvandare', 'Användare'],
  ['ersattningsnivaer', 'Ersättningsnivåer'],
  ['betalning', 'Betalning'],
  ['dokument', 'Dokument och avtalsmall'],
  ['sakerhetskopiering', 'Säkerhetskopiering'],
  ['gallring', 'Gallring'],
  ['lagrum', 'Lagrum och rapporter'],
] as const;
type SectionId = (typeof SECTIONS)[number][0];
const tabClass = ({ isSelected }: { isSelected: boolean }) => `tab${isSelected ? ' active' : ''}`;

/** Inställningar: the unit and its users (admin only). */
export function SettingsScreen() {
  type Values = { unitName: string; idleLockMinutes: number; legalBases: string; contentProtection: boolean };
  const { control, handleSubmit, setError, reset, formState } = useForm<Values>({ defaultValues: { unitName: '', idleLockMinutes: 15, legalBases: '', contentProtection: true } });
  const toForm = (s: { unitName: string; idleLockMinutes: number; legalBases: string[]; contentProtection: boolean }) => ({ ...s, legalBases: s.legalBases.join('; ') });
  const [message, setMessage] = useState<string | null>(null);
  const [ok, setOk] = useState<string | null>(null);

  const { section } = useNavigation();
  const [tab, setTab] = useState<SectionId>(() => SECTIONS.find(([id]) => id === section)?.[0] ?? 'enheten');
  useUnsavedChanges(formState.isDirty, 'Enheten');
  // Arriving at a section (e.g. from the new-year warning): its tab opens and its heading takes focus.
  useEffect(() => {
    const found = SECTIONS.find(([id]) => id === section);
    if (!found) return;
    setTab(found[0]);
    window.setTimeout(() => {
      const el = document.getElementById(`${found[0]}-rubrik`);
      el?.scrollIntoView({ block: 'start' });
      el?.focus({ preventScroll: true });
    }, 0);
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
      {/* Every panel stays mounted (hidden when not selected), so switching tabs never drops typed values. */}
      <Tabs selectedKey={tab} onSelectionChange={(k) => setTab(k as SectionId)}>
        <TabList className="tabs wrap-tabs" aria-label="Avsnitt">
          {SECTIONS.map(([id, label]) => <Tab key={id} id={id} className={tabClass}>{label}</Tab>)}
        </TabList>
        <TabPanel id="enheten" shouldForceMount className="tab-panel">
      <h2 id="enheten-rubrik" tabIndex={-1}>Enheten</h2>
      <Form validationBehavior="aria" onSubmit={submit} className="stack narrow" aria-label="Enheten">
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
          Spara enhetens inställningar
        </Button>
      </Form>
        </TabPanel>
        <TabPanel id="anvandare" shouldForceMount className="tab-panel"><UsersPanel /></TabPanel>
        <TabPanel id="ersattningsnivaer" shouldForceMount className="tab-panel">
          <h2 id="ersattningsnivaer-rubrik" tabIndex={-1}>Ersättningsnivåer</h2>
          <RatesEditor />
        </TabPanel>
        <TabPanel id="betalning" shouldForceMount className="tab-panel"><h2 id="betalning-rubrik" tabIndex={-1}>Betalning</h2><PaymentSettingsForm /></TabPanel>
        <TabPanel id="dokument" shouldForceMount className="tab-panel"><h2 id="dokument-rubrik" tabIndex={-1}>Dokument och avtalsmall</h2><DocumentSettingsForm /></TabPanel>
        <TabPanel id="sakerhetskopiering" shouldForceMount className="tab-panel"><h2 id="sakerhetskopiering-rubrik" tabIndex={-1}>Säkerhetskopiering</h2><BackupPanel /></TabPanel>
        <TabPanel id="gallring" shouldForceMount className="tab-panel"><h2 id="gallring-rubrik" tabIndex={-1}>Gallring</h2><RetentionPanel /></TabPanel>
        <TabPanel id="lagrum" shouldForceMount className="tab-panel"><h2 id="lagrum-rubrik" tabIndex={-1}>Lagrum och rapporter</h2><LegalSettingsForm /></TabPanel>
      </Tabs>
    </>
  );
}
