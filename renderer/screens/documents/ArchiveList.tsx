import { useState } from 'react';
import { Button } from 'react-aria-components';
import { formatDateTime } from '../../../shared/dates';
import { FormMessage } from '../../components/form';
import { errorText, useProc, useProcMutation } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';

/** PDFs kept in the encrypted database; "Spara som fil" is the only way one reaches the disk. */
export function ArchiveList({ assignmentId, contactPersonId }: { assignmentId?: number; contactPersonId?: number }) {
  // A new PDF invalidates 'documents.' (DocumentActions), which reloads this list.
  const archive = useProc('documents.archive', { assignmentId, contactPersonId });
  const rows = archive.data ?? [];
  const [message, setMessage] = useState<string | null>(null);
  const save = useProcMutation('documents.exportPdf', {
    onSuccess: (x) => setMessage(x.savedTo ? `Sparad: ${x.savedTo}` : 'Ingen fil sparades.'),
  });
  return (
    <>
      <table className="table" aria-label="Dokumentarkiv">
        <thead>
          <tr>
            <th scope="col">Dokument</th>
            <th scope="col">Skapat</th>
            <th scope="col">Av</th>
            <th scope="col">Storlek</th>
            <th scope="col">
              <span className="sr-only">Åtgärd</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.title}</td>
              <td>{formatDateTime(r.createdAt)}</td>
              <td>{r.createdBy}</td>
              <td>{Math.round(r.bytes / 1024)} kB</td>
              <td>
                <Button
                  className="link"
                  onPress={() => {
                    setMessage(null);
                    save.mutate({ documentId: r.id });
                  }}
                >
                  Spara som fil
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="muted">Inga sparade dokument.</p>}
      <QueryErrors of={[archive]} />
      <FormMessage>{save.error && errorText(save.error)}</FormMessage>
      <FormMessage tone="ok">{message}</FormMessage>
    </>
  );
}
