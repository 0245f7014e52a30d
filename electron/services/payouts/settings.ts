import type { Kysely, Transaction } from 'kysely';
import { jsonSetting } from '../json-setting';
import type { DB } from '../../db/schema';
import { DomainError } from '../../../shared/errors';
import { rateYear, type RateYear } from '../../../shared/compensation/rates';
import { paymentSettings, type PaymentSettings } from '../../../shared/ipc/procedures/payouts';
import { audit, type ServiceContext } from '../../core/session';

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

export async function rateFor(db: Kysely<DB> | Transaction<DB>, year: number): Promise<RateYear> {
  const row = await db.selectFrom('rate_years').select('config').where('year', '=', year).executeTakeFirst();
  if (!row) throw new DomainError('RULE_VIOLATION', `Ersättningsnivåer för ${year} saknas. En administratör lägger in dem under Inställningar.`);
  return rateYear.parse(JSON.parse(row.config));
}

export async function saveRate(ctx: ServiceContext, r: RateYear): Promise<void> {
  const codes = (levels: Array<{ code: string }>) => new Set(levels.map((l) => l.code)).size === levels.length;
  if (!codes(r.arvodeLevels) || !codes(r.omkostnadLevels)) throw new DomainError('INVALID_INPUT', 'Varje nivå måste ha en egen kod.');
  // A year whose figures were used in an attested payout is frozen; corrections go through a new batch.
  const used = await ctx.db.selectFrom('payout_batches').select('id').where('status', '=', 'attesterad').where('month', 'like', `${r.year}-%`).executeTakeFirst();
  const before = await ctx.db.selectFrom('rate_years').select('config').where('year', '=', r.year).executeTakeFirst();
  if (used && before && JSON.parse(before.config).prisbasbeloppOre !== r.prisbasbeloppOre) {
    throw new DomainError('RULE_VIOLATION', `Prisbasbeloppet för ${r.year} har redan använts i attesterade utbetalningar och kan inte ändras.`);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const config = JSON.stringify(r);
    const at = ctx.now().toISOString();
    await trx.insertInto('rate_years').values({ year: r.year, config, updated_at: at }).onConflict((oc) => oc.column('year').doUpdateSet({ config, updated_at: at })).execute();
    await audit(ctx, trx, { action: 'rates.save', entityType: 'rate_year', entityId: r.year });
  });
}
