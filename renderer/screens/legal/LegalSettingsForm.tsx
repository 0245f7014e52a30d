import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { LAW_LABELS, LAWS, type Law } from '../../../shared/legal/laws';
import type { LegalSettings } from '../../../shared/ipc/procedures/legal';
import { parseWholeNumber } from '../../../shared/numbers';
import { FormMessage, TextInput } from '../../components/form';
import { useProcForm } from '../../components/useProcForm';
import { useProc } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';

/** The settings as typed: paragraphs one per line, numbers as text. */
interface Values {
  lawParagraphs: Record<Law, string>;
  lssReferenceDay: string;
  lssDeadlineDay: string;
  avbrottMonths: string;
  officeHoursStart: string;
  officeHoursEnd: string;
  bulkExportRows: string;
  logReviewMonths: string;
}

/** One value per law (a law added to LAWS fails to compile here until it is listed). */
const perLaw = <T,>(f: (law: Law) => T): Record<Law, T> => ({
  'LSS 1993:387': f('LSS 1993:387'),
  'SoL 2001:453': f('SoL 2001:453'),
  'SoL 2025:400': f('SoL 2025:400'),
});

const lines = (text: string) =>
  text
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
// Not a whole number: NaN, which the schema refuses with its own Swedish message ("Ange antal månader.").
const whole = (text: string) => parseWholeNumber(text) ?? Number.NaN;

const toValues = (s: LegalSettings): Values => ({
  lawParagraphs: perLaw((l) => s.lawParagraphs[l].join('\n')),
  lssReferenceDay: s.lssReferenceDay,
  lssDeadlineDay: s.lssDeadlineDay,
  avbrottMonths: String(s.avbrottMonths),
  officeHoursStart: s.officeHoursStart,
  officeHoursEnd: s.officeHoursEnd,
  bulkExportRows: String(s.bulkExportRows),
  logReviewMonths: String(s.logReviewMonths),
});

const toInput = (v: Values): LegalSettings => ({
  ...v,
  lawParagraphs: perLaw((l) => lines(v.lawParagraphs[l])),
  avbrottMonths: whole(v.avbrottMonths),
  bulkExportRows: whole(v.bulkExportRows),
  logReviewMonths: whole(v.logReviewMonths),
});

/** 'lawParagraphs.LSS 1993:387.2' (one paragraph) -> that law's text field. */
const fieldOf = (path: string) => /^lawParagraphs\.[^.]+/.exec(path)?.[0] ?? path;

/** Inställningar → Lagrum och rapporter: paragraphs per law and the reporting figures (admin). */
export function LegalSettingsForm() {
  const settings = useProc('legal.settings', {});
  if (!settings.data) return <QueryErrors of={[settings]} />;
  return <LegalSettingsEditor initial={settings.data} />;
}

function LegalSettingsEditor({ initial }: { initial: LegalSettings }) {
  const [ok, setOk] = useState<string | null>(null);
  const { control, submit, message, busy } = useProcForm<'legal.saveSettings', Values>('legal.saveSettings', {
    defaultValues: toValues(initial),
    toInput,
    fieldOf,
    invalidMessage: 'Rätta de markerade fälten.',
    // The paragraphs offered on decisions, the LSS register's days and the reminders reload.
    invalidates: ['legal.'],
    resetOnSuccess: false,
    onSuccess: () => setOk('Sparat.'),
  });
  const field = (name: Exclude<keyof Values, 'lawParagraphs'>, label: string) => (
    <TextInput control={control} name={name} label={label} />
  );
  return (
    <Form
      validationBehavior="aria"
      onSubmit={(e) => {
        setOk(null);
        void submit(e);
      }}
      className="stack panel"
      aria-label="Lagrum och rapporter"
    >
      <p className="muted">
        Paragrafer per lag, en per rad. Den första är förval för nya beslut. Kontrollera paragraferna i
        socialtjänstlagen (2025:400) mot SFS.
      </p>
      <div className="grid3">
        {LAWS.map((l) => (
          <TextInput key={l} control={control} name={`lawParagraphs.${l}`} label={LAW_LABELS[l]} multiline />
        ))}
      </div>
      <div className="grid3">
        {field('lssReferenceDay', 'LSS-registret: referensdag (MM-DD)')}
        {field('lssDeadlineDay', 'LSS-registret: sista dag (MM-DD)')}
        {field('avbrottMonths', 'Möjligt avbrott efter antal månader utan träffar')}
        {field('officeHoursStart', 'Kontorstid från (TT:MM)')}
        {field('officeHoursEnd', 'Kontorstid till (TT:MM)')}
        {field('bulkExportRows', 'Mängduttag: export med minst antal rader')}
        {field('logReviewMonths', 'Logguppföljning: påminnelse efter antal månader')}
      </div>
      <FormMessage>{message}</FormMessage>
      <FormMessage tone="ok">{ok}</FormMessage>
      <Button type="submit" className="button primary" isDisabled={busy}>
        Spara lagrum och rapportinställningar
      </Button>
    </Form>
  );
}
