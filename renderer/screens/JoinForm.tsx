import { useState } from 'react';
import { Button } from 'react-aria-components';
import { FormMessage } from '../components/form';
import { errorText, useProcMutation } from '../data/useProc';
import {
  CONNECTION_FILE_MAX_CHARS,
  CONNECTION_FILE_TOO_BIG,
  joinInput,
  type SessionStatus,
} from '../../shared/ipc/procedures/session';

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
  // The contract's own rules and messages, checked before anything is sent (a huge file is not read).
  const check = (text: string) => {
    const r = joinInput.safeParse({ content: text });
    return r.success ? null : (r.error.issues[0]?.message ?? null);
  };
  const pick = async (file: File | undefined) => {
    setMessage(null);
    setContent(null);
    if (!file) return;
    if (file.size > CONNECTION_FILE_MAX_CHARS) return setMessage(CONNECTION_FILE_TOO_BIG);
    setFileName(file.name);
    setContent(await file.text());
  };
  const submit = () => {
    const problem = check(content ?? '');
    if (problem) return setMessage(problem);
    join.mutate({ content: content ?? '' }, { onError: (err) => setMessage(errorText(err)) });
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
