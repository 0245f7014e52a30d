import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import type { ProcOutput } from '../../shared/ipc/contract';
import { call } from '../api';
import { useNavigation } from '../session/navigation';
import { useToday } from '../session/today';

/**
 * The yearly figures (prisbasbelopp): warns from 1 October when next year's are missing, and when this
 * year's are missing or only demo values. Admins get a link to the editor; others are told whom to ask.
 */
export function RatesWarning({ isAdmin }: { isAdmin: boolean }) {
  const today = useToday();
  const [status, setStatus] = useState<ProcOutput<'rates.status'> | null>(null);
  const { go } = useNavigation();
  useEffect(() => {
    call('rates.status', {}).then(setStatus, () => setStatus(null));
  }, [today]);
  const w = status?.warning;
  if (!w) return null;
  return (
    <div className="warning row" role="status" aria-label="Ersättningsnivåer">
      <span>{w.message}</span>
      {isAdmin ? (
        <Button className="button" onPress={() => go('installningar', 'ersattningsnivaer')}>
          {w.kind === 'demo' ? `Öppna ersättningsnivåerna för ${w.year}` : `Lägg in ${w.year} års nivåer`}
        </Button>
      ) : (
        <span className="muted">Kontakta en administratör.</span>
      )}
    </div>
  );
}
