import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import type { ProcOutput } from '../../../shared/ipc/contract';
import { call } from '../../api';
import { FormMessage } from '../../components/form';

type Flag = ProcOutput<'assignments.possibleAvbrott'>[number];

/** "Möjligt avbrott" on an assignment, with the one-step registration that feeds the IVO report. */
export function AvbrottFlag({ assignmentId, onRegistered }: { assignmentId: number; onRegistered: () => void }) {
  const [flag, setFlag] = useState<Flag | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => void call('assignments.possibleAvbrott', {}).then((all) => setFlag(all.find((f) => f.assignmentId === assignmentId) ?? null), () => setFlag(null)), [assignmentId]);
  if (!flag) return null;
  return <AvbrottNotice flag={flag} message={message} onRegister={async () => {
    try {
      await call('assignments.registerAvbrott', { assignmentId });
      setFlag(null);
      onRegistered();
    } catch (e) {
      setMessage((e as Error).message);
    }
  }} />;
}

export function AvbrottNotice({ flag, message, onRegister }: { flag: Flag; message: string | null; onRegister: () => void }) {
  return (
    <div className="warning" role="status">
      <p>
        Möjligt avbrott: inga träffar i godkända månadsrapporter för {flag.silentMonths.join(', ')}
        {flag.lastMeetingDate ? ` (senaste träff ${flag.lastMeetingDate})` : ' (ingen rapporterad träff)'}. Avbrott över tre månader ska rapporteras till IVO.
      </p>
      <Button className="button" onPress={onRegister}>Registrera avbrott från {flag.silentSince}</Button>
      <FormMessage>{message}</FormMessage>
    </div>
  );
}
