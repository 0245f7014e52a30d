import { Button } from 'react-aria-components';
import type { ProcOutput } from '../../../shared/ipc/contract';
import { FormMessage } from '../../components/form';
import { errorText, useProc, useProcMutation } from '../../data/useProc';

type Flag = ProcOutput<'assignments.possibleAvbrott'>[number];

/** "Möjligt avbrott" on an assignment, with the one-step registration that feeds the IVO report. */
export function AvbrottFlag({ assignmentId, onRegistered }: { assignmentId: number; onRegistered: () => void }) {
  // A failed check shows no flag (the Översikt list of possible avbrott shows the same data).
  const flags = useProc('assignments.possibleAvbrott', {});
  const register = useProcMutation('assignments.registerAvbrott', {
    invalidates: ['assignments.', 'dashboard.', 'legal.', 'reports.'],
    onSuccess: onRegistered,
  });
  const flag = flags.data?.find((f) => f.assignmentId === assignmentId);
  if (!flag) return null;
  return (
    <AvbrottNotice
      flag={flag}
      message={register.error && errorText(register.error)}
      onRegister={() => register.mutate({ assignmentId })}
    />
  );
}

export function AvbrottNotice({
  flag,
  message,
  onRegister,
}: {
  flag: Flag;
  message: string | null;
  onRegister: () => void;
}) {
  return (
    <div className="warning" role="status">
      <p>
        Möjligt avbrott: inga träffar i godkända månadsrapporter för {flag.silentMonths.join(', ')}
        {flag.lastMeetingDate ? ` (senaste träff ${flag.lastMeetingDate})` : ' (ingen rapporterad träff)'}. Avbrott över
        tre månader ska rapporteras till IVO.
      </p>
      <Button className="button" onPress={onRegister}>
        Registrera avbrott från {flag.silentSince}
      </Button>
      <FormMessage>{message}</FormMessage>
    </div>
  );
}
