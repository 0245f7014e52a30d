import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { unitSettings, type UnitSettings } from '../../shared/ipc/procedures/settings';
import { audit, type ServiceContext } from '../core/session';

const DEFAULTS: UnitSettings = {
  unitName: 'Kontaktpersonsenheten',
  idleLockMinutes: 15,
  legalBases: ['LSS 9 § 4', 'SoL (bistånd, kontaktperson)'],
  contentProtection: true,
};

export async function writeInitialSettings(trx: Transaction<DB>, unitName: string): Promise<void> {
  await trx
    .insertInto('settings')
    .values([
      { key: 'unitName', value: JSON.stringify(unitName) },
      { key: 'idleLockMinutes', value: JSON.stringify(DEFAULTS.idleLockMinutes) },
    ])
    .execute();
}

export async function readSettings(db: Kysely<DB> | Transaction<DB>): Promise<UnitSettings> {
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('key', 'in', Object.keys(DEFAULTS))
    .execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  // Older versions allowed up to 240 minutes; a stored value above today's maximum is read as the maximum.
  if (typeof stored.idleLockMinutes === 'number' && stored.idleLockMinutes > 60) stored.idleLockMinutes = 60;
  return unitSettings.parse({ ...DEFAULTS, ...stored });
}

export async function updateSettings(ctx: ServiceContext, next: UnitSettings): Promise<UnitSettings> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await readSettings(trx);
    const changed = (Object.keys(next) as Array<keyof UnitSettings>).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]),
    );
    for (const key of changed) {
      await trx
        .insertInto('settings')
        .values({ key, value: JSON.stringify(next[key]) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(next[key]) }))
        .execute();
    }
    if (changed.length > 0)
      await audit(ctx, trx, { action: 'settings.update', entityType: 'settings', detail: changed.join(',') });
    return readSettings(trx);
  });
}
