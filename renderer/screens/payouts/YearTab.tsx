import { useEffect, useState } from 'react';
import { ExportButton } from '../../components/ExportButton';
import { PeriodField } from './MonthPicker';
import type { ProcOutput } from '../../../shared/ipc/contract';
import { formatKronor } from '../../../shared/money';
import { formatPersonnummer } from '../../../shared/personnummer';
import { call } from '../../api';
import { useToday } from '../../session/today';
import { FormMessage } from '../../components/form';

/** Årssammanställning: per person and month, and the AGI boxes for payroll and economy. */
export function YearTab() {
  const today = useToday();
  const [year, setYear] = useState(() => Number(today.slice(0, 4)));
  const [rows, setRows] = useState<ProcOutput<'payouts.yearSummary'>>([]);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => void call('payouts.yearSummary', { year }).then(setRows, (e: Error) => setMessage(e.message)), [year]);
  return (
    <>
      <PeriodField value={String(year)} onChange={(v) => setYear(Number(v))} label="År" pattern={/^(19|20)\d{2}$/} hint="året som ÅÅÅÅ" />
      <ExportButton input={{ list: 'arssammanstallning', year }} />
      <FormMessage>{message}</FormMessage>
      <table className="table" aria-label="Årssammanställning">
        <thead><tr><th scope="col">Kontaktperson</th><th scope="col">Månad</th><th scope="col">Arvode</th><th scope="col">Skatt</th><th scope="col">Omkostnad</th><th scope="col">AGI 011</th><th scope="col">AGI 131</th><th scope="col">AGI 001</th><th scope="col">AGI 020</th></tr></thead>
        <tbody>
          {rows.flatMap((p) =>
            p.months.map((m, i) => (
              <tr key={`${p.contactPersonId}-${m.month}`}>
                <td>{i === 0 ? `${p.name} (${formatPersonnummer(p.personnummer)})` : ''}</td>
                <td>{m.month}</td><td>{formatKronor(m.arvodeOre)}</td><td>{formatKronor(m.taxOre)}</td><td>{formatKronor(m.omkostnadOre)}</td>
                <td>{m.agi011}</td><td>{m.agi131}</td><td>{m.agi001}</td><td>{m.agi020}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      {rows.length === 0 && <p className="muted">Inga attesterade utbetalningar det året.</p>}
    </>
  );
}
