import { Button } from 'react-aria-components';
import { useProc } from '../data/useProc';
import { useNavigation } from '../session/navigation';
import { useToday } from '../session/today';
import { addDays } from '../../shared/dates';

/** A backup older than this many days is worth a warning on Översikt. */
export const BACKUP_STALE_DAYS = 7;

/**
 * Översikt (admins): warns when no backup folder is chosen, when no copy exists, or when the newest
 * copy is more than a week old, with a button to Inställningar → Säkerhetskopiering.
 */
export function BackupWarning() {
  const today = useToday();
  const { go } = useNavigation();
  // A failed check shows nothing (this is a reminder; Inställningar shows the backup state itself).
  const settings = useProc('backup.getSettings', {});
  const copies = useProc('backup.list', {}, { enabled: Boolean(settings.data?.folder) });
  const message = backupMessage(settings.data?.folder, copies.data, today);
  if (!message) return null;
  return (
    <div className="warning row" role="status" aria-label="Säkerhetskopiering">
      <span>{message}</span>
      <Button className="button" onPress={() => go('installningar', 'sakerhetskopiering')}>
        Öppna säkerhetskopieringen
      </Button>
    </div>
  );
}

function backupMessage(
  folder: string | undefined,
  copies: ReadonlyArray<{ createdAt: string }> | undefined,
  today: string,
): string | null {
  if (folder === undefined) return null;
  if (!folder) return 'Ingen mapp för säkerhetskopior är vald: inga kopior tas.';
  if (!copies) return null;
  const newest = copies
    .map((c) => c.createdAt.slice(0, 10))
    .sort()
    .at(-1);
  if (!newest) return 'Det finns ingen säkerhetskopia ännu.';
  if (newest < addDays(today, -BACKUP_STALE_DAYS)) return `Den senaste säkerhetskopian är från ${newest}.`;
  return null;
}
