import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import type { ProcOutput } from '../../../shared/ipc/contract';
import { formatDateTime } from '../../../shared/dates';
import { call } from '../../api';
import { FormMessage } from '../../components/form';

/** PDFs kept in the encrypted database; "Spara som fil" is the only way one reaches the disk. */
export function ArchiveList({ assignmentId, contactPersonId, refresh }: { assignmentId?: number; contactPersonId?: number; refresh: number }) {
  const [rows, setRows] = useState<ProcOutput<'documents.archive'>>([]);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => void call('documents.archive', { assignmentId, contactPersonId }).then(setRows), [assignmentId, contactPersonId, refresh]);
  return (
    <>
      <table className="table" aria-label="Dokumentarkiv">
        <thead><tr><th scope="col">Dokument</th><th scope="col">Skapat</th><th scope="col">Av</th><th scope="col">Storlek</th><th scope="col"><span className="sr-only">Åtgärd</span></th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.title}</td><td>{formatDateTime(r.createdAt)}</td><td>{r.createdBy}</td><td>{Math.round(r.bytes / 1024)} kB</td>
              <td><Button className="link" onPress={() => void call('documents.exportPdf', { documentId: r.id }).then((x) => setMessage(x.savedTo ? `Sparad: ${x.savedTo}` : 'Ingen fil sparades.'))}>Spara som fil</Button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="muted">Inga sparade dokument.</p>}
      <FormMessage tone="ok">{message}</FormMessage>
    </>
  );
}
