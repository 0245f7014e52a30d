/** Figures, targets and the history format of `npm run bench` (pure: unit-tested in stats.test.ts). */

export interface Figure {
  median: number;
  min: number;
  max: number;
  n: number;
}

export interface Target {
  /** Pass when the median is at most (ratio) or under (ms) this. */
  max: number;
  label: string;
  /** Absolute times depend on the data size: judged at full scale only. Ratios hold at any scale. */
  absolute: boolean;
}

export interface HistoryEntry {
  at: string;
  commit: string;
  machine: string;
  /** One-minute load average at the end (and start) of the run: how busy the machine was. */
  loadAverage: number;
  loadAverageStart?: number;
  scale: number;
  runs: number;
  figures: Record<string, Figure>;
  once: Record<string, number>;
  verdicts: Record<string, string>;
  /** What the PostgreSQL column measured ("PostgreSQL 15.8, loopback, TLS, …"), or why it was skipped. */
  pgColumn?: string;
}

export const TARGETS: Record<string, Target> = {
  encPlainRatio: { max: 1.2, label: '≤ 1,2×', absolute: false },
  kyselyHotRatio: { max: 1.3, label: '≤ 1,3×', absolute: false },
  searchP95Ms: { max: 10, label: '< 10 ms', absolute: true },
  payoutTotalMs: { max: 2000, label: '< 2 s', absolute: true },
  auditVerifyMs: { max: 2000, label: '< 2 s', absolute: true },
};

export function stats(xs: number[]): Figure {
  if (!xs.length) throw new Error('no samples');
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]!, n: s.length };
}

/** PASS/FAIL by median; '(scale)' when an absolute target cannot be judged at a reduced scale. */
export function judge(t: Target, median: number, scale: number): 'PASS' | 'FAIL' | '(scale)' {
  if (t.absolute && scale !== 1) return '(scale)';
  return median <= t.max ? 'PASS' : 'FAIL';
}

/** "+12 %" / "−8 %" of the median against the previous entry's; lower is better for every figure. */
export function compareToPrevious(previous: Figure | undefined, now: Figure): string {
  if (!previous || !(previous.median > 0)) return '';
  const change = (now.median / previous.median - 1) * 100;
  const rounded = Math.round(change);
  if (rounded === 0) return '±0 %';
  const note = change >= 20 ? ' (slower)' : change <= -20 ? ' (faster)' : '';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)} %${note}`;
}
