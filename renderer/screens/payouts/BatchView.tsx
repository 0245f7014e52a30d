import { useState } from 'react';
import { Button, Checkbox, Input, Label, Radio, RadioGroup, TextField } from 'react-aria-components';
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
import { FormMessage } from '../../components/form';
import { useBusy } from '../../components/useBusy';

function TableTax({ lineId, onDone }: { lineId: number; onDone: () => void }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const ore = parseKronor(value);
    if (ore === null || ore < 0) return setError('Ange skatten i kronor.');
    try {
      await call('payouts.setTableTax', { lineId, taxOre: ore });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Något gick fel.');
    }
  };
  return (
    <div className="row">
      <TextField className="field small" value={value} onChange={setValue} aria-label="Skatt enligt tabell (kr)">
        <Input placeholder="Skatt, kr" />
      </TextField>
      <Button className="button" onPress={() => void save()}>
        Spara skatt
      </Button>
      {error && <span className="late">{error}</span>}
    </div>
  );
}

/** Pay date: a draft moves freely; an attested batch only by an attestant, with a reason (kept and shown). */
function Redate({
  batch,
  onDone,
  run,
  busy,
}: {
  batch: PayoutBatch;
  onDone: () => void;
  run: (fn: () => Promise<unknown>) => Promise<void>;
  busy: boolean;
}) {
  const [date, setDate] = useState(batch.paymentDate);
  const [reason, setReason] = useState('');
  const attested = batch.status === 'attesterad';
  return (
    <div className="row" role="group" aria-label="Ändra utbetalningsdag">
      <TextField className="field month" value={date} onChange={setDate}>
        <Label>Ny utbetalningsdag</Label>
        <Input placeholder="ÅÅÅÅ-MM-DD" />
      </TextField>
      {attested && (
        <TextField className="field" value={reason} onChange={setReason}>
          <Label>Skäl till ny dag</Label>
          <Input />
        </TextField>
      )}
      <Button
        className="button"
        isDisabled={busy}
        onPress={() =>
          void run(async () => {
            await call('payouts.redate', { batchId: batch.id, paymentDate: date, reason });
            setReason('');
            onDone();
          })
        }
      >
        Ändra dag
      </Button>
    </div>
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
  const [voidReason, setVoidReason] = useState('');
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
        <Redate key={batch.paymentDate} batch={batch} onDone={onChanged} run={run} busy={busy} />
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
            <div className="row" role="group" aria-label="Makulera export">
              <TextField className="field" value={voidReason} onChange={setVoidReason}>
                <Label>Skäl till makulering</Label>
                <Input />
              </TextField>
              <Button
                className="button"
                isDisabled={busy}
                onPress={() =>
                  void run(async () => {
                    await call('payouts.voidExport', { batchId: batch.id, reason: voidReason });
                    setVoidReason('');
                  })
                }
              >
                Makulera exporten
              </Button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
