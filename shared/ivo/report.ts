import { addDays, addMonths, daysBetween, type IsoDate } from '../dates';

/** A favourable decision (gynnande beslut) as the IVO rule needs it. */
export interface IvoDecision {
  id: number;
  decisionDate: IsoDate;
  executedDate: IsoDate | null;
  /** Ended without being executed (withdrawn, client no longer wants it, moved). */
  endedDate: IsoDate | null;
  interruptions: Array<{ id: number; fromDate: IsoDate; resumedDate: IsoDate | null }>;
}

export interface Quarter {
  year: number;
  q: 1 | 2 | 3 | 4;
}

export function quarterRange({ year, q }: Quarter): { start: IsoDate; end: IsoDate } {
  const startMonth = (q - 1) * 3 + 1;
  const start = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  return { start, end: addDays(addMonths(start, 3), -1) };
}

/** Last day on which executing (or resuming) is still in time: three calendar months after the start. */
export function ivoDeadline(from: IsoDate): IsoDate {
  return addMonths(from, 3);
}

export type IvoLineKind =
  'ej_verkstallt' | 'verkstallt_sent' | 'avslutat_ej_verkstallt' | 'avbrott' | 'avbrott_aterupptaget_sent';

export interface IvoLine {
  decisionId: number;
  interruptionId: number | null;
  kind: IvoLineKind;
  /** Decision date, or the date the interruption began. */
  fromDate: IsoDate;
  deadline: IsoDate;
  /** Executed / resumed / ended date, when that happened in the quarter. */
  closedDate: IsoDate | null;
  /** Days from fromDate to closedDate, or to the quarter's last day. */
  daysWaited: number;
}

export const IVO_KIND_LABELS: Record<IvoLineKind, string> = {
  ej_verkstallt: 'Ej verkställt beslut',
  verkstallt_sent: 'Verkställt efter mer än tre månader',
  avslutat_ej_verkstallt: 'Avslutat utan att ha verkställts',
  avbrott: 'Avbrott, inte återupptaget',
  avbrott_aterupptaget_sent: 'Avbrott, återupptaget efter mer än tre månader',
};

/**
 * What the quarter's individrapporter must contain (domain.md §5.1): every favourable decision not
 * executed within three months of the decision date, still open at the quarter's end or closed
 * (executed late / ended) during it; and the same for interruptions not resumed within three months.
 * Executing on the deadline day itself is in time.
 */
export function ivoLines(decisions: IvoDecision[], quarter: Quarter): IvoLine[] {
  const { start, end } = quarterRange(quarter);
  const lines: IvoLine[] = [];
  const inQuarter = (d: IsoDate) => d >= start && d <= end;

  // Looking back at a past quarter, what happened after its end had not happened yet.
  const asOf = (date: IsoDate | null) => (date !== null && date <= end ? date : null);
  for (const raw of decisions) {
    if (raw.decisionDate > end) continue;
    const d = { ...raw, executedDate: asOf(raw.executedDate), endedDate: asOf(raw.endedDate) };
    const deadline = ivoDeadline(d.decisionDate);
    const line = (kind: IvoLineKind, closed: IsoDate | null): IvoLine => ({
      decisionId: d.id,
      interruptionId: null,
      kind,
      fromDate: d.decisionDate,
      deadline,
      closedDate: closed,
      daysWaited: daysBetween(d.decisionDate, closed ?? end),
    });
    if (deadline < end) {
      if (d.executedDate) {
        if (d.executedDate > deadline && inQuarter(d.executedDate)) lines.push(line('verkstallt_sent', d.executedDate));
      } else if (d.endedDate) {
        if (d.endedDate > deadline && inQuarter(d.endedDate)) lines.push(line('avslutat_ej_verkstallt', d.endedDate));
      } else {
        lines.push(line('ej_verkstallt', null));
      }
    }
    for (const i of d.interruptions) {
      const iDeadline = ivoDeadline(i.fromDate);
      if (i.fromDate > end || iDeadline >= end) continue;
      const closed = asOf(i.resumedDate) ?? (d.endedDate && d.endedDate > i.fromDate ? d.endedDate : null);
      const base = { decisionId: d.id, interruptionId: i.id, fromDate: i.fromDate, deadline: iDeadline };
      if (!closed) lines.push({ ...base, kind: 'avbrott', closedDate: null, daysWaited: daysBetween(i.fromDate, end) });
      else if (closed > iDeadline && inQuarter(closed)) {
        lines.push({
          ...base,
          kind: 'avbrott_aterupptaget_sent',
          closedDate: closed,
          daysWaited: daysBetween(i.fromDate, closed),
        });
      }
    }
  }
  return lines.sort((a, b) => a.fromDate.localeCompare(b.fromDate) || a.decisionId - b.decisionId);
}

/** IVO's pseudonymous code: birth date + "-T" + three characters, the middle one even for women, odd for men. */
export function ivoCode(birthDate: IsoDate, gender: 'man' | 'kvinna', suffixSeed: number): string {
  const a = suffixSeed % 10;
  const b = Math.floor(suffixSeed / 10) % 10;
  const g = ((Math.floor(suffixSeed / 100) % 5) * 2 + (gender === 'man' ? 1 : 0)) % 10;
  return `${birthDate.replace(/-/g, '')}-T${a}${g}${b}`;
}
