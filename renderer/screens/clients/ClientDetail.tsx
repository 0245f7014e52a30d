import { useState } from 'react';
import { Button } from 'react-aria-components';
import { CONNECTION_ROLE_LABELS } from '../../../shared/ipc/procedures/clients';
import { formatPersonnummer } from '../../../shared/personnummer';
import { useProc } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';
import { ClientForm } from './ClientForm';
import { DecisionForm } from './DecisionForm';
import { DecisionPanel } from './DecisionPanel';
import { RevealAddress } from '../contact-persons/RevealAddress';
import { AGE_GROUP_LABELS, type AgeGroup } from '../../../shared/legal/participants';

export function ClientDetail({ id, onBack }: { id: number; onBack: () => void }) {
  const detail = useProc('clients.get', { id });
  const d = detail.data;
  const [editing, setEditing] = useState(false);
  const [newDecision, setNewDecision] = useState(false);
  const load = () => detail.refetch();
  if (!d) return detail.error ? <QueryErrors of={[detail]} /> : <p className="muted">Hämtar…</p>;
  const v = d.values;
  if (editing)
    return (
      <>
        <h1>
          Ändra {v.firstName} {v.lastName}
        </h1>
        <ClientForm
          existing={d}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            void load();
          }}
        />
      </>
    );
  return (
    <>
      <Button className="link" onPress={onBack}>
        ← Tillbaka till listan
      </Button>
      <h1>
        {v.firstName} {v.lastName} <span className="badge">{d.isChild ? 'Barn' : 'Vuxen'}</span>
        {d.withoutAssessment && (
          <>
            {' '}
            <span className="badge">Utan behovsprövning</span>
          </>
        )}
      </h1>
      <div className="grid2">
        <div className="panel">
          <h2>Uppgifter</h2>
          <dl className="facts">
            {d.withoutAssessment ? (
              <>
                <dt>Åldersgrupp</dt>
                <dd>{AGE_GROUP_LABELS[d.ageGroup as AgeGroup] ?? d.ageGroup}</dd>
                <dt>Dokumentation</dt>
                <dd>
                  Insats utan individuell behovsprövning (socialtjänstlagen 2025:400): inga identitetsuppgifter, ingen
                  IVO-rapport.
                </dd>
              </>
            ) : (
              <>
                <dt>Personnummer</dt>
                <dd>{formatPersonnummer(v.personnummer)}</dd>
                <dt>IVO-kod</dt>
                <dd>{d.ivoCode}</dd>
              </>
            )}
            <dt>Adress</dt>
            <dd>
              {d.addressHidden ? (
                <RevealAddress id={d.id} procedure="clients.revealAddress" />
              ) : (
                [v.street, `${v.postalCode} ${v.city}`.trim()].filter(Boolean).join(', ') || '–'
              )}
            </dd>
            <dt>Område</dt>
            <dd>{v.area || '–'}</dd>
            <dt>Skola/arbete</dt>
            <dd>{v.workplace || '–'}</dd>
            <dt>Boende</dt>
            <dd>{v.residence || '–'}</dd>
            <dt>Språk</dt>
            <dd>{v.languages.join(', ')}</dd>
            <dt>Intressen</dt>
            <dd>{v.interests.join(', ') || '–'}</dd>
            <dt>Önskemål</dt>
            <dd>
              {v.wishes || '–'}
              {v.preferredGender ? ` Önskar en ${v.preferredGender}.` : ''}
              {v.preferredAgeMin || v.preferredAgeMax
                ? ` Ålder ${v.preferredAgeMin ?? ''}–${v.preferredAgeMax ?? ''} år.`
                : ''}
            </dd>
          </dl>
          {!d.withoutAssessment && (
            <Button className="button" onPress={() => setEditing(true)}>
              Ändra uppgifter
            </Button>
          )}
        </div>
        <div className="panel">
          <h2>Företrädare och kontakter</h2>
          {v.connections.length === 0 ? (
            <p className="muted">Inga.</p>
          ) : (
            <ul>
              {v.connections.map((c, i) => (
                <li key={i}>
                  {c.name} ({CONNECTION_ROLE_LABELS[c.role]}){c.phone ? `, ${c.phone}` : ''}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <div className="row spread">
        <h2>Beslut</h2>
        {!d.withoutAssessment && (
          <Button className="button" onPress={() => setNewDecision(true)}>
            Nytt beslut
          </Button>
        )}
      </div>
      {newDecision && (
        <DecisionForm
          clientId={d.id}
          onCancel={() => setNewDecision(false)}
          onDone={() => {
            setNewDecision(false);
            void load();
          }}
        />
      )}
      {d.decisions.length === 0 && !newDecision && <p className="muted">Inga beslut registrerade.</p>}
      {d.decisions.map((dec) => (
        <DecisionPanel key={dec.id} d={dec} onChanged={() => void load()} />
      ))}
    </>
  );
}
