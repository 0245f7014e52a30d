import { useState } from 'react';
import { Input, Label, TextField } from 'react-aria-components';
import { formatDateTime, isValidIsoDate } from '../../../shared/dates';
import { FormMessage } from '../../components/form';
import { errorText, useProc } from '../../data/useProc';
import { previousMonth } from '../../../shared/dates';
import { useToday } from '../../session/today';
import { daysInMonth } from '../../../shared/compensation/amounts';

/** Report: changes of payment details (bank account, personnummer, anställningsnummer) in a period, masked. */
export function ChangesTab() {
  const month = previousMonth(useToday());
  const [from, setFrom] = useState(`${month}-01`);
  const [to, setTo] = useState(`${month}-${String(daysInMonth(month)).padStart(2, '0')}`);
  const datesOk = isValidIsoDate(from) && isValidIsoDate(to);
  const changes = useProc('payouts.paymentDetailChanges', { from, to }, { enabled: datesOk, keepPrevious: true });
  const rows = changes.data ?? [];
  const message = !datesOk ? 'Ange datum som ÅÅÅÅ-MM-DD.' : changes.error ? errorText(changes.error) : null;
  return (
    <>
      <div className="row">
        <TextField className="field month" value={from} onChange={setFrom}>
          <Label>Från</Label>
          <Input placeholder="ÅÅÅÅ-MM-DD" />
        </TextField>
        <TextField className="field month" value={to} onChange={setTo}>
          <Label>Till och med</Label>
          <Input placeholder="ÅÅÅÅ-MM-DD" />
        </TextField>
      </div>
      <FormMessage>{message}</FormMessage>
      <table className="table" aria-label="Ändrade betalningsuppgifter">
        <thead>
          <tr>
            <th scope="col">Tid</th>
            <th scope="col">Kontaktperson</th>
            <th scope="col">Uppgift</th>
            <th scope="col">Före</th>
            <th scope="col">Efter</th>
            <th scope="col">Ändrat av</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.at}-${r.contactPersonId}-${r.field}`}>
              <td>{formatDateTime(r.at)}</td>
              <td>
                {r.name} ({r.personnummerMasked})
              </td>
              <td>{r.field}</td>
              <td>{r.before}</td>
              <td>{r.after}</td>
              <td>{r.by ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && !message && <p className="muted">Inga ändrade betalningsuppgifter under perioden.</p>}
    </>
  );
}
