import { useCallback, useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import type { ProcOutput } from '../../../shared/ipc/contract';
import { call } from '../../api';
import { FormMessage } from '../../components/form';
import { AvbrottNotice } from './AvbrottFlag';

/** Översikt: the LSS register (1–25 October), decisions whose law was guessed, possible avbrott, the log review. */
export function LegalReminders({ isCase }: { isCase: boolean }) {
  const [r, setR] = useState<ProcOutput<'legal.reminders'> | null>(null);
  const [avbrott, setAvbrott] = useState<ProcOutput<'assignments.possibleAvbrott'>>([]);
  const [guessed, setGuessed] = useState<ProcOutput<'decisions.guessedLaws'> | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(async () => {
    const rem = await call('legal.reminders', {});
    setR(rem);
    if (isCase && rem.possibleAvbrott > 0) setAvbrott(await call('assignments.possibleAvbrott', {}));
    else setAvbrott([]);
  }, [isCase]);
  useEffect(() => void load().catch((e: Error) => setMessage(e.message)), [load]);
  if (!r) return <FormMessage>{message}</FormMessage>;
  return (
    <>
      {r.participants.registered > 0 && (
        <p className="muted">Utan individuell behovsprövning (räknas för sig): {r.participants.registered} deltagare, {r.participants.activeAssignments} med pågående uppdrag.</p>
      )}
      {r.lssRegister && (
        <p className="warning" role="status">
          Socialstyrelsens LSS-register: rapportera alla med verkställd LSS-insats den {r.lssRegister.referenceDate} senast {r.lssRegister.deadline} (Rapporter → LSS-registret).
        </p>
      )}
      {r.logReview && (
        <p className="warning" role="status">
          Logguppföljning: {r.logReview.lastReviewedAt ? `senaste granskningen gjordes ${r.logReview.lastReviewedAt.slice(0, 10)}` : 'ingen granskning är gjord ännu'} (Logg → Logguppföljning).
        </p>
      )}
      {r.guessedLaws > 0 && (
        <div className="panel">
          <h2>Lagrum att kontrollera</h2>
          <p>{r.guessedLaws} beslut fick lag och paragraf gissade när programmet uppdaterades. Bekräfta eller rätta dem under respektive brukare.</p>
          {guessed === null ? (
            <Button className="button" onPress={() => void call('decisions.guessedLaws', {}).then(setGuessed, (e: Error) => setMessage(e.message))}>Visa besluten</Button>
          ) : (
            <table className="table" aria-label="Beslut med gissat lagrum">
              <thead><tr><th scope="col">Brukare</th><th scope="col">Beslut</th><th scope="col">Lagrumstext</th><th scope="col">Gissat</th><th scope="col">Personkrets</th></tr></thead>
              <tbody>{guessed.map((g) => <tr key={g.decisionId}><td>{g.clientName}</td><td>{g.decisionDate}</td><td>{g.legalBasis}</td><td>{g.paragraph} {g.law}</td><td>{g.personkrets ?? 'saknas'}</td></tr>)}</tbody>
            </table>
          )}
        </div>
      )}
      {avbrott.length > 0 && (
        <div className="panel">
          <h2>Möjliga avbrott</h2>
          {avbrott.map((f) => (
            <div key={f.assignmentId} className="assignment">
              <strong>{f.clientName}</strong> med {f.contactPersonName} (start {f.startDate})
              <AvbrottNotice flag={f} message={null} onRegister={() => void call('assignments.registerAvbrott', { assignmentId: f.assignmentId }).then(load, (e: Error) => setMessage(e.message))} />
            </div>
          ))}
        </div>
      )}
      <FormMessage>{message}</FormMessage>
    </>
  );
}
