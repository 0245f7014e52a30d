import { audit, type ServiceContext } from '../core/session';
import { copyRateYear } from '../../shared/compensation/new-year';
import { latestRateUpTo, listRates } from '../services/payouts/settings';

/**
 * Demo data must work on any date: a year the demo pays in but the unit has no figures for gets the
 * nearest year's figures, marked as demo (Översikt says so until an admin saves real ones).
 */
export async function ensureDemoRates(ctx: ServiceContext, years: number[]): Promise<number[]> {
  const created: number[] = [];
  for (const year of [...new Set(years)].sort()) {
    if ((await listRates(ctx.db)).some((r) => r.year === year)) continue;
    const from = (await latestRateUpTo(ctx.db, year)) ?? (await listRates(ctx.db))[0];
    if (!from) continue;
    const r = copyRateYear(
      from,
      year,
      from.prisbasbeloppOre,
      `Demovärden kopierade från ${from.year} – inte fastställda`,
      true,
    );
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('rate_years')
        .values({ year, config: JSON.stringify(r), updated_at: ctx.now().toISOString() })
        .execute();
      await audit(ctx, trx, {
        action: 'rates.create',
        entityType: 'rate_year',
        entityId: year,
        detail: `demovärden kopierade från ${from.year} (seed-demo)`,
      });
    });
    created.push(year);
  }
  return created;
}
