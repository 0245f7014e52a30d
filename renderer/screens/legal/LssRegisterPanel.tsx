import { useState } from 'react';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { isValidIsoDate } from '../../../shared/dates';
import { useToday } from '../../session/today';
import { FormMessage } from '../../components/form';
import { errorText, useProc, useProcMutation } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';

/** Socialstyrelsen's LSS register: the pre-check and the file for a reference date (default this year's 1 October, or last year's before it). */
export function LssRegisterPanel() {
  const today = useToday();
  // The reference day is the unit's data (Inställningar → Lagrum och rapporter), 1 October by default:
  // this year's, or last year's before it. What the officer types replaces it.
  const settings = useProc('legal.settings', {});
  const [typed, setDate] = useState<string | null>(null);
  const year = Number(today.slice(0, 4));
  const day = settings.data?.lssReferenceDay;
  const date = typed ?? (day ? `${today.slice(5) >= day ? year : year - 1}-${day}` : '');
  const [asked, setAsked] = useState<string | null>(null);
  const report = useProc('reports.lssRegister', { referenceDate: asked ?? '' }, { enabled: asked !== null });
  const r = asked !== null ? report.data : undefined;
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const run = () => {
    if (!isValidIsoDate(date)) return setMessage('Ange referensdagen som ÅÅÅÅ-MM-DD.');
    setMessage(null);
    if (asked === date) void report.refetch();
    else setAsked(date);
  };
  const exportFile = useProcMutation('reports.exportLssRegister', {
    onSuccess: (x) => setSaved(x.savedTo ? `Sparad: ${x.savedTo}` : 'Ingen fil sparades.'),
  });
  const exportAs = (format: 'xlsx' | 'csv') => exportFile.mutate({ referenceDate: date, format });
  const errors = r?.issues.filter((i) => i.severity === 'fel') ?? [];
  return (
    <section aria-label="LSS-registret">
      <h2>Socialstyrelsens LSS-register</h2>
      <p className="muted">
        Alla med verkställd insats enligt LSS på referensdagen, en rad per person (SOSFS 2005:21, bilagan enligt HSLF-FS
        2016:48).
      </p>
      <div className="row">
        <TextField className="field" value={date} onChange={setDate}>
          <Label>Referensdag</Label>
          <Input className="input" />
        </TextField>
        <Button className="button primary" onPress={run}>
          Ta fram
        </Button>
      </div>
      <FormMessage>{message}</FormMessage>
      <QueryErrors of={[settings, report]} />
      <FormMessage>{exportFile.error && errorText(exportFile.error)}</FormMessage>
      {r && (
        <>
          <p>
            {r.counts.persons} personer den {r.referenceDate}; sista dag att rapportera {r.deadline}.
            {Object.entries(r.counts.byPersonkrets).map(([k, n]) => ` Personkrets ${k}: ${n}.`)}
            {r.counts.withoutPersonkrets > 0 && ` Utan personkrets: ${r.counts.withoutPersonkrets}.`}
          </p>
          <h3>Kontroll före rapportering</h3>
          {r.issues.length === 0 ? (
            <p>Inga fel eller oklarheter.</p>
          ) : (
            <table className="table" aria-label="Kontroll före rapportering">
              <thead>
                <tr>
                  <th scope="col">Brukare</th>
                  <th scope="col">Typ</th>
                  <th scope="col">Vad</th>
                </tr>
              </thead>
              <tbody>
                {r.issues.map((i) => (
                  <tr key={`${i.decisionId}-${i.problem}`}>
                    <td>{i.name}</td>
                    <td className={i.severity === 'fel' ? 'late' : ''}>
                      {i.severity === 'fel' ? 'Fel' : 'Kontrollera'}
                    </td>
                    <td className="wrap">{i.problem}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {errors.length > 0 && <p className="warning">{errors.length} fel behöver rättas innan rapporten skickas.</p>}
          <div className="row">
            <Button className="button" onPress={() => exportAs('xlsx')}>
              Exportera (Excel)
            </Button>
            <Button className="button" onPress={() => exportAs('csv')}>
              Exportera (CSV)
            </Button>
          </div>
          <FormMessage tone="ok">{saved}</FormMessage>
        </>
      )}
    </section>
  );
}
