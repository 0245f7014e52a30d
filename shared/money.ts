/** Money is integer öre everywhere. These helpers format and parse it for sv-SE. */

export type Ore = number;

export function assertOre(value: number): Ore {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Belopp måste vara hela ören: ${value}`);
  return value;
}

/** 123456 -> "1 234,56 kr" (non-breaking spaces as Intl gives them). */
export function formatKronor(ore: Ore, opts: { withUnit?: boolean } = {}): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const kr = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  const grouped = String(kr).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${sign}${grouped},${rest}${opts.withUnit === false ? '' : '\u00a0kr'}`;
}

/** Parses "1 234,56", "1234.5", "1234" (kr) into öre; null when not a valid amount. */
export function parseKronor(text: string): Ore | null {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(/kr$/i, '');
  const m = /^(-?)(\d+)(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!m) return null;
  const ore = Number(m[2]) * 100 + Number((m[3] ?? '0').padEnd(2, '0'));
  if (!Number.isSafeInteger(ore)) return null;
  return m[1] === '-' ? -ore : ore;
}

/** Rates are basis points (hundredths of a percent): 3142 -> "31,42", 1000 -> "10", 1050 -> "10,5". */
export function formatPercentBp(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const rest = String(Math.abs(bp % 100))
    .padStart(2, '0')
    .replace(/0+$/, '');
  return rest ? `${whole},${rest}` : String(whole);
}

/** Parses "31,42", "31.42 %", "10" into basis points; null when not a percent with at most two decimals. */
export function parsePercentBp(text: string): number | null {
  const m = /^(\d+)(?:[.,](\d{1,2}))?%?$/.exec(text.replace(/[\s\u00a0]/g, ''));
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
  return Number.isSafeInteger(bp) ? bp : null;
}
