import { Button } from 'react-aria-components';
import { useProc } from '../data/useProc';
import { useNavigation } from '../session/navigation';
import { useToday } from '../session/today';
import { backupAge, backupAgeWarning, knownServerBackupDates } from '../../shared/backup/age';

/**
 * Översikt (admins): warns when no backup is known or the newest is more than a week old
 * (shared/backup/age.ts), with a button to Inställningar → Säkerhetskopiering. Locally that is the
 * app's own copies (and no folder chosen is a warning too); on a shared server, the pg_dump copies
 * IT's script or an admin has recorded.
 */
export function BackupWarning() {
  const today = useToday();
  const { go } = useNavigation();
  // A failed check shows nothing (this is a reminder; Inställningar shows the backup state itself).
  const server = useProc('backup.serverStatus', {});
  const local = server.data?.server === false;
  const settings = useProc('backup.getSettings', {}, { enabled: local });
  const copies = useProc('backup.list', {}, { enabled: local && Boolean(settings.data?.folder) });
  const message = server.data?.server
    ? backupAgeWarning(backupAge(knownServerBackupDates(server.data.backups), today), 'server')
    : localMessage(settings.data?.folder, copies.data, today);
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

function localMessage(
  folder: string | undefined,
  copies: ReadonlyArray<{ createdAt: string }> | undefined,
  today: string,
): string | null {
  if (folder === undefined) return null;
  if (!folder) return 'Ingen mapp för säkerhetskopior är vald: inga kopior tas.';
  if (!copies) return null;
  return backupAgeWarning(
    backupAge(
      copies.map((c) => c.createdAt.slice(0, 10)),
      today,
    ),
    'local',
  );
}
