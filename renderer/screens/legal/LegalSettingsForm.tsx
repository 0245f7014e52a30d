import { useState } from 'react';
import { Button, Input, Label, TextArea, TextField } from 'react-aria-components';
import { LAW_LABELS, LAWS } from '../../../shared/legal/laws';
import { legalSettings, type LegalSettings } from '../../../shared/ipc/procedures/legal';
import { call } from '../../api';
import { FormMessage } from '../../components/form';
import { useProc } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';

type Draft = Record<string, string>;

const toDraft = (s: LegalSettings): Draft => ({
  ...Object.fromEntries(LAWS.map((l) => [l, s.lawParagraphs[l].join('\n')])),
  lssReferenceDay: s.lssReferenceDay,
  lssDeadlineDay: s.lssDeadlineDay,
  avbrottMonths: String(s.avbrottMonths),
  officeHoursStart: s.officeHoursStart,
  officeHoursEnd: s.officeHoursEnd,
  bulkExportRows: String(s.bulkExportRows),
  logReviewMonths: String(s.logReviewMonths),
});

/** Inställningar → Lagrum och rapporter: paragraphs per law and the reporting figures (admin). */
export function LegalSettingsForm() {
  const settings = useProc('legal.settings', {});
  if (!settings.data) return <QueryErrors of={[settings]} />;
  return <LegalSettingsEditor initial={settings.data} />;
}

function LegalSettingsEditor({ initial }: { initial: LegalSettings }) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial));
  const [message, setMessage] = useState<string | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const field = (key: string, label: string, multiline = false) => (
    <TextField key={key} className="field" value={draft[key]} onChange={(v) => setDraft({ ...draft, [key]: v })}>
      <Label>{label}</Label>
      {multiline ? <TextArea className="input" rows={3} /> : <Input className="input" />}
    </TextField>
  );
  const save = async () => {
    setOk(null);
    const parsed = legalSettings.safeParse({
      lawParagraphs: Object.fromEntries(
        LAWS.map((l) => [
          l,
          (draft[l] ?? '')
            .split('\n')
            .map((p) => p.trim())
            .filter(Boolean),
        ]),
      ),
      lssReferenceDay: draft.lssReferenceDay,
      lssDeadlineDay: draft.lssDeadlineDay,
      avbrottMonths: Number(draft.avbrottMonths),
      officeHoursStart: draft.officeHoursStart,
      officeHoursEnd: draft.officeHoursEnd,
      bulkExportRows: Number(draft.bulkExportRows),
      logReviewMonths: Number(draft.logReviewMonths),
    });
    if (!parsed.success) return setMessage(parsed.error.issues[0]?.message ?? 'Kontrollera uppgifterna.');
    try {
      setDraft(toDraft(await call('legal.saveSettings', parsed.data)));
      setMessage(null);
      setOk('Sparat.');
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  return (
    <div className="stack panel" aria-label="Lagrum och rapporter">
      <p className="muted">
        Paragrafer per lag, en per rad. Den första är förval för nya beslut. Kontrollera paragraferna i
        socialtjänstlagen (2025:400) mot SFS.
      </p>
      <div className="grid3">{LAWS.map((l) => field(l, LAW_LABELS[l], true))}</div>
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
      <Button className="button primary" onPress={() => void save()}>
        Spara lagrum och rapportinställningar
      </Button>
    </div>
  );
}
