import type { Kysely, Transaction } from 'kysely';
import { jsonSetting } from '../json-setting';
import type { DB } from '../../db/schema';
import { DomainError } from '../../../shared/errors';
import { rateYear, type RateYear } from '../../../shared/compensation/rates';
import {
  copyRateYear,
  missingRatesMessage,
  rateYearWarning,
  type RateYearWarning,
} from '../../../shared/compensation/new-year';
import { formatKronor } from '../../../shared/money';
import { toLocalIsoDate } from '../../../shared/dates';
import { paymentSettings, type PaymentSettings } from '../../../shared/ipc/procedures/payments';
import { audit, type ServiceContext } from '../../core/session';
import { writeTransaction, type TxContext } from '../transaction';

const DEFAULT_PAYMENT: PaymentSettings = {
  payerName: 'Kommunen',
  orgNumber: '2120000000',
  bankProfile: 'swedbank',
  debtorClearing: '8327',
  debtorAccount: '',
  debtorBic: 'SWEDSESS',
  initiatorId: '',
  debtorId: '',
  payoutChannel: 'pain001',
  bgcCustomerNumber: '',
  bgcBankgiro: '',
  payCodeArvode: '310',
  payCodeOmkostnad: '320',
  payCodeUtlagg: '330',
  paymentDayOfMonth: 25,
  twoPersonRule: true,
};

const stored = jsonSetting('payment', paymentSettings, DEFAULT_PAYMENT, () => 'betalningsinställningar');
export const getPaymentSettings = stored.read;
export const savePaymentSettings = stored.save;

export async function listRates(db: Kysely<DB> | Transaction<DB>): Promise<RateYear[]> {
  const rows = await db.selectFrom('rate_years').select('config').orderBy('year').execute();
  return rows.map((r) => rateYear.parse(JSON.parse(r.config)));
}

/** The year's figures; refused with what to do when the unit has not entered them (for `month`, when given). */
export async function rateFor(db: Kysely<DB> | Transaction<DB>, year: number, month?: string): Promise<RateYear> {
  const row = await db.selectFrom('rate_years').select('config').where('year', '=', year).executeTakeFirst();
  if (!row) {
    throw new DomainError(
      'RULE_VIOLATION',
      month
        ? missingRatesMessage(month)
        : `Ersättningsnivåer för ${year} saknas. En administratör lägger in dem under Inställningar → Ersättningsnivåer → Ny årsnivå.`,
    );
  }
  return rateYear.parse(JSON.parse(row.config));
}

/** The figures of `year`, or of the latest year before it (level codes carry over to a new year). */
export async function latestRateUpTo(db: Kysely<DB> | Transaction<DB>, year: number): Promise<RateYear | null> {
  const row = await db
    .selectFrom('rate_years')
    .select('config')
    .where('year', '<=', year)
    .orderBy('year', 'desc')
    .executeTakeFirst();
  return row ? rateYear.parse(JSON.parse(row.config)) : null;
}

/** What Översikt and Ersättning warn about: this year's figures missing or demo, next year's from 1 October. */
export async function rateStatus(ctx: ServiceContext): Promise<{ warning: RateYearWarning | null }> {
  return { warning: rateYearWarning(toLocalIsoDate(ctx.now()), await listRates(ctx.db)) };
}

/**
 * "Ny årsnivå": the previous year's levels, fee rules and thresholds copied into `year` with the new
 * prisbasbelopp and its source. Logged with both amounts.
 */
export async function createRateYear(
  ctx: ServiceContext,
  input: { year: number; prisbasbeloppOre: number; source: string },
): Promise<RateYear> {
  return ctx.db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('rate_years').select('year').where('year', '=', input.year).executeTakeFirst();
    if (exists)
      throw new DomainError('CONFLICT', `Det finns redan ersättningsnivåer för ${input.year}. Ändra dem i stället.`, {
        fields: { year: 'Året finns redan.' },
      });
    const from = await latestRateUpTo(trx, input.year - 1);
    if (!from)
      throw new DomainError(
        'RULE_VIOLATION',
        `Det finns inget tidigare år att kopiera nivåerna från. Lägg in ${input.year} års nivåer för hand.`,
      );
    const r = copyRateYear(from, input.year, input.prisbasbeloppOre, input.source);
    const at = ctx.now().toISOString();
    await trx
      .insertInto('rate_years')
      .values({ year: r.year, config: JSON.stringify(r), updated_at: at })
      .execute();
    await audit(ctx, trx, {
      action: 'rates.create',
      entityType: 'rate_year',
      entityId: r.year,
      detail: `kopierat från ${from.year}; prisbasbelopp ${formatKronor(from.prisbasbeloppOre)} → ${formatKronor(r.prisbasbeloppOre)}; källa ${r.source}`,
    });
    return r;
  });
}

/** Saves a year as the admin edited it; saving confirms the figures, so a demo year stops being one. */
export async function saveRate(ctx: ServiceContext, input: RateYear): Promise<void> {
  return writeTransaction(ctx, (tx) => saveRateInTrx(tx, input));
}

async function saveRateInTrx(ctx: TxContext, input: RateYear): Promise<void> {
  const r: RateYear = { ...input, demo: false };
  const codes = (levels: Array<{ code: string }>) => new Set(levels.map((l) => l.code)).size === levels.length;
  if (!codes(r.arvodeLevels) || !codes(r.omkostnadLevels))
    throw new DomainError('INVALID_INPUT', 'Varje nivå måste ha en egen kod.');
  // A year whose figures were used in an attested payout is frozen; corrections go through a new batch.
  const used = await ctx.db
    .selectFrom('payout_batches')
    .select('id')
    .where('status', '=', 'attesterad')
    .where('month', 'like', `${r.year}-%`)
    .executeTakeFirst();
  const before = await ctx.db.selectFrom('rate_years').select('config').where('year', '=', r.year).executeTakeFirst();
  if (used && before && JSON.parse(before.config).prisbasbeloppOre !== r.prisbasbeloppOre) {
    throw new DomainError(
      'RULE_VIOLATION',
      `Prisbasbeloppet för ${r.year} har redan använts i attesterade utbetalningar och kan inte ändras.`,
    );
  }
  const trx = ctx.db;
  const config = JSON.stringify(r);
  const at = ctx.now().toISOString();
  await trx
    .insertInto('rate_years')
    .values({ year: r.year, config, updated_at: at })
    .onConflict((oc) => oc.column('year').doUpdateSet({ config, updated_at: at }))
    .execute();
  await audit(ctx, trx, { action: 'rates.save', entityType: 'rate_year', entityId: r.year });
}
