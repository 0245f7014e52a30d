import { addDays, daysBetween, toLocalIsoDate, type IsoDate } from '../dates';
import { count } from '../plural';

/** A newest backup older than this many days is worth a warning (local copies and server dumps alike). */
export const BACKUP_STALE_DAYS = 7;

/** How old the newest known backup is, judged by calendar days on the workstation. */
export type BackupAge =
  | { state: 'none' }
  | { state: 'fresh' | 'stale'; date: IsoDate; ageDays: number }
  /** Dated after today: a clock is wrong somewhere (the server's or this workstation's), so it proves nothing. */
  | { state: 'future'; date: IsoDate; ageDays: number };

/** `dates`: the local dates of the known backups, in any order. */
export function backupAge(dates: readonly IsoDate[], today: IsoDate, limitDays = BACKUP_STALE_DAYS): BackupAge {
  const newest = [...dates].sort().at(-1);
  if (!newest) return { state: 'none' };
  const ageDays = daysBetween(newest, today);
  if (ageDays < 0) return { state: 'future', date: newest, ageDays };
  return { state: newest < addDays(today, -limitDays) ? 'stale' : 'fresh', date: newest, ageDays };
}

/**
 * The warning for Översikt and Säkerhetskopiering, or null when the newest backup is recent enough.
 * `server`: the backups are the server's pg_dump copies that IT records, not the app's own files.
 */
export function backupAgeWarning(age: BackupAge, where: 'local' | 'server'): string | null {
  if (where === 'local') {
    if (age.state === 'none') return 'Det finns ingen säkerhetskopia ännu.';
    if (age.state === 'stale') return `Den senaste säkerhetskopian är från ${age.date}.`;
    return null; // as before server mode: a copy dated after today (a wrong clock then) is not warned of here
  }
  if (age.state === 'none')
    return 'Ingen säkerhetskopia av databasservern är känd. Be IT registrera den nattliga kopian, eller registrera en själv.';
  if (age.state === 'stale')
    return `Den senaste kända säkerhetskopian av databasservern är från ${age.date} (${count(age.ageDays, 'dag', 'dagar')} sedan). Kontrollera med IT att kopiorna tas.`;
  if (age.state === 'future')
    return `Den senaste kända säkerhetskopian av databasservern är daterad ${age.date}, efter dagens datum: kontrollera klockan på servern.`;
  return null;
}

/**
 * The local dates of the server backups that count as known: only records with their audit row (a row
 * written past the app and its log proves nothing).
 */
export function knownServerBackupDates(backups: ReadonlyArray<{ takenAt: string; audited: boolean }>): IsoDate[] {
  return backups.filter((b) => b.audited).map((b) => toLocalIsoDate(new Date(b.takenAt)));
}
