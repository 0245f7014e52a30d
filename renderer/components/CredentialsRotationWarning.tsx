import { Button } from 'react-aria-components';
import { toLocalIsoDate } from '../../shared/dates';
import { ROTATION_ADVICE } from '../../shared/server/credentials-rotation';
import { useProc } from '../data/useProc';
import { useNavigation } from '../session/navigation';

/**
 * Admins, on a shared server: a user was deactivated and the database account's password has not
 * changed since, so that user's old password still opens the account from older key files. Shown on
 * Översikt (with a way to Inställningar → Databas) and in that tab, until changed credentials are saved.
 */
export function CredentialsRotationWarning({ link = false }: { link?: boolean }) {
  const { go } = useNavigation();
  // A failed check shows nothing here; Inställningar → Databas shows the error itself.
  const info = useProc('dataSource.get', {});
  const due = info.data?.kind === 'server' ? info.data.rotationPending : null;
  if (!due) return null;
  return (
    <div className="warning row" role="alert" aria-label="Databaskontots lösenord">
      <span>
        {due.username} inaktiverades {toLocalIsoDate(new Date(due.since))} och databaskontots lösenord har inte bytts
        sedan dess. {ROTATION_ADVICE}
      </span>
      {link && (
        <Button className="button" onPress={() => go('installningar', 'databas')}>
          Öppna Inställningar → Databas
        </Button>
      )}
    </div>
  );
}
