import { useProc } from '../data/useProc';
import { QueryErrors } from '../data/QueryErrors';
import { TrendCharts } from './TrendCharts';
import { RatesWarning } from '../components/RatesWarning';
import { LegalReminders } from './legal/LegalReminders';
import { BackupWarning } from '../components/BackupWarning';
import { CredentialsRotationWarning } from '../components/CredentialsRotationWarning';
import type { Role } from '../../shared/roles';
import { Button } from 'react-aria-components';
import { useNavigation } from '../session/navigation';

/** Översikt: the queue, who is waiting, and decisions near the three-month limit. */
export function OverviewScreen({ roles }: { roles: Role[] }) {
  const summary = useProc('dashboard.summary', {});
  const { go } = useNavigation();
  const s = summary.data;
  if (summary.error) return <QueryErrors of={[summary]} />;
  if (!s) return <p className="muted">Hämtar…</p>;
  const empty = s.queueLength + s.underAssessment + s.clientsWaiting + s.activeAssignments + s.openOffers === 0;
  return (
    <>
      <h1>Översikt</h1>
      <RatesWarning isAdmin={roles.includes('admin')} />
      <LegalReminders isCase={roles.includes('handlaggare')} />
      {roles.includes('admin') && <BackupWarning />}
      {roles.includes('admin') && <CredentialsRotationWarning link />}
      <div className="cards">
        <div className="card">
          <h2>Kö</h2>
          <p className="big">{s.queueLength}</p>
          <p className="muted">
            godkända kontaktpersoner väntar{s.averageQueueDays !== null ? `, i snitt ${s.averageQueueDays} dagar` : ''}
          </p>
        </div>
        <div className="card">
          <h2>Under utredning</h2>
          <p className="big">{s.underAssessment}</p>
          <p className="muted">intresseanmälningar och utredningar</p>
        </div>
        <div className="card">
          <h2>Väntande brukare</h2>
          <p className="big">{s.clientsWaiting}</p>
          <p className="muted">
            beslut som inte verkställts{s.longestWaitDays !== null ? `, längst ${s.longestWaitDays} dagar` : ''}
          </p>
        </div>
        <div className="card">
          <h2>Uppföljningar</h2>
          <p className={`big${s.followUpsOverdue ? ' late' : ''}`}>{s.followUpsOverdue}</p>
          <p className="muted">försenade, {s.followUpsSoon} inom 30 dagar</p>
        </div>
        <div className="card">
          <h2>Aktiva uppdrag</h2>
          <p className="big">{s.activeAssignments}</p>
          <p className="muted">{s.openOffers} förslag och erbjudanden pågår</p>
        </div>
      </div>
      {s.approachingDeadline.length > 0 && (
        <div className="panel">
          <h2>Nära eller över tremånadersgränsen</h2>
          <table className="table" aria-label="Nära tremånadersgränsen">
            <thead>
              <tr>
                <th scope="col">Brukare</th>
                <th scope="col">Beslut</th>
                <th scope="col">Gräns</th>
                <th scope="col">Dagar kvar</th>
              </tr>
            </thead>
            <tbody>
              {s.approachingDeadline.map((d) => (
                <tr key={d.decisionId}>
                  <td>
                    {roles.includes('handlaggare') ? (
                      <Button className="link" onPress={() => go('brukare', `brukare-${d.clientId}`)}>
                        {d.name}
                      </Button>
                    ) : (
                      d.name
                    )}
                  </td>
                  <td>{d.decisionDate}</td>
                  <td>{d.deadline}</td>
                  <td className={d.daysLeft < 0 ? 'late' : ''}>
                    {d.daysLeft < 0 ? `${-d.daysLeft} dagar över` : d.daysLeft}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {empty ? <p className="muted">Inga ärenden ännu.</p> : <TrendCharts />}
    </>
  );
}
