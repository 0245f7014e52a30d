import { describe, expect, it } from 'vitest';
import { toLocalIsoDate } from '../dates';
import { BACKUP_STALE_DAYS, backupAge, backupAgeWarning, knownServerBackupDates } from './age';

describe('how old the newest backup is', () => {
  it('knows none, judges the newest of any order, and turns stale after the limit by calendar days', () => {
    expect(backupAge([], '2026-11-22')).toEqual({ state: 'none' });
    expect(backupAge(['2026-11-01', '2026-11-20', '2026-11-10'], '2026-11-22')).toEqual({
      state: 'fresh',
      date: '2026-11-20',
      ageDays: 2,
    });
    expect(BACKUP_STALE_DAYS).toBe(7);
    expect(backupAge(['2026-11-15'], '2026-11-22')).toMatchObject({ state: 'fresh', ageDays: 7 });
    expect(backupAge(['2026-11-14'], '2026-11-22')).toMatchObject({ state: 'stale', ageDays: 8 });
    // Over a month and a year end, and with the unit's own limit.
    expect(backupAge(['2026-12-30'], '2027-01-02', 2)).toMatchObject({ state: 'stale', ageDays: 3 });
    expect(backupAge(['2026-12-31'], '2027-01-02', 2)).toMatchObject({ state: 'fresh', ageDays: 2 });
    expect(backupAge(['2026-11-23'], '2026-11-22')).toEqual({ state: 'future', date: '2026-11-23', ageDays: -1 });
  });

  it('says it in Swedish for the local copies (as before) and for the server', () => {
    expect(backupAgeWarning(backupAge([], '2026-11-22'), 'local')).toBe('Det finns ingen säkerhetskopia ännu.');
    expect(backupAgeWarning(backupAge(['2026-11-01'], '2026-11-22'), 'local')).toBe(
      'Den senaste säkerhetskopian är från 2026-11-01.',
    );
    expect(backupAgeWarning(backupAge(['2026-11-21'], '2026-11-22'), 'local')).toBeNull();
    expect(backupAgeWarning(backupAge(['2026-11-23'], '2026-11-22'), 'local')).toBeNull(); // unchanged locally
    expect(backupAgeWarning(backupAge([], '2026-11-22'), 'server')).toMatch(
      /^Ingen säkerhetskopia av databasservern är känd\./,
    );
    expect(backupAgeWarning(backupAge(['2026-11-14'], '2026-11-22'), 'server')).toBe(
      'Den senaste kända säkerhetskopian av databasservern är från 2026-11-14 (8 dagar sedan). Kontrollera med IT att kopiorna tas.',
    );
    expect(backupAgeWarning(backupAge(['2026-11-30'], '2026-11-22'), 'server')).toMatch(
      /kontrollera klockan på servern/,
    );
    expect(backupAgeWarning(backupAge(['2026-11-22'], '2026-11-22'), 'server')).toBeNull();
  });

  it('counts only server records that have their audit row, by the local date of the instant', () => {
    const at = '2026-11-21T23:30:00.000Z';
    expect(
      knownServerBackupDates([
        { takenAt: at, audited: true },
        { takenAt: '2026-11-22T01:00:00.000Z', audited: false },
      ]),
    ).toEqual([toLocalIsoDate(new Date(at))]);
  });
});
