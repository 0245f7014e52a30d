import { addDays, addMonths, type IsoDate } from '../dates';

/**
 * Possible avbrott. IVO must be told of interruptions not resumed within three months, and a declined offer
 * does not end that duty (28 f § LSS; 16 kap. 6 f § SoL 2001:453 and its counterpart in SoL 2025:400; ivo.se,
 * "Frågor och svar om ej verkställda beslut"). The monthly reports are the unit's evidence that meetings happen:
 * an active assignment whose last `months` whole calendar months have no approved report with a meeting (or no
 * report at all) is flagged for the officer to check and, if so, register the avbrott.
 */
export interface AvbrottAssignment {
  assignmentId: number;
  startDate: IsoDate;
  /** An interruption already open on the decision: nothing to flag. */
  openInterruption: boolean;
  reports: Array<{ month: string; status: string; meetingDates: IsoDate[] }>;
}

export interface AvbrottFlag {
  assignmentId: number;
  lastMeetingDate: IsoDate | null;
  /** The first day without the insats: the day after the last approved meeting, else the silent window's first day. */
  silentSince: IsoDate;
  silentMonths: string[];
}

/** The `months` whole calendar months before today's month, oldest first (ÅÅÅÅ-MM). */
export function silentWindow(today: IsoDate, months: number): string[] {
  const first = `${today.slice(0, 7)}-01`;
  return Array.from({ length: months }, (_, i) => addMonths(first, i - months).slice(0, 7));
}

export function possibleAvbrott(assignments: AvbrottAssignment[], today: IsoDate, months: number): AvbrottFlag[] {
  const window = silentWindow(today, months);
  const flags: AvbrottFlag[] = [];
  for (const a of assignments) {
    // The whole window must lie within the assignment: started on or before the window's first day.
    if (a.openInterruption || a.startDate > `${window[0]}-01`) continue;
    const approved = a.reports.filter((r) => r.status === 'godkand');
    const met = new Set(approved.filter((r) => r.meetingDates.length > 0).map((r) => r.month));
    if (window.some((m) => met.has(m))) continue;
    const meetings = approved
      .flatMap((r) => r.meetingDates)
      .filter((d) => d >= a.startDate && d < today)
      .sort();
    const lastMeetingDate = meetings.at(-1) ?? null;
    // Without any approved meeting the register only knows the silent window (reports may have been kept
    // elsewhere before), so the avbrott is counted from the window's first day; the officer can see and correct.
    flags.push({
      assignmentId: a.assignmentId,
      lastMeetingDate,
      silentSince: lastMeetingDate ? addDays(lastMeetingDate, 1) : `${window[0]}-01`,
      silentMonths: window,
    });
  }
  return flags;
}
