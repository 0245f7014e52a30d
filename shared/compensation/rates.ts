import { z } from 'zod';

/** The bounds of a year's figures, here once: the schema below and the rate editor's messages use them. */
export const RATE_LIMITS = {
  maxBp: 100_00,
  codeMax: 20,
  labelMax: 100,
  reducedAgeMin: 50,
  reducedAgeMax: 80,
} as const;

/** Percentages are basis points (hundredths of a percent): 10 % = 1000, 31,42 % = 3142. Money is öre. */
const bp = z.number().int().min(0).max(RATE_LIMITS.maxBp);
const level = z.object({
  code: z.string().trim().min(1).max(RATE_LIMITS.codeMax),
  label: z.string().trim().min(1).max(RATE_LIMITS.labelMax),
  percentBp: bp,
});

/** One year's figures. All of it is data the admin edits (Inställningar → Ersättningsnivåer), never code. */
export const rateYear = z.object({
  year: z.number().int().min(2000).max(2100),
  prisbasbeloppOre: z.number().int().positive(),
  /** Where the figure comes from (e.g. "SFS 2025:872", "SKR cirkulär 25:xx"). */
  source: z.string().trim().max(200).default(''),
  omkostnadLevels: z.array(level).min(1),
  arvodeLevels: z.array(level).min(1),
  employerFee: z.object({
    fullBp: bp,
    reducedBp: bp,
    /** Reduced rate for those who had turned this age before the year began. */
    reducedFromAgeAtStartOfYear: z.number().int().min(RATE_LIMITS.reducedAgeMin).max(RATE_LIMITS.reducedAgeMax),
    /** No fee at all for people born in or before this year. */
    zeroBornUpToYear: z.number().int(),
    /** Temporary youth reduction (2026–2027), on pay up to a monthly cap. */
    youth: z
      .object({
        fromMonth: z.string().regex(/^\d{4}-\d{2}$/),
        toMonth: z.string().regex(/^\d{4}-\d{2}$/),
        minAge: z.number().int(),
        maxAge: z.number().int(),
        rateBp: bp,
        capOre: z.number().int().positive(),
      })
      .nullable()
      .default(null),
  }),
  /** Below this yearly total per person no employer fee is due (SAL 2 kap. 14 §). */
  feeThresholdOre: z.number().int().min(0),
  sideIncomeTaxBp: bp,
  /** Omkostnad above this share of prisbasbelopp (SKR's highest level) is taxable pay (domain.md §2.6). */
  omkostnadTaxFreeMaxBp: bp.default(4000),
  /** Made up by seed-demo so the app can be tried on any date; never figures to pay with. */
  demo: z.boolean().default(false),
});
export type RateYear = z.infer<typeof rateYear>;

const SKR_OMKOSTNAD = [
  { code: 'O1', label: 'Nivå 1 (10 %)', percentBp: 1000 },
  { code: 'O2', label: 'Nivå 2 (25 %)', percentBp: 2500 },
  { code: 'O3', label: 'Nivå 3 (40 %)', percentBp: 4000 },
];
/** SKR's bands: kategori 1 (minst en gång/vecka) 10–35 %, 2 (flera gånger/vecka) 20–45 %, 3 (i stort sett dagligen) 30–55 %. */
const SKR_ARVODE = [
  { code: 'A1L', label: 'Kategori 1, låg (10 %)', percentBp: 1000 },
  { code: 'A1M', label: 'Kategori 1, mellan (20 %)', percentBp: 2000 },
  { code: 'A1H', label: 'Kategori 1, hög (35 %)', percentBp: 3500 },
  { code: 'A2L', label: 'Kategori 2, låg (20 %)', percentBp: 2000 },
  { code: 'A2H', label: 'Kategori 2, hög (45 %)', percentBp: 4500 },
  { code: 'A3L', label: 'Kategori 3, låg (30 %)', percentBp: 3000 },
  { code: 'A3H', label: 'Kategori 3, hög (55 %)', percentBp: 5500 },
];

/** Seed figures (domain.md §2.3, §3.2); the unit verifies and edits them. */
export const DEFAULT_RATE_YEARS: RateYear[] = [
  { year: 2024, pbb: 57_300, reducedAge: 66, youth: null },
  { year: 2025, pbb: 58_800, reducedAge: 66, youth: null },
  {
    year: 2026,
    pbb: 59_200,
    reducedAge: 67,
    youth: { fromMonth: '2026-04', toMonth: '2027-09', minAge: 18, maxAge: 22, rateBp: 2081, capOre: 2_500_000 },
  },
].map((y) => ({
  year: y.year,
  prisbasbeloppOre: y.pbb * 100,
  source: 'Förval enligt domänunderlaget; kontrollera mot SFS och SKR:s cirkulär',
  omkostnadLevels: SKR_OMKOSTNAD,
  arvodeLevels: SKR_ARVODE,
  employerFee: {
    fullBp: 3142,
    reducedBp: 1021,
    reducedFromAgeAtStartOfYear: y.reducedAge,
    zeroBornUpToYear: 1937,
    youth: y.youth,
  },
  feeThresholdOre: 100_000,
  sideIncomeTaxBp: 3000,
  omkostnadTaxFreeMaxBp: 4000,
  demo: false,
}));
