import { useState } from 'react';
import { Button, Input, Label, Radio, RadioGroup, TextField } from 'react-aria-components';
import { PAYOUT_FORMATS, type PayoutBatch, type PayoutFormat } from '../../../shared/ipc/procedures/payouts';
import { formatKronor, parseKronor } from '../../../shared/money';
import { formatDateTime } from '../../../shared/dates';
import { call, ApiError } from '../../api';
import { FormMessage } from '../../components/form';

const FORMAT_LABELS: Record<PayoutFormat, string> = { pain001: 'Bankfil ISO 20022 (pain.001)', 'bgc-lon': 'Bankgirot Löner', paxml: 'Lön: PAXml 2.0', csv: 'Lön: CSV' };

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
      <TextField className="field small" value={value} onChange={setValue} aria-label="Skatt enligt tabell (kr)"><Input placeholder="Skatt, kr" /></TextField>
      <Button className="button" onPress={() => void save()}>Spara skatt</Button>
      {error && <span className="late">{error}</span>}
    </div>
  );
}

/** One payout batch: lines, totals, problems, attest and export. */
export function BatchView({ batch, canAttest, onChanged }: { batch: PayoutBatch; canAttest: boolean; onChanged: () => void }) {
  const [format, setFormat] = useState<PayoutFormat>('pain001');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const exportedBefore = batch.exports.some((e) => e.format === format);
  const run = async (fn: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await fn();
      onChanged();
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : 'Något gick fel.');
    }
  };
  const t = batch.totals;
  return (
    <section className="panel" aria-label={`Utbetalning ${batch.id}`}>
      <h3>
        {batch.kind === 'rättelse' ? 'Rättelse' : 'Utbetalning'} {batch.month} <span className={`badge ${batch.status === 'attesterad' ? 'godkand' : ''}`}>{batch.status === 'attesterad' ? `Attesterad av ${batch.attestedBy} ${formatDateTime(batch.attestedAt!)}` : 'Utkast'}</span>
      </h3>
      <p>Utbetalningsdag {batch.paymentDate}. Skapad av {batch.createdBy}.</p>
      {batch.missing.length > 0 && (
        <div className="warning"><strong>Betalas inte ut denna månad:</strong><ul>{batch.missing.map((m) => <li key={m}>{m}</li>)}</ul></div>
      )}
      {batch.problems.length > 0 && <div className="warning"><ul>{batch.problems.map((m) => <li key={m}>{m}</li>)}</ul></div>}
      <table className="table" aria-label="Utbetalningsrader">
        <thead><tr><th scope="col">Kontaktperson</th><th scope="col">Arvode</th><th scope="col">Omkostnad</th><th scope="col">Utlägg</th><th scope="col">Skatt</th><th scope="col">Netto</th><th scope="col">Arbetsgivaravgift</th><th scope="col">Underlag</th></tr></thead>
        <tbody>
          {batch.lines.map((l) => (
            <tr key={l.id}>
              <td>{l.name}</td>
              <td>{formatKronor(l.arvodeOre)}</td>
              <td>{formatKronor(l.omkostnadOre)}</td>
              <td>{formatKronor(l.expensesOre)}</td>
              <td>{l.taxOre === null ? (batch.status === 'utkast' ? <TableTax lineId={l.id} onDone={onChanged} /> : '–') : formatKronor(l.taxOre)}</td>
              <td>{l.netOre === null ? '–' : formatKronor(l.netOre)}</td>
              <td>{formatKronor(l.feeOre)}</td>
              <td className="wrap small-text">{l.details.join(' ')}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr><th scope="row">Summa</th><td>{formatKronor(t.arvodeOre)}</td><td>{formatKronor(t.omkostnadOre)}</td><td>{formatKronor(t.expensesOre)}</td><td>{formatKronor(t.taxOre)}</td><td>{formatKronor(t.netOre)}</td><td>{formatKronor(t.feeOre)}</td><td /></tr>
        </tfoot>
      </table>
      <FormMessage>{message}</FormMessage>
      {batch.status === 'utkast' && canAttest && <Button className="button primary" onPress={() => void run(() => call('payouts.attest', { batchId: batch.id }))}>Attestera</Button>}
      {batch.status === 'attesterad' && (
        <div className="stack">
          <RadioGroup className="field" value={format} onChange={(v) => setFormat(v as PayoutFormat)}>
            <Label>Exportera</Label>
            <div className="row">{PAYOUT_FORMATS.map((f) => <Radio key={f} value={f} className="radio"><span className="dot" aria-hidden="true" />{FORMAT_LABELS[f]}</Radio>)}</div>
          </RadioGroup>
          {exportedBefore && (
            <TextField className="field" value={reason} onChange={setReason}>
              <Label>Skäl till ny export (samma fil, samma meddelande-id)</Label>
              <Input />
            </TextField>
          )}
          <Button className="button primary" onPress={() => void run(async () => {
            const r = await call('payouts.export', { batchId: batch.id, format, reason });
            setSaved(r.savedTo ? `Sparad: ${r.savedTo}` : 'Ingen fil sparades.');
            setReason('');
          })}>Exportera fil</Button>
          <FormMessage tone="ok">{saved}</FormMessage>
          <div className="row">
            <Button className="button" onPress={() => void run(async () => {
              const r = await call('payouts.exportPdf', { batchId: batch.id, document: 'attestlista' });
              setSaved(r.savedTo ? `Sparad: ${r.savedTo}` : 'Ingen fil sparades.');
            })}>Attestlista (PDF)</Button>
            <Button className="button" onPress={() => void run(async () => {
              const r = await call('payouts.exportPdf', { batchId: batch.id, document: 'specifikationer' });
              setSaved(r.savedTo ? `Sparad: ${r.savedTo}` : 'Ingen fil sparades.');
            })}>Specifikationer per kontaktperson (PDF)</Button>
          </div>
          {batch.exports.length > 0 && <ul className="muted">{batch.exports.map((e) => <li key={e.at + e.format}>{formatDateTime(e.at)}: {FORMAT_LABELS[e.format as PayoutFormat] ?? e.format}{e.reason ? ` (${e.reason})` : ''}</li>)}</ul>}
        </div>
      )}
    </section>
  );
}
