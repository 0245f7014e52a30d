import { RATE_LIMITS, type RateYear } from '../../../shared/compensation/rates';
import { formatKronor, formatPercentBp, parseKronor, parsePercentBp } from '../../../shared/money';
import { parseWholeNumber } from '../../../shared/numbers';

/** The rate editor's fields, as typed: kronor and percent with a decimal comma, levels one per line. */
export interface RateValues {
  pbb: string;
  source: string;
  arvode: string;
  omkostnad: string;
  feeFull: string;
  feeReduced: string;
  reducedAge: string;
  zeroBorn: string;
  threshold: string;
  sideIncome: string;
  omkMax: string;
}

type Problems = Partial<Record<keyof RateValues, string>>;

const { maxBp, codeMax, labelMax, reducedAgeMin, reducedAgeMax } = RATE_LIMITS;
const MAX_PERCENT = maxBp / 100;
const LEVEL_FORMAT = 'skriv "KOD; Benämning; procent", t.ex. "A1L; Kategori 1, låg; 10".';

const kronorText = (ore: number) => formatKronor(ore, { withUnit: false });
const levelsText = (levels: RateYear['arvodeLevels']) =>
  levels.map((l) => `${l.code}; ${l.label}; ${formatPercentBp(l.percentBp)}`).join('\n');

/** One year's figures as the form shows them. */
export function rateValues(r: RateYear): RateValues {
  return {
    pbb: kronorText(r.prisbasbeloppOre),
    source: r.source,
    arvode: levelsText(r.arvodeLevels),
    omkostnad: levelsText(r.omkostnadLevels),
    feeFull: formatPercentBp(r.employerFee.fullBp),
    feeReduced: formatPercentBp(r.employerFee.reducedBp),
    reducedAge: String(r.employerFee.reducedFromAgeAtStartOfYear),
    zeroBorn: String(r.employerFee.zeroBornUpToYear),
    threshold: kronorText(r.feeThresholdOre),
    sideIncome: formatPercentBp(r.sideIncomeTaxBp),
    omkMax: formatPercentBp(r.omkostnadTaxFreeMaxBp),
  };
}

/** A percent field: basis points, or the Swedish message for what was typed. */
function percent(text: string): number | string {
  const bp = parsePercentBp(text);
  if (bp === null) return 'Ange procent som ett tal, t.ex. 31,42.';
  return bp > maxBp ? `Ange högst ${MAX_PERCENT} %.` : bp;
}

/** "KOD; Benämning; procent" per line; a message naming the first line that is not. */
function levels(text: string): RateYear['arvodeLevels'] | string {
  const rows = text
    .split('\n')
    .map((r) => r.trim())
    .filter(Boolean);
  if (rows.length === 0) return `Ange minst en nivå: ${LEVEL_FORMAT}`;
  const out: RateYear['arvodeLevels'] = [];
  for (const [i, row] of rows.entries()) {
    const [code = '', label = '', pct = '', ...rest] = row.split(';').map((x) => x.trim());
    const bp = parsePercentBp(pct);
    if (!code || !label || bp === null || rest.length > 0) return `Rad ${i + 1}: ${LEVEL_FORMAT}`;
    if (bp > maxBp) return `Rad ${i + 1}: ange högst ${MAX_PERCENT} %.`;
    if (code.length > codeMax) return `Rad ${i + 1}: koden får vara högst ${codeMax} tecken.`;
    if (label.length > labelMax) return `Rad ${i + 1}: benämningen får vara högst ${labelMax} tecken.`;
    out.push({ code, label, percentBp: bp });
  }
  return out;
}

/**
 * The typed values read onto the year they edit: the year to save, or null with a Swedish message per
 * field that does not read (a word in a percent field is named on that field, not on the levels).
 */
export function readRateValues(v: RateValues, base: RateYear): { input: RateYear | null; problems: Problems } {
  const problems: Problems = {};
  const read = <T>(field: keyof RateValues, value: T | string, fallback: T): T => {
    if (typeof value !== 'string') return value;
    problems[field] = value;
    return fallback;
  };
  const pbb = parseKronor(v.pbb);
  const threshold = parseKronor(v.threshold);
  const whole = (text: string) => parseWholeNumber(text) ?? 'Ange ett heltal.';
  const age = whole(v.reducedAge);
  const input: RateYear = {
    ...base,
    prisbasbeloppOre: read('pbb', pbb !== null && pbb > 0 ? pbb : 'Ange prisbasbeloppet i kronor, t.ex. 59 200.', 0),
    source: v.source,
    arvodeLevels: read('arvode', levels(v.arvode), []),
    omkostnadLevels: read('omkostnad', levels(v.omkostnad), []),
    employerFee: {
      ...base.employerFee,
      fullBp: read('feeFull', percent(v.feeFull), 0),
      reducedBp: read('feeReduced', percent(v.feeReduced), 0),
      reducedFromAgeAtStartOfYear: read(
        'reducedAge',
        typeof age === 'number' && (age < reducedAgeMin || age > reducedAgeMax)
          ? `Ange en ålder mellan ${reducedAgeMin} och ${reducedAgeMax}.`
          : age,
        0,
      ),
      zeroBornUpToYear: read('zeroBorn', whole(v.zeroBorn), 0),
    },
    feeThresholdOre: read(
      'threshold',
      threshold !== null && threshold >= 0 ? threshold : 'Ange beloppet i kronor, t.ex. 1 000.',
      0,
    ),
    sideIncomeTaxBp: read('sideIncome', percent(v.sideIncome), 0),
    omkostnadTaxFreeMaxBp: read('omkMax', percent(v.omkMax), 0),
  };
  return { input: Object.keys(problems).length === 0 ? input : null, problems };
}

const FIELD_OF: Record<string, keyof RateValues> = {
  prisbasbeloppOre: 'pbb',
  source: 'source',
  arvodeLevels: 'arvode',
  omkostnadLevels: 'omkostnad',
  'employerFee.fullBp': 'feeFull',
  'employerFee.reducedBp': 'feeReduced',
  'employerFee.reducedFromAgeAtStartOfYear': 'reducedAge',
  'employerFee.zeroBornUpToYear': 'zeroBorn',
  feeThresholdOre: 'threshold',
  sideIncomeTaxBp: 'sideIncome',
  omkostnadTaxFreeMaxBp: 'omkMax',
};

/** The field a rates.save input path is typed in ('arvodeLevels.2.code' -> 'arvode'); else the path. */
export function rateFieldOf(path: string): string {
  const levelsPath = /^(arvodeLevels|omkostnadLevels)(\.|$)/.exec(path);
  return FIELD_OF[levelsPath?.[1] ?? path] ?? path;
}
