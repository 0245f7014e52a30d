import { useState } from 'react';
import { Button } from 'react-aria-components';
import { CP_STATUS_LABELS, type CpStatus } from '../../../shared/contact-persons/status';
import { OUTCOME_LABELS, REGISTER_LABELS } from '../../../shared/contact-persons/register-checks';
import { formatPersonnummer } from '../../../shared/personnummer';
import { formatDateTime } from '../../../shared/dates';
import { TAX_MODE_LABELS } from '../../../shared/ipc/procedures/cp';
import { useProc } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';
import { ConsentForm, InterviewForm, ReferenceForm, RegisterCheckForm, TransitionForm } from './AssessmentForms';
import { ContactPersonForm } from './ContactPersonForm';
import { RevealAddress } from './RevealAddress';
import { DocumentActions } from '../documents/DocumentActions';
import { ArchiveList } from '../documents/ArchiveList';
import { Expandable } from '../../components/Expandable';

const TRANSITION_VERBS: Partial<Record<CpStatus, string>> = {
  intervju_bokad: 'Boka intervju',
  utredning_pagar: 'Starta utredning',
  godkand: 'Godkänn',
  ej_godkand: 'Godkänn inte',
  vilande: 'Gör vilande',
  avslutad: 'Avsluta',
  intresseanmalan: 'Tillbaka till intresseanmälan',
};

/** One contact person: facts, assessment, status and timeline. Opening it is logged. */
export function ContactPersonDetail({ id, onBack, notice }: { id: number; onBack: () => void; notice?: string[] }) {
  const detail = useProc('cp.get', { id });
  const d = detail.data;
  const [editing, setEditing] = useState(false);
  const [transition, setTransition] = useState<CpStatus | null>(null);
  const [warnings, setWarnings] = useState<string[]>(notice ?? []);
  // The assessment forms reload this person through the cache ('cp.' is invalidated on save).
  const load = () => detail.refetch();

  if (!d) return detail.error ? <QueryErrors of={[detail]} /> : <p className="muted">Hämtar…</p>;
  const v = d.values;
  const canAssess = d.status !== 'ej_godkand' && d.status !== 'avslutad';
  // During the assessment the forms are open; once approved, each is a button until needed.
  const assessing = ['intresseanmalan', 'intervju_bokad', 'utredning_pagar'].includes(d.status);

  if (editing) {
    return (
      <>
        <h1>
          Ändra {v.firstName} {v.lastName}
        </h1>
        <ContactPersonForm
          existing={d}
          onCancel={() => setEditing(false)}
          onSaved={(_id, w) => {
            setWarnings(w);
            setEditing(false);
            void load();
          }}
        />
      </>
    );
  }

  return (
    <>
      <Button className="link" onPress={onBack}>
        ← Tillbaka till listan
      </Button>
      <h1>
        {v.firstName} {v.lastName} <span className={`badge ${d.status}`}>{CP_STATUS_LABELS[d.status]}</span>
      </h1>
      {[
        ...new Set([
          ...warnings,
          ...(d.bankCheck.status === 'doubtful' && d.bankCheck.message ? [d.bankCheck.message] : []),
        ]),
      ].map((w) => (
        <p key={w} className="warning">
          {w}
        </p>
      ))}
      {d.extractWarning && <p className="warning">{d.extractWarning}</p>}
      <div className="grid2">
        <div className="panel">
          <h2>Uppgifter</h2>
          <dl className="facts">
            <dt>Personnummer</dt>
            <dd>{formatPersonnummer(v.personnummer)}</dd>
            <dt>Adress</dt>
            <dd>
              {d.addressHidden ? (
                <RevealAddress id={d.id} />
              ) : (
                [v.street, `${v.postalCode} ${v.city}`.trim()].filter(Boolean).join(', ') || '–'
              )}
            </dd>
            <dt>Telefon</dt>
            <dd>{v.phone || '–'}</dd>
            <dt>E-post</dt>
            <dd>{v.email || '–'}</dd>
            <dt>Område</dt>
            <dd>{v.area || '–'}</dd>
            <dt>Arbetsplats</dt>
            <dd>{v.workplace || '–'}</dd>
            <dt>Språk</dt>
            <dd>{v.languages.join(', ') || '–'}</dd>
            <dt>Intressen</dt>
            <dd>{v.interests.join(', ') || '–'}</dd>
            <dt>Uppdrag med</dt>
            <dd>{[v.prefersChildren && 'barn', v.prefersAdults && 'vuxna'].filter(Boolean).join(' och ') || '–'}</dd>
            <dt>Bank</dt>
            <dd>{v.bankClearing ? `${d.bankCheck.bankName ?? ''} ${v.bankClearing}, ${v.bankAccount}` : '–'}</dd>
            {v.employeeNumber && (
              <>
                <dt>Anställningsnummer</dt>
                <dd>{v.employeeNumber}</dd>
              </>
            )}
            <dt>Skatt</dt>
            <dd>
              {TAX_MODE_LABELS[v.taxMode]}
              {v.taxMode === 'table'
                ? ` (tabell ${v.taxTable}, kolumn ${v.taxColumn})`
                : v.taxMode === 'percentage'
                  ? ` (${v.taxPercent} %)`
                  : ''}
            </dd>
            {d.queueSince && (
              <>
                <dt>I kön sedan</dt>
                <dd>
                  {d.queueSince}
                  {d.daysWaiting !== null ? ` (${d.daysWaiting} dagar)` : ''}
                </dd>
              </>
            )}
          </dl>
          <Button className="button" onPress={() => setEditing(true)}>
            Ändra uppgifter
          </Button>
        </div>
        <div className="panel">
          <h2>Status</h2>
          {d.approvalBlockers.length > 0 && (
            <div className="warning">
              <strong>Kvar innan godkännande:</strong>
              <ul>
                {d.approvalBlockers.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="row">
            {d.allowedTransitions.map((to) => (
              <Button key={to} className="button" onPress={() => setTransition(to)}>
                {TRANSITION_VERBS[to] ?? CP_STATUS_LABELS[to]}
              </Button>
            ))}
          </div>
          {transition && (
            <TransitionForm
              id={d.id}
              to={transition}
              label={CP_STATUS_LABELS[transition]}
              onCancel={() => setTransition(null)}
              onDone={() => setTransition(null)}
            />
          )}
          <h3>Tidslinje</h3>
          <ol className="timeline" aria-label="Tidslinje">
            {d.events.map((e) => (
              <li key={e.id}>
                <strong>{e.date}</strong>{' '}
                {[
                  e.kind === 'status' && e.toStatus
                    ? `Status: ${CP_STATUS_LABELS[e.toStatus as CpStatus]}`
                    : e.kind === 'registered'
                      ? 'Intresseanmälan registrerad'
                      : '',
                  e.note,
                ]
                  .filter(Boolean)
                  .join(' – ')}
                <div className="muted">
                  {e.user ?? ''} · {formatDateTime(e.at)}
                </div>
              </li>
            ))}
          </ol>
        </div>
      </div>
      <div className="panel">
        <h2>Utredning</h2>
        <h3>Intervjuer</h3>
        {d.interviews.map((i) => (
          <p key={i.id}>
            <strong>{i.date}</strong> ({i.interviewer}): {i.notes}
          </p>
        ))}
        {canAssess && (
          <Expandable open={assessing} label="Lägg till intervju">
            {(close) => <InterviewForm id={d.id} onDone={close} />}
          </Expandable>
        )}
        <h3>Referenser</h3>
        {d.references.map((r) => (
          <p key={r.id}>
            <strong>{r.name}</strong> {r.phone} {r.relation && `(${r.relation})`} {r.notes}
          </p>
        ))}
        {canAssess && (
          <Expandable open={assessing} label="Lägg till referens">
            {(close) => <ReferenceForm id={d.id} onDone={close} />}
          </Expandable>
        )}
        <h3>Samtycke</h3>
        {d.consentDate ? (
          <p>Samtycke lämnat {d.consentDate}.</p>
        ) : canAssess ? (
          <ConsentForm id={d.id} onDone={() => undefined} />
        ) : (
          <p className="muted">Inget samtycke registrerat.</p>
        )}
        <h3>Registerkontroller</h3>
        <table className="table" aria-label="Registerkontroller">
          <thead>
            <tr>
              <th scope="col">Register</th>
              <th scope="col">Utdrag</th>
              <th scope="col">Visat</th>
              <th scope="col">Resultat</th>
              <th scope="col">Giltigt för start t.o.m.</th>
              <th scope="col">Kontrollerat av</th>
            </tr>
          </thead>
          <tbody>
            {d.registerChecks.map((c) => (
              <tr key={c.id}>
                <td>{REGISTER_LABELS[c.register]}</td>
                <td>{c.extractDate}</td>
                <td>{c.shownDate}</td>
                <td>
                  {OUTCOME_LABELS[c.outcome]}
                  {c.assessmentNote ? `: ${c.assessmentNote}` : ''}
                </td>
                <td>{c.usableUntil ?? '–'}</td>
                <td>{c.checkedBy ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {canAssess && (
          <Expandable open={assessing} label="Lägg till registerkontroll">
            {(close) => <RegisterCheckForm id={d.id} onDone={close} />}
          </Expandable>
        )}
      </div>
      {d.queueSince && (
        <div className="panel">
          <h2>Brev och dokument</h2>
          <h3>Godkännandebrev</h3>
          <DocumentActions
            docRef={{ kind: 'brev-godkand', contactPersonId: d.id }}
            protectedParty={v.protectedIdentity}
          />
          <ArchiveList contactPersonId={d.id} />
        </div>
      )}
    </>
  );
}
