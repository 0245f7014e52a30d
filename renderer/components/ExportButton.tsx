import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { ProcInput } from '../../shared/ipc/contract';
import { call, ApiError } from '../api';
import { useBusy } from './useBusy';

/** "Exportera till Excel" for a list or report; disabled while the file is being made. */
export function ExportButton({ input }: { input: ProcInput<'export.xlsx'> }) {
  const [msg, setMsg] = useState<string | null>(null);
  const [busy, run] = useBusy();
  return (
    <span className="row">
      <Button
        className="button"
        isDisabled={busy}
        onPress={() =>
          void run(() =>
            call('export.xlsx', input).then(
              (r) => setMsg(r.savedTo ? `Sparad: ${r.savedTo} (${r.rows} rader)` : null),
              (e) => setMsg(e instanceof ApiError ? e.message : 'Exporten misslyckades.'),
            ),
          )
        }
      >
        {busy ? 'Exporterar…' : 'Exportera till Excel'}
      </Button>
      {msg && (
        <span className="muted" role="status">
          {msg}
        </span>
      )}
    </span>
  );
}
