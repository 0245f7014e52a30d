import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import { retentionSettings, type RetentionSettings } from '../../../shared/ipc/procedures/retention';
import type { ProcOutput } from '../../../shared/ipc/contract';
import { call, ApiError } from '../../api';
import { applyServerError, FormMessage, NumberInput, validateWith } from '../../components/form';
import { ConfirmDialog } from '../../components/ConfirmDialog';

/** Gallring: the unit's rules, what they would remove today, and the removal (logged: kind and count). */
export function RetentionPanel() {
  const { control, handleSubmit, setError, reset } = useForm<RetentionSettings>();
  const [preview, setPreview] = useState<ProcOutput<'retention.preview'>>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const load = useCallback(() => call('retention.preview', {}).then(setPreview), []);
  useEffect(() => {
    void call('retention.getSettings', {}).then(reset);
    void load();
  }, [reset, load]);
  const save = handleSubmit(async (v) => {
    const input = validateWith(retentionSettings, v, setError);
    if (!input) return;
    try {
      await call('retention.saveSettings', input);
      await load();
      setOk('Gallringsreglerna är sparade.');
    } catch (err) {
      setMessage(applyServerError(err, setError));
    }
  });
  const total = preview.reduce((s, r) => s + r.count, 0);
  return (
    <div className="stack">
      <Form validationBehavior="aria" onSubmit={save} className="stack" aria-label="Gallringsregler">
        <div className="grid3">
          <NumberInput control={control} name="rejectedApplicantsMonths" label="Ej godkända sökande, efter (månader)" minValue={0} maxValue={240} />
          <NumberInput control={control} name="endedContactPersonsMonths" label="Avslutade kontaktpersoner utan uppdrag, efter (månader)" minValue={0} maxValue={600} />
          <NumberInput control={control} name="registerCheckNotesMonths" label="Bedömningar av registerutdrag, efter (månader)" minValue={0} maxValue={240} />
          <NumberInput control={control} name="endedAssignmentsMonths" label="Avslutade uppdrag, efter (månader)" minValue={0} maxValue={600} />
        </div>
        <p className="muted">0 stänger av regeln. Personer som haft uppdrag sparas (utbetalningar och brukarens akt behöver dem).</p>
        <Button type="submit" className="button">Spara regler</Button>
      </Form>
      <table className="table" aria-label="Gallring i dag">
        <thead><tr><th scope="col">Regel</th><th scope="col">Gräns</th><th scope="col">Antal</th></tr></thead>
        <tbody>{preview.map((r) => <tr key={r.rule}><td>{r.label}</td><td>{r.cutoff ? `före ${r.cutoff}` : 'av'}</td><td>{r.count}</td></tr>)}</tbody>
      </table>
      <Button className="button primary" isDisabled={total === 0} onPress={() => { setMessage(null); setOk(null); setConfirming(true); }}>Gallra nu ({total})</Button>
      {confirming && (
        <ConfirmDialog
          title="Gallra nu?"
          confirmLabel={`Ta bort ${total} ${total === 1 ? 'post' : 'poster'}`}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            try {
              const r = await call('retention.run', { confirm: true });
              const n = Object.values(r.removed).reduce((a, b) => a + b, 0);
              setOk(`Gallrat: ${n} ${n === 1 ? 'post' : 'poster'}.`);
            } catch (e) {
              setMessage(e instanceof ApiError ? e.message : 'Något gick fel.');
            }
            setConfirming(false);
            await load();
          }}
        >
          <p>Följande tas bort för alltid. Det går inte att ångra, och uppgifterna finns sedan bara kvar i äldre säkerhetskopior:</p>
          <ul aria-label="Det som tas bort">
            {preview.filter((r) => r.count > 0).map((r) => <li key={r.rule}>{r.label}: <strong>{r.count}</strong> {r.cutoff ? `(före ${r.cutoff})` : ''}</li>)}
          </ul>
          <p>Loggen får en rad per slag med antalet, inga namn.</p>
        </ConfirmDialog>
      )}
      <FormMessage>{message}</FormMessage>
      <FormMessage tone="ok">{ok}</FormMessage>
    </div>
  );
}
