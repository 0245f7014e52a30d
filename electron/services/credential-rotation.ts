import type { Kysely, Transaction } from 'kysely';
import { rotationPending, type RotationPending } from '../../shared/ipc/server-fields';
import { audit, type ServiceContext } from '../core/session';
import type { DB } from '../db/schema';

/**
 * On a shared server the database account's credentials are sealed under the data key in every
 * workstation's vault.json and in every connection file exported before. Deactivating a user
 * re-keys only this workstation's vault: with their old password and an older copy, the user still
 * unseals the account and reaches the server outside the app. Only a new database password (IT)
 * cuts that off, so a deactivation records that it is due, in the database's settings where every
 * workstation sees it, until an admin saves changed credentials (Inställningar → Databas).
 */
export const ROTATION_SETTING = 'server.credentials_rotation';

export async function pendingRotation(db: Kysely<DB> | Transaction<DB>): Promise<RotationPending | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', ROTATION_SETTING).executeTakeFirst();
  if (!row) return null;
  // Only the app writes it; a value that is not what it writes is ignored like a missing one.
  let value: unknown;
  try {
    value = JSON.parse(row.value);
  } catch {
    return null;
  }
  const parsed = rotationPending.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** In the deactivation's transaction: the newest deactivation is the one the warning names. */
export async function markRotationNeeded(ctx: ServiceContext, trx: Transaction<DB>, username: string): Promise<void> {
  const value = JSON.stringify({ since: ctx.now().toISOString(), username } satisfies RotationPending);
  await trx
    .insertInto('settings')
    .values({ key: ROTATION_SETTING, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
  await audit(ctx, trx, {
    action: 'datasource.credentials.rotation_needed',
    entityType: 'datasource',
    detail: `databaskontots lösenord måste bytas efter inaktiveringen av ${username}`,
  });
}

/**
 * After changed credentials were saved: clears the warning it was shown for. A deactivation that
 * came in between wrote a newer value, which stays.
 */
export async function clearRotation(ctx: ServiceContext, seen: RotationPending): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const now = await pendingRotation(trx);
    if (!now || now.since !== seen.since || now.username !== seen.username) return false;
    await trx.deleteFrom('settings').where('key', '=', ROTATION_SETTING).execute();
    await audit(ctx, trx, {
      action: 'datasource.credentials.rotated',
      entityType: 'datasource',
      detail: `nytt lösenord för databaskontot sparat efter inaktiveringen av ${seen.username}`,
    });
    return true;
  });
}
