import { useState } from 'react';
import { Button } from 'react-aria-components';
import { FormMessage } from '../../components/form';
import { errorText, useProc, useProcMutation } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';
import { AvbrottNotice } from './AvbrottFlag';

/** Översikt: the LSS register (1–25 October), decisions whose law was guessed, possible avbrott, the log review. */
export function LegalReminders({ isCase }: { isCase: boolean }) {
  const reminders = useProc('legal.reminders', {});
  const r = reminders.data;
  const possible = useProc('assignments.possibleAvbrott', {}, { enabled: isCase && (r?.possibleAvbrott ?? 0) > 0 });
  const avbrott = isCase && (r?.possibleAvbrott ?? 0) > 0 ? (possible.data ?? []) : [];
  // The decisions with a guessed law are listed only when asked for.
  const [showGuessed, setShowGuessed] = useState(false);
  const guessedQuery = useProc('decisions.guessedLaws', {}, { enabled: showGuessed });
  const guessed = showGuessed ? (guessedQuery.data ?? null) : null;
  const register = useProcMutation('assignments.registerAvbrott', {
    invalidates: ['assignments.', 'legal.', 'dashboard.', 'reports.'],
  });
  if (!r) return <QueryErrors of={[reminders]} />;
  return (
    <>
      {r.participants.registered > 0 && (
        <p className="muted">
          Utan individuell behovsprövning (räknas för sig): {r.participants.registered} deltagare,{' '}
          {r.participants.activeAssignments} med pågående uppdrag.
        </p>
      )}
      {r.lssRegister && (
        <p className="warning" role="status">
          Socialstyrelsens LSS-register: rapportera alla med verkställd LSS-insats den {r.lssRegister.referenceDate}{' '}
          senast {r.lssRegister.deadline} (Rapporter → LSS-registret).
        </p>
      )}
      {r.logReview && (
        <p className="warning" role="status">
          Logguppföljning:{' '}
          {r.logReview.lastReviewedAt
            ? `senaste granskningen gjordes ${r.logReview.lastReviewedAt.slice(0, 10)}`
            : 'ingen granskning är gjord ännu'}{' '}
          (Logg → Logguppföljning).
        </p>
      )}
      {r.guessedLaws > 0 && (
        <div className="panel">
          <h2>Lagrum att kontrollera</h2>
          <p>
            {r.guessedLaws} beslut fick lag och paragraf gissade när programmet uppdaterades. Bekräfta eller rätta dem
            under respektive brukare.
          </p>
          {guessed === null ? (
            <Button className="button" onPress={() => setShowGuessed(true)}>
              Visa besluten
            </Button>
          ) : (
            <table className="table" aria-label="Beslut med gissat lagrum">
              <thead>
                <tr>
                  <th scope="col">Brukare</th>
                  <th scope="col">Beslut</th>
                  <th scope="col">Lagrumstext</th>
                  <th scope="col">Gissat</th>
                  <th scope="col">Personkrets</th>
                </tr>
              </thead>
              <tbody>
                {guessed.map((g) => (
                  <tr key={g.decisionId}>
                    <td>{g.clientName}</td>
                    <td>{g.decisionDate}</td>
                    <td>{g.legalBasis}</td>
                    <td>
                      {g.paragraph} {g.law}
                    </td>
                    <td>{g.personkrets ?? 'saknas'}</td>
                  </tr>
                ))}
              </tbody>
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
              <AvbrottNotice
                flag={f}
                message={null}
                onRegister={() => register.mutate({ assignmentId: f.assignmentId })}
              />
            </div>
          ))}
        </div>
      )}
      <QueryErrors of={[possible, guessedQuery]} />
      <FormMessage>{register.error && errorText(register.error)}</FormMessage>
    </>
  );
}
