import { useState } from 'react';
import { Button } from 'react-aria-components';
import { FormMessage } from '../components/form';
import { errorText, useProcMutation } from '../data/useProc';
import type { SessionStatus } from '../../shared/ipc/procedures/session';

/**
 * First start on a second workstation: the connection file ("anslutningsfil") an admin exported on a
 * workstation of the installation is read here and handed to main, which checks it and writes this
 * data folder's key file. The users then log in with their usual passwords.
 */
export function JoinForm({ onJoined, onCancel }: { onJoined: (s: SessionStatus) => void; onCancel: () => void }) {
  const [content, setContent] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const join = useProcMutation('session.join', { onSuccess: (s) => onJoined(s) });
  const pick = async (file: File | undefined) => {
    setMessage(null);
    if (!file) return setContent(null);
    if (file.size > 5_000_000) {
      setContent(null);
      return setMessage('Filen är för stor för en anslutningsfil.');
    }
    setFileName(file.name);
    setContent(await file.text());
  };
  const submit = () => {
    if (!content) return setMessage('Välj anslutningsfilen.');
    join.mutate({ content }, { onError: (err) => setMessage(errorText(err)) });
  };
  return (
    <main className="auth-page">
      <div className="auth-card wide stack">
        <h1>Anslut till befintlig installation</h1>
        <p className="muted">
          Kontaktregistret finns redan på en databasserver. Be en administratör exportera en anslutningsfil under
          Inställningar → Databas på en dator som redan är ansluten, och välj filen här. Sedan loggar ni in med era
          vanliga användarnamn och lösenord.
        </p>
        <label className="field">
          <span>Anslutningsfil</span>
          <input type="file" accept=".json,application/json" onChange={(e) => void pick(e.target.files?.[0])} />
        </label>
        {content && <p className="muted">Vald fil: {fileName}</p>}
        <FormMessage>{message}</FormMessage>
        <div className="row">
          <Button className="button primary" onPress={submit} isDisabled={join.isPending}>
            {join.isPending ? 'Ansluter…' : 'Anslut'}
          </Button>
          <Button className="button" onPress={onCancel}>
            Tillbaka
          </Button>
        </div>
      </div>
    </main>
  );
}
