import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import type { AuditEntry, AuditVerifyResult } from '../../shared/ipc/procedures/audit';
import { formatDateTime } from '../../shared/dates';
import { call } from '../api';
import { FormMessage } from '../components/form';

/** The audit log, newest first, with verification of the hash chain. */
export function AuditScreen() {
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('audit.list', { limit: 200 }).then(setRows, (e: Error) => setError(e.message));
  }, []);

  return (
    <>
      <h1>Logg</h1>
      <div className="row">
        <Button className="button" onPress={() => call('audit.verify', {}).then(setVerify, (e: Error) => setError(e.message))}>
          Kontrollera loggkedjan
        </Button>
      </div>
      {verify && (
        <FormMessage tone={verify.ok ? 'ok' : 'error'}>
          {verify.ok ? `Loggkedjan är hel: ${verify.checked} rader kontrollerade.` : `Loggkedjan är bruten: ${verify.reason}`}
        </FormMessage>
      )}
      <FormMessage>{error}</FormMessage>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Nr</th>
            <th scope="col">Tid</th>
            <th scope="col">Användare</th>
            <th scope="col">Händelse</th>
            <th scope="col">Objekt</th>
            <th scope="col">Detalj</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.id}</td>
              <td>{formatDateTime(r.at)}</td>
              <td>{r.username ?? '–'}</td>
              <td>{r.action}</td>
              <td>{r.entityType ? `${r.entityType} ${r.entityId ?? ''}` : '–'}</td>
              <td className="wrap">{r.detail ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
