import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { call } from '../api';
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
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const settings = await call('backup.getSettings', {});
        if (!settings.folder) return live && setMessage('Ingen mapp för säkerhetskopior är vald: inga kopior tas.');
        const copies = await call('backup.list', {});
        const newest = copies.map((c) => c.createdAt.slice(0, 10)).sort().at(-1);
        if (!newest) return live && setMessage('Det finns ingen säkerhetskopia ännu.');
        if (newest < addDays(today, -BACKUP_STALE_DAYS)) return live && setMessage(`Den senaste säkerhetskopian är från ${newest}.`);
        if (live) setMessage(null);
      } catch {
        if (live) setMessage(null);
      }
    })();
    return () => {
      live = false;
    };
  }, [today]);
  if (!message) return null;
  return (
    <div className="warning row" role="status" aria-label="Säkerhetskopiering">
      <span>{message}</span>
      <Button className="button" onPress={() => go('installningar', 'sakerhetskopiering')}>Öppna säkerhetskopieringen</Button>
    </div>
  );
}
