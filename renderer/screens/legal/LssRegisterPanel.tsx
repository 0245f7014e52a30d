import { useEffect, useState } from 'react';
import { Button, Input, Label, TextField } from 'react-aria-components';
import type { ProcOutput } from '../../../shared/ipc/contract';
import { isValidIsoDate } from '../../../shared/dates';
import { useToday } from '../../session/today';
import { call } from '../../api';
import { FormMessage } from '../../components/form';

/** Socialstyrelsen's LSS register: the pre-check and the file for a reference date (default this year's 1 October, or last year's before it). */
export function LssRegisterPanel() {
  const today = useToday();
  const [date, setDate] = useState('');
  useEffect(() => {
    // The reference day is the unit's data (Inställningar → Lagrum och rapporter), 1 October by default.
    void call('legal.settings', {}).then((s) => {
      const year = Number(today.slice(0, 4));
      setDate((d) => d || `${today.slice(5) >= s.lssReferenceDay ? year : year - 1}-${s.lssReferenceDay}`);
    });
  }, [today]);
  const [r, setR] = useState<ProcOutput<'reports.lssRegister'> | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const run = () => {
    if (!isValidIsoDate(date)) return setMessage('Ange referensdagen som ÅÅÅÅ-MM-DD.');
    setMessage(null);
    void call('reports.lssRegister', { referenceDate: date }).then(setR, (e: Error) => setMessage(e.message));
  };
  const exportAs = (format: 'xlsx' | 'csv') =>
    call('reports.exportLssRegister', { referenceDate: date, format }).then((x) => setSaved(x.savedTo ? `Sparad: ${x.savedTo}` : 'Ingen fil sparades.'), (e: Error) => setMessage(e.message));
  const errors = r?.issues.filter((i) => i.severity === 'fel') ?? [];
  return (
    <section aria-label="LSS-registret">
      <h2>Socialstyrelsens LSS-register</h2>
      <p className="muted">Alla med verkställd insats enligt LSS på referensdagen, en rad per person (SOSFS 2005:21, bilagan enligt HSLF-FS 2016:48).</p>
      <div className="row">
        <TextField className="field" value={date} onChange={setDate}>
          <Label>Referensdag</Label>
          <Input className="input" />
        </TextField>
        <Button className="button primary" onPress={run}>Ta fram</Button>
      </div>
      <FormMessage>{message}</FormMessage>
      {r && (
        <>
          <p>
            {r.counts.persons} personer den {r.referenceDate}; sista dag att rapportera {r.deadline}.
            {Object.entries(r.counts.byPersonkrets).map(([k, n]) => ` Personkrets ${k}: ${n}.`)}
            {r.counts.withoutPersonkrets > 0 && ` Utan personkrets: ${r.counts.withoutPersonkrets}.`}
          </p>
          <h3>Kontroll före rapportering</h3>
          {r.issues.length === 0 ? <p>Inga fel eller oklarheter.</p> : (
            <table className="table" aria-label="Kontroll före rapportering">
              <thead><tr><th scope="col">Brukare</th><th scope="col">Typ</th><th scope="col">Vad</th></tr></thead>
              <tbody>{r.issues.map((i) => <tr key={`${i.decisionId}-${i.problem}`}><td>{i.name}</td><td className={i.severity === 'fel' ? 'late' : ''}>{i.severity === 'fel' ? 'Fel' : 'Kontrollera'}</td><td className="wrap">{i.problem}</td></tr>)}</tbody>
            </table>
          )}
          {errors.length > 0 && <p className="warning">{errors.length} fel behöver rättas innan rapporten skickas.</p>}
          <div className="row">
            <Button className="button" onPress={() => void exportAs('xlsx')}>Exportera (Excel)</Button>
            <Button className="button" onPress={() => void exportAs('csv')}>Exportera (CSV)</Button>
          </div>
          <FormMessage tone="ok">{saved}</FormMessage>
        </>
      )}
    </section>
  );
}
