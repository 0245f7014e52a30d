import { Button } from 'react-aria-components';
import { useProc } from '../data/useProc';
import { useNavigation } from '../session/navigation';

/**
 * The yearly figures (prisbasbelopp): warns from 1 October when next year's are missing, and when this
 * year's are missing or only demo values. Admins get a link to the editor; others are told whom to ask.
 */
export function RatesWarning({ isAdmin }: { isAdmin: boolean }) {
  // A failed check shows nothing: this is a reminder, the payout itself refuses a missing year.
  const status = useProc('rates.status', {});
  const { go } = useNavigation();
  const w = status.data?.warning;
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
