import { useState } from 'react';
import { Button, Checkbox, Form, Input, Label, Radio, RadioGroup, TextField } from 'react-aria-components';
import {
  LEGACY_FORMATS,
  LEGACY_WARNING,
  PAYOUT_FORMAT_LABELS,
  PAYOUT_FORMATS,
  type PayoutBatch,
  type PayoutFormat,
} from '../../../shared/ipc/procedures/payouts';
import type { Role } from '../../../shared/roles';
import { formatKronor, parseKronor } from '../../../shared/money';
import { formatDateTime } from '../../../shared/dates';
import { call, ApiError } from '../../api';
import { FormMessage, TextInput } from '../../components/form';
import { useProcForm, useProcInputForm } from '../../components/useProcForm';
import { useBusy } from '../../components/useBusy';

interface TaxValues {
  tax: string;
}

/** Table tax for one line, typed in kronor. */
function TableTax({ lineId, onDone }: { lineId: number; onDone: () => void }) {
  const { control, submit, message, busy } = useProcForm<'payouts.setTableTax', TaxValues>('payouts.setTableTax', {
    defaultValues: { tax: '' },
    toInput: (v) => {
      const taxOre = parseKronor(v.tax);
      return taxOre === null ? null : { lineId, taxOre };
    },
    check: (v) => {
      const taxOre = parseKronor(v.tax);
      return taxOre === null || taxOre < 0 ? { tax: 'Ange skatten i kronor.' } : {};
    },
    fieldOf: (path) => (path === 'taxOre' ? 'tax' : path),
    resetOnSuccess: false,
    onSuccess: onDone,
  });
  return (
    <Form validationBehavior="aria" onSubmit={submit} className="stack">
      <div className="row">
        <TextInput
          control={control}
          name="tax"
          label="Skatt enligt tabell (kr)"
          labelHidden
          placeholder="Skatt, kr"
          className="small"
        />
        <Button type="submit" className="button" isDisabled={busy}>
          Spara skatt
        </Button>
      </div>
      <FormMessage>{message}</FormMessage>
    </Form>
  );
}

interface RedateValues {
  paymentDate: string;
  reason: string;
}

/** Pay date: a draft moves freely; an attested batch only by an attestant, with a reason (kept and shown). */
function Redate({ batch, onDone, busy }: { batch: PayoutBatch; onDone: () => void; busy: boolean }) {
  const attested = batch.status === 'attesterad';
  // Keyed by the pay date where it is used: a new date starts a fresh form.
  const form = useProcForm<'payouts.redate', RedateValues>('payouts.redate', {
    defaultValues: { paymentDate: batch.paymentDate, reason: '' },
    toInput: (v) => ({ batchId: batch.id, ...v }),
    resetOnSuccess: false,
    onSuccess: onDone,
  });
  return (
    <Form validationBehavior="aria" onSubmit={form.submit} className="stack" aria-label="Ändra utbetalningsdag">
      <div className="row">
        <TextInput
          control={form.control}
          name="paymentDate"
          label="Ny utbetalningsdag"
          placeholder="ÅÅÅÅ-MM-DD"
          className="month"
        />
        {attested && <TextInput control={form.control} name="reason" label="Skäl till ny dag" />}
        <Button type="submit" className="button" isDisabled={busy || form.busy}>
          Ändra dag
        </Button>
      </div>
      <FormMessage>{form.message}</FormMessage>
    </Form>
  );
}

/** Voids the batch's active export (an attestant, with a reason that is kept and shown). */
function VoidExport({ batchId, busy, onDone }: { batchId: number; busy: boolean; onDone: () => void }) {
  const form = useProcInputForm('payouts.voidExport', {
    defaultValues: { batchId, reason: '' },
    onSuccess: onDone,
  });
  return (
    <Form validationBehavior="aria" onSubmit={form.submit} className="stack" aria-label="Makulera export">
      <div className="row">
        <TextInput control={form.control} name="reason" label="Skäl till makulering" />
        <Button type="submit" className="button" isDisabled={busy || form.busy}>
          Makulera exporten
        </Button>
      </div>
      <FormMessage>{form.message}</FormMessage>
    </Form>
  );
}

/** One payout batch: lines (with birth date, account and the changed-account check), totals, problems, attest, pay date, export and void. */
export function BatchView({ batch, roles, onChanged }: { batch: PayoutBatch; roles: Role[]; onChanged: () => void }) {
  const canAttest = roles.includes('attestant');
  const active = batch.exports.filter((e) => !e.voidedAt);
  const [format, setFormat] = useState<PayoutFormat>(
    (active[0]?.format as PayoutFormat | undefined) ?? batch.channel ?? 'pain001',
  );
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const exportedBefore = active.some((e) => e.format === format);
  // One action at a time: the buttons are disabled while a call runs, and a double-click sends one.
  const [busy, guard] = useBusy();
  const run = (fn: () => Promise<unknown>) =>
    guard(async () => {
      setMessage(null);
      try {
        await fn();
        onChanged();
      } catch (e) {
        setMessage(e instanceof ApiError ? e.message : 'Något gick fel.');
      }
    });
  const t = batch.totals;
  const draft = batch.status === 'utkast';
  return (
    <section className="panel" aria-label={`Utbetalning ${batch.id}`}>
      <h3>
        {batch.kind === 'rättelse' ? 'Rättelse' : 'Utbetalning'} {batch.month}{' '}
        <span className={`badge ${batch.status === 'attesterad' ? 'godkand' : ''}`}>
          {batch.status === 'attesterad'
            ? `Attesterad av ${batch.attestedBy} ${formatDateTime(batch.attestedAt!)}`
            : 'Utkast'}
        </span>
      </h3>
      <p>
        Utbetalningsdag {batch.paymentDate}
        {batch.executionDate !== batch.paymentDate && <> (banken genomför {batch.executionDate}, en bankdag före)</>}.
        {batch.channel && <> Betalas via {PAYOUT_FORMAT_LABELS[batch.channel]}.</>} Skapad av {batch.createdBy}.
      </p>
      {batch.redates.length > 0 && (
        <ul className="muted" aria-label="Ändrade utbetalningsdagar">
          {batch.redates.map((r) => (
            <li key={r.at}>
              {formatDateTime(r.at)}: {r.from} → {r.to} av {r.by ?? '–'} ({r.reason})
            </li>
          ))}
        </ul>
      )}
      {batch.missing.length > 0 && (
        <div className="warning">
          <strong>Betalas inte ut denna månad:</strong>
          <ul>
            {batch.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {batch.problems.length > 0 && (
        <div className="warning">
          <ul>
            {batch.problems.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <table className="table" aria-label="Utbetalningsrader">
        <thead>
          <tr>
            <th scope="col">Kontaktperson</th>
            <th scope="col">Konto{draft ? '' : ' (låst vid attest)'}</th>
            <th scope="col">Arvode</th>
            <th scope="col">Omkostnad</th>
            <th scope="col">Utlägg</th>
            <th scope="col">Skatt</th>
            <th scope="col">Netto</th>
            <th scope="col">Arbetsgivaravgift</th>
            <th scope="col">Underlag</th>
          </tr>
        </thead>
        <tbody>
          {batch.lines.map((l) => (
            <tr key={l.id} className={l.accountChanged ? 'flagged' : undefined}>
              <td>
                {l.name}
                <br />
                <span className="small-text muted">
                  {l.personnummerMasked}
                  {l.employeeNumber ? `, anst.nr ${l.employeeNumber}` : ''}
                </span>
              </td>
              <td className="nowrap">
                {l.account ? `${l.clearing}, ${l.account}` : '–'}
                {l.accountChanged && (
                  <div className="warning small-text">
                    <strong>Kontonummer ändrat sedan förra utbetalningen</strong>
                    <div>{l.accountChangeNote}</div>
                    {draft && canAttest ? (
                      <Checkbox
                        className="checkbox"
                        isSelected={l.accountChangeCheckedBy !== null}
                        onChange={(v) =>
                          void run(() => call('payouts.checkAccountChange', { lineId: l.id, checked: v }))
                        }
                        aria-label={`Kontot kontrollerat för ${l.name} ${l.personnummerMasked}`}
                      >
                        <span className="box" aria-hidden="true" />
                        Kontrollerat{l.accountChangeCheckedBy ? ` av ${l.accountChangeCheckedBy}` : ''}
                      </Checkbox>
                    ) : (
                      <div>
                        {l.accountChangeCheckedBy ? `Kontrollerat av ${l.accountChangeCheckedBy}` : 'Ej kontrollerat'}
                      </div>
                    )}
                  </div>
                )}
              </td>
              <td>{formatKronor(l.arvodeOre)}</td>
              <td>{formatKronor(l.omkostnadOre)}</td>
              <td>{formatKronor(l.expensesOre)}</td>
              <td>
                {l.taxOre === null ? (
                  draft ? (
                    <TableTax lineId={l.id} onDone={onChanged} />
                  ) : (
                    '–'
                  )
                ) : (
                  formatKronor(l.taxOre)
                )}
              </td>
              <td>{l.netOre === null ? '–' : formatKronor(l.netOre)}</td>
              <td>{formatKronor(l.feeOre)}</td>
              <td className="wrap small-text">{l.details.join(' ')}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Summa</th>
            <td />
            <td>{formatKronor(t.arvodeOre)}</td>
            <td>{formatKronor(t.omkostnadOre)}</td>
            <td>{formatKronor(t.expensesOre)}</td>
            <td>{formatKronor(t.taxOre)}</td>
            <td>{formatKronor(t.netOre)}</td>
            <td>{formatKronor(t.feeOre)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <FormMessage>{message}</FormMessage>
      {draft && (
        <div className="row">
          {canAttest && (
            <Button
              className="button primary"
              isDisabled={busy}
              onPress={() => void run(() => call('payouts.attest', { batchId: batch.id }))}
            >
              Attestera
            </Button>
          )}
          {roles.includes('handlaggare') && (
            <Button
              className="button"
              isDisabled={busy}
              onPress={() => void run(() => call('payouts.deleteDraft', { batchId: batch.id }))}
            >
              Ta bort utkastet
            </Button>
          )}
        </div>
      )}
      {(draft || (canAttest && active.length === 0)) && (
        <Redate
          key={batch.paymentDate}
          batch={batch}
          busy={busy}
          onDone={() => {
            setMessage(null);
            onChanged();
          }}
        />
      )}
      {batch.status === 'attesterad' && (
        <div className="stack">
          <RadioGroup className="field" value={format} onChange={(v) => setFormat(v as PayoutFormat)}>
            <Label>Exportera</Label>
            <div className="row">
              {PAYOUT_FORMATS.map((f) => (
                <Radio key={f} value={f} className="radio">
                  <span className="dot" aria-hidden="true" />
                  {PAYOUT_FORMAT_LABELS[f]}
                  {f === batch.channel ? ' (enhetens betalsätt)' : ''}
                </Radio>
              ))}
            </div>
          </RadioGroup>
          {LEGACY_FORMATS.includes(format) && <p className="warning">{LEGACY_WARNING}</p>}
          {exportedBefore && (
            <TextField className="field" value={reason} onChange={setReason}>
              <Label>Skäl till ny export (samma fil, samma meddelande-id)</Label>
              <Input />
            </TextField>
          )}
          <Button
            className="button primary"
            isDisabled={busy}
            onPress={() =>
              void run(async () => {
                const r = await call('payouts.export', { batchId: batch.id, format, reason });
                setSaved(r.savedTo ? `Sparad: ${r.savedTo}` : 'Ingen fil sparades.');
                setWarning(r.warning);
                setReason('');
              })
            }
          >
            Exportera fil
          </Button>
          <FormMessage tone="ok">{saved}</FormMessage>
          {warning && <p className="warning">{warning}</p>}
          <div className="row">
            <Button
              className="button"
              isDisabled={busy}
              onPress={() =>
                void run(async () => {
                  const r = await call('payouts.exportPdf', { batchId: batch.id, document: 'attestlista' });
                  setSaved(r.savedTo ? `Sparad: ${r.savedTo}` : 'Ingen fil sparades.');
                })
              }
            >
              Attestlista (PDF)
            </Button>
            <Button
              className="button"
              isDisabled={busy}
              onPress={() =>
                void run(async () => {
                  const r = await call('payouts.exportPdf', { batchId: batch.id, document: 'specifikationer' });
                  setSaved(r.savedTo ? `Sparad: ${r.savedTo}` : 'Ingen fil sparades.');
                })
              }
            >
              Specifikationer per kontaktperson (PDF)
            </Button>
          </div>
          {batch.exports.length > 0 && (
            <ul className="muted" aria-label="Exporter">
              {batch.exports.map((e) => (
                <li key={e.id}>
                  {formatDateTime(e.at)}: {PAYOUT_FORMAT_LABELS[e.format as PayoutFormat] ?? e.format}
                  {e.msgId ? `, meddelande-id ${e.msgId}` : ''}
                  {e.reason ? ` (${e.reason})` : ''}
                  {e.voidedAt && (
                    <strong>
                      {' '}
                      Makulerad {formatDateTime(e.voidedAt)}: {e.voidReason}
                    </strong>
                  )}
                </li>
              ))}
            </ul>
          )}
          {canAttest && active.length > 0 && (
            <VoidExport
              batchId={batch.id}
              busy={busy}
              onDone={() => {
                setMessage(null);
                onChanged();
              }}
            />
          )}
        </div>
      )}
    </section>
  );
}
