import { useState } from 'react';
import { useBusy } from '../components/useBusy';
import { ExportButton } from '../components/ExportButton';
import { Button, Label, Radio, RadioGroup } from 'react-aria-components';
import { call } from '../api';
import { FormMessage } from '../components/form';
import { useProc } from '../data/useProc';
import { QueryErrors } from '../data/QueryErrors';

import { previousQuarter } from '../../shared/dates';
import { useToday } from '../session/today';
import { LssRegisterPanel } from './legal/LssRegisterPanel';

type Q = 1 | 2 | 3 | 4;

/** Rapporter: ej verkställda beslut to IVO, per quarter, with the anonymous summary for fullmäktige. */
export function ReportsScreen() {
  const today = useToday();
  const [period, setPeriod] = useState<{ year: number; q: Q }>(() => previousQuarter(today));
  const ivo = useProc('reports.ivo', period);
  const report = ivo.data;
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, runBusy] = useBusy();
  const exportAs = (format: 'csv' | 'summary-csv' | 'pdf') => runBusy(() => exportNow(format));
  const exportNow = async (format: 'csv' | 'summary-csv' | 'pdf') => {
    setSaved(null);
    try {
      const r = await call('reports.exportIvo', { ...period, format });
      setSaved(r.savedTo ? `Sparad: ${r.savedTo}` : 'Ingen fil sparades.');
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  const years = [period.year - 1, period.year, period.year + 1];
  return (
    <>
      <h1>Rapporter</h1>
      <h2>Ej verkställda beslut och avbrott (IVO)</h2>
      <div className="row">
        <RadioGroup
          className="field"
          value={String(period.year)}
          onChange={(y) => setPeriod({ ...period, year: Number(y) })}
        >
          <Label>År</Label>
          <div className="row">
            {years.map((y) => (
              <Radio key={y} value={String(y)} className="radio">
                <span className="dot" aria-hidden="true" />
                {y}
              </Radio>
            ))}
          </div>
        </RadioGroup>
        <RadioGroup
          className="field"
          value={String(period.q)}
          onChange={(q) => setPeriod({ ...period, q: Number(q) as Q })}
        >
          <Label>Kvartal</Label>
          <div className="row">
            {[1, 2, 3, 4].map((q) => (
              <Radio key={q} value={String(q)} className="radio">
                <span className="dot" aria-hidden="true" />
                {q}
              </Radio>
            ))}
          </div>
        </RadioGroup>
      </div>
      <QueryErrors of={[ivo]} />
      <FormMessage>{message}</FormMessage>
      {report && (
        <>
          <p>
            {report.period.start} – {report.period.end}: <strong>{report.summary.total}</strong> att rapportera (
            {report.summary.byGender.kvinna} kvinnor, {report.summary.byGender.man} män; väntat högst 6 mån{' '}
            {report.summary.byWait.upTo6Months}, 6–12 mån {report.summary.byWait.upTo12Months}, mer än 12 mån{' '}
            {report.summary.byWait.over12Months}).
          </p>
          <div className="row">
            <Button className="button" isDisabled={busy} onPress={() => void exportAs('pdf')}>
              Rapport med sammanställning (PDF)
            </Button>
            <Button className="button" isDisabled={busy} onPress={() => void exportAs('csv')}>
              Exportera individrapporter (CSV)
            </Button>
            <Button className="button" isDisabled={busy} onPress={() => void exportAs('summary-csv')}>
              Exportera sammanställning för fullmäktige (CSV)
            </Button>
            <ExportButton input={{ list: 'ivo', quarter: period }} />
          </div>
          <FormMessage tone="ok">{saved}</FormMessage>
          <table className="table" aria-label="IVO-rapport">
            <thead>
              <tr>
                <th scope="col">Kod</th>
                <th scope="col">Lagrum</th>
                <th scope="col">Beslut</th>
                <th scope="col">Typ</th>
                <th scope="col">Avbrott</th>
                <th scope="col">Gräns</th>
                <th scope="col">Verkställt eller avslutat</th>
                <th scope="col">Dagar</th>
                <th scope="col">Erbjudanden</th>
                <th scope="col">Skäl</th>
              </tr>
            </thead>
            <tbody>
              {report.lines.map((l) => (
                <tr key={`${l.decisionId}-${l.kind}-${l.interruptionDate ?? ''}`}>
                  <td>{l.code}</td>
                  <td className="wrap">{l.legalReference}</td>
                  <td>{l.decisionDate}</td>
                  <td className="wrap">{l.kindLabel}</td>
                  <td>{l.interruptionDate ?? ''}</td>
                  <td>{l.deadline}</td>
                  <td>{l.closedDate ?? ''}</td>
                  <td>{l.daysWaited}</td>
                  <td className="wrap">
                    {l.offers.map((o, i) => (
                      <span key={i}>
                        {i > 0 && ', '}
                        <span className="nowrap">{o.date}</span> {o.outcome}
                      </span>
                    ))}
                  </td>
                  <td className="wrap">{l.delayReason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <LssRegisterPanel />
    </>
  );
}
