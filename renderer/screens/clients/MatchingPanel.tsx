import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import type { MatchRow } from '../../../shared/ipc/procedures/matching';
import { call, ApiError } from '../../api';
import { FormMessage } from '../../components/form';

/** Ranked contact persons for one decision, each with the reasons in plain Swedish. */
export function MatchingPanel({ decisionId, onProposed }: { decisionId: number; onProposed: () => void }) {
  const [rows, setRows] = useState<MatchRow[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [override, setOverride] = useState<Record<number, string>>({});
  useEffect(() => void call('matching.suggest', { decisionId }).then(setRows, (e: Error) => setMessage(e.message)), [decisionId]);

  const propose = async (row: MatchRow) => {
    setMessage(null);
    try {
      await call('assignments.propose', { decisionId, contactPersonId: row.contactPersonId, conflictOverride: override[row.contactPersonId] ?? '' });
      onProposed();
    } catch (err) {
      setMessage(err instanceof ApiError ? err.message : 'Något gick fel.');
    }
  };

  if (!rows) return <p className="muted">Söker kontaktpersoner…</p>;
  return (
    <div className="panel" aria-label="Förslag på kontaktpersoner" role="region">
      <h3>Förslag på kontaktpersoner ({rows.length} i kön)</h3>
      <FormMessage>{message}</FormMessage>
      <ol className="matches">
        {rows.slice(0, 15).map((r) => (
          <li key={r.contactPersonId} className={r.excluded.length ? 'excluded' : r.conflicts.length ? 'conflict' : ''}>
            <div className="row spread">
              <span><strong>{r.name}</strong> <span className="small-text">f. {r.birthDate}</span></span>
              <span className="badge">{r.score} poäng</span>
            </div>
            <ul>
              {r.factors.map((f) => (
                <li key={f.text}>
                  <span className={f.points > 0 ? 'plus' : f.points < 0 ? 'minus' : 'zero'}>{f.points > 0 ? `+${f.points}` : f.points}</span> {f.text}
                </li>
              ))}
              {r.excluded.map((e) => <li key={e} className="minus">Kan inte föreslås: {e}</li>)}
              {r.conflicts.map((c) => <li key={c} className="minus">Jäv: {c}</li>)}
            </ul>
            {r.conflicts.length > 0 && r.excluded.length === 0 && (
              <label className="field">
                <span>Skäl att ändå föreslå (loggas)</span>
                <input value={override[r.contactPersonId] ?? ''} onChange={(e) => setOverride({ ...override, [r.contactPersonId]: e.target.value })} />
              </label>
            )}
            {r.excluded.length === 0 && (
              <Button className="button" onPress={() => void propose(r)} aria-label={`Föreslå ${r.name}`}>Föreslå</Button>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
