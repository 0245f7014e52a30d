import { useState } from 'react';
import { Button } from 'react-aria-components';
import { formatKronor } from '../../../shared/money';
import { FormMessage } from '../../components/form';
import { errorText, useProc, useProcMutation } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';
import { MonthPicker } from './MonthPicker';
import { previousMonth } from '../../../shared/dates';
import { useToday } from '../../session/today';
import { ReportForm } from './ReportForm';
import { LevelsForm } from './LevelsForm';

/** Månadsrapporter: every assignment that ran in the month, its report and its approval. */
export function ReportsTab() {
  const today = useToday();
  const [month, setMonth] = useState(() => previousMonth(today));
  const reports = useProc('reports.month', { month });
  const rows = reports.data ?? [];
  const [open, setOpen] = useState<{ id: number; kind: 'report' | 'levels' } | null>(null);
  const load = () => reports.refetch();
  const done = () => {
    setOpen(null);
    void load();
  };
  const approval = useProcMutation('reports.approve', {
    invalidates: ['reports.', 'payouts.'],
    onSuccess: () => setOpen(null),
  });
  const approve = (id: number) => approval.mutate({ assignmentId: id, month });
  return (
    <>
      <MonthPicker value={month} onChange={setMonth} />
      <QueryErrors of={[reports]} />
      <FormMessage>{approval.error && errorText(approval.error)}</FormMessage>
      <table className="table" aria-label="Månadsrapporter">
        <thead>
          <tr>
            <th scope="col">Kontaktperson</th>
            <th scope="col">Brukare</th>
            <th scope="col">Dagar</th>
            <th scope="col">Nivåer</th>
            <th scope="col">Rapport</th>
            <th scope="col">Åtgärd</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.assignmentId}>
              <td>{r.contactPersonName}</td>
              <td>{r.clientName}</td>
              <td>{r.activeDays < r.daysInMonth ? `${r.activeDays} av ${r.daysInMonth}` : 'Hela'}</td>
              <td>{r.arvodeLevel ? `${r.arvodeLevel} / ${r.omkostnadLevel}` : <span className="late">Saknas</span>}</td>
              <td className="wrap">
                {!r.report ? (
                  <span className="late">Saknas</span>
                ) : (
                  <>
                    <span className={`badge ${r.report.status === 'godkand' ? 'godkand' : ''}`}>
                      {r.report.status === 'godkand' ? `Godkänd av ${r.report.approvedBy ?? ''}` : 'Inlämnad'}
                    </span>{' '}
                    {r.report.meetingDates.length} träffar, {(r.report.minutes / 60).toLocaleString('sv-SE')} tim
                    {r.report.expensesOre ? `, utlägg ${formatKronor(r.report.expensesOre)}` : ''}
                  </>
                )}
              </td>
              <td className="wrap">
                <div className="row">
                  <Button
                    className="button"
                    onPress={() => setOpen({ id: r.assignmentId, kind: 'levels' })}
                    aria-label={`Nivåer för ${r.contactPersonName}`}
                  >
                    Nivåer
                  </Button>
                  {r.report?.status !== 'godkand' && (
                    <Button
                      className="button"
                      onPress={() => setOpen({ id: r.assignmentId, kind: 'report' })}
                      aria-label={`${r.report ? 'Ändra rapport' : 'Registrera rapport'} för ${r.contactPersonName}`}
                    >
                      {r.report ? 'Ändra rapport' : 'Registrera rapport'}
                    </Button>
                  )}
                  {r.report?.status === 'inlamnad' && (
                    <Button
                      className="button primary"
                      onPress={() => void approve(r.assignmentId)}
                      aria-label={`Godkänn rapport för ${r.contactPersonName}`}
                    >
                      Godkänn
                    </Button>
                  )}
                </div>
                {open?.id === r.assignmentId && open.kind === 'report' && (
                  <ReportForm
                    assignmentId={r.assignmentId}
                    month={month}
                    existing={r.report}
                    onDone={done}
                    onCancel={() => setOpen(null)}
                  />
                )}
                {open?.id === r.assignmentId && open.kind === 'levels' && (
                  <LevelsForm
                    assignmentId={r.assignmentId}
                    version={r.assignmentVersion}
                    current={{ arvode: r.arvodeLevel, omkostnad: r.omkostnadLevel }}
                    onDone={done}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="muted">Inga uppdrag var aktiva den månaden.</p>}
    </>
  );
}
