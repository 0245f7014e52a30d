import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema';
import { audit, type ServiceContext } from '../core/session';

/**
 * A group of settings stored as one JSON value under `key`: read with defaults for what was never
 * saved (so a new setting needs no migration), saved with one audit line.
 */
export function jsonSetting<S extends z.ZodType>(
  key: string,
  schema: S,
  defaults: z.input<S>,
  auditDetail: (value: z.output<S>) => string,
) {
  return {
    async read(db: Kysely<DB> | Transaction<DB>): Promise<z.output<S>> {
      const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
      return schema.parse({ ...(defaults as object), ...(row ? (JSON.parse(row.value) as object) : {}) });
    },
    async save(ctx: ServiceContext, value: z.output<S>): Promise<void> {
      await ctx.db.transaction().execute(async (trx) => {
        const json = JSON.stringify(value);
        await trx
          .insertInto('settings')
          .values({ key, value: json })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
          .execute();
        await audit(ctx, trx, { action: `settings.${key}`, entityType: 'settings', detail: auditDetail(value) });
      });
    },
  };
}
