import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import type { ProcOutput } from '../../../shared/ipc/contract';
import { FormMessage, NumberInput } from '../../components/form';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useProcInputForm } from '../../components/useProcForm';
import { errorText, useProc, useProcMutation } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';

/** Gallring: the unit's rules, what they would remove today, and the removal (logged: kind and count). */
export function RetentionPanel() {
  const settings = useProc('retention.getSettings', {});
  const previewQuery = useProc('retention.preview', {});
  if (!settings.data) return <QueryErrors of={[settings]} />;
  return <RetentionForm initial={settings.data} preview={previewQuery.data ?? []} previewQuery={previewQuery} />;
}

function RetentionForm({
  initial,
  preview,
  previewQuery,
}: {
  initial: ProcOutput<'retention.getSettings'>;
  preview: ProcOutput<'retention.preview'>;
  previewQuery: { error: unknown };
}) {
  const [ok, setOk] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const {
    control,
    submit,
    message: formMessage,
  } = useProcInputForm('retention.saveSettings', {
    defaultValues: initial,
    resetOnSuccess: false,
    invalidates: ['retention.'],
    onSuccess: () => setOk('Gallringsreglerna är sparade.'),
  });
  const run = useProcMutation('retention.run', { invalidates: [''] });
  const message = formMessage ?? (run.error && errorText(run.error));
  const save = (e: React.FormEvent<HTMLFormElement>) => {
    setOk(null);
    return submit(e);
  };
  const total = preview.reduce((s, r) => s + r.count, 0);
  return (
    <div className="stack">
      <Form validationBehavior="aria" onSubmit={save} className="stack" aria-label="Gallringsregler">
        <div className="grid3">
          <NumberInput
            control={control}
            name="rejectedApplicantsMonths"
            label="Ej godkända sökande, efter (månader)"
            minValue={0}
            maxValue={240}
          />
          <NumberInput
            control={control}
            name="endedContactPersonsMonths"
            label="Avslutade kontaktpersoner utan uppdrag, efter (månader)"
            minValue={0}
            maxValue={600}
          />
          <NumberInput
            control={control}
            name="registerCheckNotesMonths"
            label="Bedömningar av registerutdrag, efter (månader)"
            minValue={0}
            maxValue={240}
          />
          <NumberInput
            control={control}
            name="endedAssignmentsMonths"
            label="Avslutade uppdrag, efter (månader)"
            minValue={0}
            maxValue={600}
          />
        </div>
        <p className="muted">
          0 stänger av regeln. Personer som haft uppdrag sparas (utbetalningar och brukarens akt behöver dem).
        </p>
        <Button type="submit" className="button">
          Spara regler
        </Button>
      </Form>
      <table className="table" aria-label="Gallring i dag">
        <thead>
          <tr>
            <th scope="col">Regel</th>
            <th scope="col">Gräns</th>
            <th scope="col">Antal</th>
          </tr>
        </thead>
        <tbody>
          {preview.map((r) => (
            <tr key={r.rule}>
              <td>{r.label}</td>
              <td>{r.cutoff ? `före ${r.cutoff}` : 'av'}</td>
              <td>{r.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button
        className="button primary"
        isDisabled={total === 0}
        onPress={() => {
          run.reset();
          setOk(null);
          setConfirming(true);
        }}
      >
        Gallra nu ({total})
      </Button>
      {confirming && (
        <ConfirmDialog
          title="Gallra nu?"
          confirmLabel={`Ta bort ${total} ${total === 1 ? 'post' : 'poster'}`}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            try {
              const r = await run.mutateAsync({ confirm: true });
              const n = Object.values(r.removed).reduce((a, b) => a + b, 0);
              setOk(`Gallrat: ${n} ${n === 1 ? 'post' : 'poster'}.`);
            } catch {
              // run.error holds the message shown below
            }
            setConfirming(false);
          }}
        >
          <p>
            Följande tas bort för alltid. Det går inte att ångra, och uppgifterna finns sedan bara kvar i äldre
            säkerhetskopior:
          </p>
          <ul aria-label="Det som tas bort">
            {preview
              .filter((r) => r.count > 0)
              .map((r) => (
                <li key={r.rule}>
                  {r.label}: <strong>{r.count}</strong> {r.cutoff ? `(före ${r.cutoff})` : ''}
                </li>
              ))}
          </ul>
          <p>Loggen får en rad per slag med antalet, inga namn.</p>
        </ConfirmDialog>
      )}
      <QueryErrors of={[previewQuery]} />
      <FormMessage>{message}</FormMessage>
      <FormMessage tone="ok">{ok}</FormMessage>
    </div>
  );
}
