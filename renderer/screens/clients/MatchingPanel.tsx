import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { MatchRow } from '../../../shared/ipc/procedures/matching';
import { FormMessage } from '../../components/form';
import { errorText, useProc, useProcMutation } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';

/** Ranked contact persons for one decision, each with the reasons in plain Swedish. */
export function MatchingPanel({ decisionId, onProposed }: { decisionId: number; onProposed: () => void }) {
  const suggest = useProc('matching.suggest', { decisionId });
  const [override, setOverride] = useState<Record<number, string>>({});
  const proposal = useProcMutation('assignments.propose', {
    invalidates: ['assignments.', 'decisions.', 'clients.', 'matching.', 'cp.', 'dashboard.'],
    onSuccess: onProposed,
  });
  const propose = (row: MatchRow) => {
    proposal.mutate({
      decisionId,
      contactPersonId: row.contactPersonId,
      conflictOverride: override[row.contactPersonId] ?? '',
    });
  };

  const rows = suggest.data;
  if (!rows) return suggest.error ? <QueryErrors of={[suggest]} /> : <p className="muted">Söker kontaktpersoner…</p>;
  return (
    <div className="panel" aria-label="Förslag på kontaktpersoner" role="region">
      <h3>Förslag på kontaktpersoner ({rows.length} i kön)</h3>
      <FormMessage>{proposal.error && errorText(proposal.error)}</FormMessage>
      <ol className="matches">
        {rows.slice(0, 15).map((r) => (
          <li key={r.contactPersonId} className={r.excluded.length ? 'excluded' : r.conflicts.length ? 'conflict' : ''}>
            <div className="row spread">
              <span>
                <strong>{r.name}</strong> <span className="small-text">f. {r.birthDate}</span>
              </span>
              <span className="badge">{r.score} poäng</span>
            </div>
            <ul>
              {r.factors.map((f) => (
                <li key={f.text}>
                  <span className={f.points > 0 ? 'plus' : f.points < 0 ? 'minus' : 'zero'}>
                    {f.points > 0 ? `+${f.points}` : f.points}
                  </span>{' '}
                  {f.text}
                </li>
              ))}
              {r.excluded.map((e) => (
                <li key={e} className="minus">
                  Kan inte föreslås: {e}
                </li>
              ))}
              {r.conflicts.map((c) => (
                <li key={c} className="minus">
                  Jäv: {c}
                </li>
              ))}
            </ul>
            {r.conflicts.length > 0 && r.excluded.length === 0 && (
              <label className="field">
                <span>Skäl att ändå föreslå (loggas)</span>
                <input
                  value={override[r.contactPersonId] ?? ''}
                  onChange={(e) => setOverride({ ...override, [r.contactPersonId]: e.target.value })}
                />
              </label>
            )}
            {r.excluded.length === 0 && (
              <Button className="button" onPress={() => propose(r)} aria-label={`Föreslå ${r.name}`}>
                Föreslå
              </Button>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
