/** Calendar dates as ISO strings (YYYY-MM-DD), which is also the sv-SE display format. */

export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Year, month and day of a well-formed ISO date; anything else is a caller's bug, not user input. */
function isoParts(date: IsoDate): [number, number, number] {
  const m = ISO.exec(date);
  if (!m) throw new Error(`Expected an ISO date YYYY-MM-DD, got "${date}"`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function isValidIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Adds calendar months; a day that does not exist in the target month becomes the
 * month's last day (2024-11-30 + 3 months = 2025-02-28).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = isoParts(date);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const dim = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${ty}-${String(tm).padStart(2, '0')}-${String(Math.min(d, dim)).padStart(2, '0')}`;
}

/** Local date of an instant, as the workstation sees it (sv-SE = ISO order). */
export function toLocalIsoDate(instant: Date): IsoDate {
  return instant.toLocaleDateString('sv-SE');
}

/** "2026-11-22 14:05" in local time. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return `${d.toLocaleDateString('sv-SE')} ${d.toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' })}`;
}

/** The calendar month before the date's month, as ÅÅÅÅ-MM (the month a payout run usually concerns). */
export function previousMonth(today: IsoDate): string {
  return addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
}

/** The last whole calendar quarter before the date (the IVO report period usually due). */
export function previousQuarter(today: IsoDate): { year: number; q: 1 | 2 | 3 | 4 } {
  const [y, m] = isoParts(today);
  const current = Math.floor((m - 1) / 3) + 1;
  return current === 1 ? { year: y - 1, q: 4 } : { year: y, q: (current - 1) as 1 | 2 | 3 };
}
