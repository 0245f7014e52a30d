import { useEffect, useState } from 'react';
import { Button, Form, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import type { ProcOutput } from '../../shared/ipc/contract';
import { CheckboxInput, FormMessage, NumberInput, TextInput } from '../components/form';
import { useProcForm } from '../components/useProcForm';
import { useProc } from '../data/useProc';
import { QueryErrors } from '../data/QueryErrors';
import { UsersPanel } from './UsersPanel';
import { PaymentSettingsForm } from './settings/PaymentSettingsForm';
import { RatesEditor } from './settings/RatesEditor';
import { DocumentSettingsForm } from './settings/DocumentSettingsForm';
import { BackupPanel } from './settings/BackupPanel';
import { RetentionPanel } from './settings/RetentionPanel';
import { DatabasePanel } from './settings/DatabasePanel';
import { LegalSettingsForm } from './legal/LegalSettingsForm';
import { useNavigation } from '../session/navigation';

/** The sections of Inställningar: one tab each, one save button each. */
const SECTIONS = [
  ['enheten', 'Enheten'],
  ['anvandare', 'Användare'],
  ['ersattningsnivaer', 'Ersättningsnivåer'],
  ['betalning', 'Betalning'],
  ['dokument', 'Dokument och avtalsmall'],
  ['sakerhetskopiering', 'Säkerhetskopiering'],
  ['gallring', 'Gallring'],
  ['databas', 'Databas'],
  ['lagrum', 'Lagrum och rapporter'],
] as const;
type SectionId = (typeof SECTIONS)[number][0];
/** What each tab shows under its heading (Enheten's form needs the settings, so it is drawn in place). */
const PANELS: Record<Exclude<SectionId, 'enheten'>, () => React.ReactElement> = {
  anvandare: UsersPanel,
  ersattningsnivaer: RatesEditor,
  betalning: PaymentSettingsForm,
  dokument: DocumentSettingsForm,
  sakerhetskopiering: BackupPanel,
  gallring: RetentionPanel,
  databas: DatabasePanel,
  lagrum: LegalSettingsForm,
};
const tabClass = ({ isSelected }: { isSelected: boolean }) => `tab${isSelected ? ' active' : ''}`;

/** Inställningar: the unit and its users (admin only). */
export function SettingsScreen() {
  const { section } = useNavigation();
  const [tab, setTab] = useState<SectionId>(() => SECTIONS.find(([id]) => id === section)?.[0] ?? 'enheten');
  // Arriving at a section (e.g. from the new-year warning): its tab opens (adjusted during render,
  // when the section changes) and its heading takes focus (an effect: the DOM).
  const [arrivedAt, setArrivedAt] = useState(section);
  if (section !== arrivedAt) {
    setArrivedAt(section);
    const found = SECTIONS.find(([id]) => id === section);
    if (found) setTab(found[0]);
  }
  useEffect(() => {
    const found = SECTIONS.find(([id]) => id === section);
    if (!found) return;
    const id = window.setTimeout(() => {
      const el = document.getElementById(`${found[0]}-rubrik`);
      el?.scrollIntoView({ block: 'start' });
      el?.focus({ preventScroll: true });
    }, 0);
    return () => window.clearTimeout(id);
  }, [section]);
  const settings = useProc('settings.get', {});

  return (
    <>
      <h1>Inställningar</h1>
      {/* Every panel stays mounted (hidden when not selected), so switching tabs never drops typed values. */}
      <Tabs selectedKey={tab} onSelectionChange={(k) => setTab(k as SectionId)}>
        <TabList className="tabs wrap-tabs" aria-label="Avsnitt">
          {SECTIONS.map(([id, label]) => (
            <Tab key={id} id={id} className={tabClass}>
              {label}
            </Tab>
          ))}
        </TabList>
        {SECTIONS.map(([id, label]) => {
          const Panel = id === 'enheten' ? null : PANELS[id];
          return (
            <TabPanel key={id} id={id} shouldForceMount className="tab-panel">
              <h2 id={`${id}-rubrik`} tabIndex={-1}>
                {label}
              </h2>
              {Panel ? (
                <Panel />
              ) : settings.data ? (
                <UnitForm initial={settings.data} />
              ) : (
                <QueryErrors of={[settings]} />
              )}
            </TabPanel>
          );
        })}
      </Tabs>
    </>
  );
}

type UnitSettings = ProcOutput<'settings.get'>;
const toForm = (s: UnitSettings) => ({ ...s, legalBases: s.legalBases.join('; ') });

/** Enheten: the form holds the legal bases as one line; the procedure takes them as a list. */
function UnitForm({ initial }: { initial: UnitSettings }) {
  const [ok, setOk] = useState<string | null>(null);
  const f = useProcForm('settings.update', {
    defaultValues: toForm(initial),
    toInput: (v) => ({
      ...v,
      legalBases: v.legalBases
        .split(';')
        .map((x) => x.trim())
        .filter(Boolean),
    }),
    unsavedLabel: 'Enheten',
    invalidates: ['settings.', 'session.'],
    resetOnSuccess: false,
    onSuccess: (saved) => {
      f.reset(toForm(saved));
      setOk('Inställningarna är sparade.');
    },
  });
  const save = (e: React.FormEvent<HTMLFormElement>) => {
    setOk(null);
    return f.submit(e);
  };
  return (
    <Form validationBehavior="aria" onSubmit={save} className="stack narrow" aria-label="Enheten">
      <TextInput control={f.control} name="unitName" label="Enhetens namn" />
      <NumberInput
        control={f.control}
        name="idleLockMinutes"
        label="Lås automatiskt efter (minuter utan aktivitet)"
        minValue={1}
        maxValue={60}
      />
      <TextInput control={f.control} name="legalBases" label="Lagrum för beslut" description="Skilj med semikolon." />
      <CheckboxInput
        control={f.control}
        name="contentProtection"
        label="Skydda fönstret mot skärmbilder och skärmdelning"
      />
      <p className="muted">
        Rekommenderas. Stäng bara av om fönstret blir svart i ett fjärrskrivbord (t.ex. Citrix eller Remote Desktop).
        Ändringen gäller direkt, och datorn minns den till inloggningsrutan nästa gång programmet startas.
      </p>
      <FormMessage>{f.message}</FormMessage>
      <FormMessage tone="ok">{ok}</FormMessage>
      <Button type="submit" className="button primary" isDisabled={f.formState.isSubmitting}>
        Spara enhetens inställningar
      </Button>
    </Form>
  );
}
