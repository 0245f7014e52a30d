import { useState } from 'react';
import { ExportButton } from '../../components/ExportButton';
import { PeriodField } from './MonthPicker';
import { formatKronor } from '../../../shared/money';
import { formatPersonnummer } from '../../../shared/personnummer';
import { useToday } from '../../session/today';
import { useProc } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';

/** Årssammanställning: per person and month, and the AGI boxes for payroll and economy. */
export function YearTab() {
  const today = useToday();
  const [year, setYear] = useState(() => Number(today.slice(0, 4)));
  const summary = useProc('payouts.yearSummary', { year });
  const rows = summary.data ?? [];
  return (
    <>
      <PeriodField
        value={String(year)}
        onChange={(v) => setYear(Number(v))}
        label="År"
        pattern={/^(19|20)\d{2}$/}
        hint="året som ÅÅÅÅ"
      />
      <ExportButton input={{ list: 'arssammanstallning', year }} />
      <QueryErrors of={[summary]} />
      <table className="table" aria-label="Årssammanställning">
        <thead>
          <tr>
            <th scope="col">Kontaktperson</th>
            <th scope="col">Månad</th>
            <th scope="col">Arvode</th>
            <th scope="col">Skatt</th>
            <th scope="col">Omkostnad</th>
            <th scope="col">AGI 011</th>
            <th scope="col">AGI 131</th>
            <th scope="col">AGI 001</th>
            <th scope="col">AGI 020</th>
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((p) =>
            p.months.map((m, i) => (
              <tr key={`${p.contactPersonId}-${m.month}`}>
                <td>{i === 0 ? `${p.name} (${formatPersonnummer(p.personnummer)})` : ''}</td>
                <td>{m.month}</td>
                <td>{formatKronor(m.arvodeOre)}</td>
                <td>{formatKronor(m.taxOre)}</td>
                <td>{formatKronor(m.omkostnadOre)}</td>
                <td>{m.agi011}</td>
                <td>{m.agi131}</td>
                <td>{m.agi001}</td>
                <td>{m.agi020}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      {rows.length === 0 && <p className="muted">Inga attesterade utbetalningar det året.</p>}
    </>
  );
}
