import { DomainError } from '../../shared/errors';
import type { UserRow } from '../../shared/ipc/procedures/users';
import type { Role } from '../../shared/roles';
import type { Kysely, Selectable } from 'kysely';
import type { DB, UsersTable } from '../db/schema';
import { writeTransaction } from './transaction';
import { markRotationNeeded } from './credential-rotation';
import { dialectOf } from '../db/dialect';
import { audit, type ServiceContext } from '../core/session';
import type { Vault } from '../vault/vault';
import { randomUUID } from 'node:crypto';

/** Rekeys the database (AppCore.rekey): revokes entries, optionally replaces one, returns the new recovery key. */
export type KeyRotation = (opts: {
  remove: string[];
  replace?: { entryId: string; username: string; password: string };
}) => Promise<{ recoveryKey: string; dropped: string[] }>;

function toRow(u: Selectable<UsersTable>): UserRow {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: JSON.parse(u.roles) as Role[],
    active: u.active === 1,
    mustChangePassword: u.must_change_password === 1,
    createdAt: u.created_at,
  };
}

async function getUser(ctx: ServiceContext, id: number) {
  const u = await ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!u) throw new DomainError('NOT_FOUND', 'Användaren finns inte.');
  return u;
}

export async function listUsers(ctx: ServiceContext): Promise<UserRow[]> {
  const rows = await ctx.db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(toRow);
}

export async function createUser(
  ctx: ServiceContext,
  vault: Vault,
  input: { username: string; displayName: string; roles: Role[]; password: string },
): Promise<UserRow> {
  const exists = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (exists)
    throw new DomainError('CONFLICT', 'Användarnamnet är redan upptaget.', {
      fields: { username: 'Användarnamnet är redan upptaget.' },
    });
  const entryId = await vault.setPassword(ctx.dataKey, input.username, input.password);
  try {
    // The unique index on username backs the check above when two creations race (the vault entry goes).
    return await writeTransaction(ctx, async ({ db: trx }) => {
      const at = ctx.now().toISOString();
      const row = await trx
        .insertInto('users')
        .values({
          username: input.username,
          display_name: input.displayName,
          roles: JSON.stringify(input.roles),
          active: 1,
          must_change_password: 1,
          vault_entry_id: entryId,
          created_at: at,
          updated_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(ctx, trx, {
        action: 'user.create',
        entityType: 'user',
        entityId: row.id,
        detail: `roller: ${input.roles.join(',')}`,
      });
      return toRow(row);
    });
  } catch (err) {
    vault.removeEntry(entryId);
    throw err;
  }
}

/** Deactivating an admin or taking the role away needs another active admin to remain. */
async function assertAnotherAdmin(
  db: Kysely<DB>,
  input: { id: number; roles: Role[]; active: boolean },
): Promise<void> {
  if (input.active && input.roles.includes('admin')) return;
  const admins = (await db.selectFrom('users').select(['id', 'roles']).where('active', '=', 1).execute()).filter(
    (u) => u.id !== input.id && (JSON.parse(u.roles) as Role[]).includes('admin'),
  );
  if (admins.length === 0) throw new DomainError('RULE_VIOLATION', 'Det måste finnas minst en aktiv administratör.');
}

/**
 * Deactivating a user revokes for real: the database gets a new data key (re-wrapped for the
 * remaining users, new recovery key returned for the admin) so the user's old password opens
 * neither the live database nor anything made from now on. Backups made before carry the old key.
 * On a server that protects this workstation's vault only: the database password must be changed
 * as well, which is recorded until done (credential-rotation.ts).
 */
export async function updateUser(
  ctx: ServiceContext,
  rotate: KeyRotation,
  input: { id: number; displayName: string; roles: Role[]; active: boolean },
): Promise<UserRow & { recoveryKey: string | null; rotateDatabasePassword: boolean }> {
  const before = await getUser(ctx, input.id);
  const isSelf = input.id === ctx.actor.id;
  if (isSelf && (!input.active || !input.roles.includes('admin'))) {
    throw new DomainError(
      'RULE_VIOLATION',
      'Du kan inte ta bort din egen administratörsroll eller inaktivera ditt eget konto.',
    );
  }
  await assertAnotherAdmin(ctx.db, input);
  // The key is rotated first: a crash after it leaves the user without a key (and the admin repeats the deactivation), never the reverse.
  const revoking = !input.active && before.vault_entry_id !== null;
  const rotated = revoking ? await rotate({ remove: [before.vault_entry_id!] }) : null;
  // On a server the new data key does not reach other workstations' vaults: the database password must change too.
  const rotateDatabasePassword = rotated !== null && dialectOf(ctx.db) === 'postgres';
  const row = await writeTransaction(ctx, async ({ db: trx }) => {
    // Again in the write's transaction: two admins removing each other at once must not both succeed.
    await assertAnotherAdmin(trx, input);
    const updated = await trx
      .updateTable('users')
      .set({
        display_name: input.displayName,
        roles: JSON.stringify(input.roles),
        active: input.active ? 1 : 0,
        // A deactivated user's key is revoked; reactivation needs a new password from an admin.
        vault_entry_id: input.active ? before.vault_entry_id : null,
        updated_at: ctx.now().toISOString(),
      })
      .where('id', '=', input.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const changes = [
      before.display_name !== input.displayName ? 'namn' : null,
      before.roles !== JSON.stringify(input.roles) ? `roller: ${input.roles.join(',')}` : null,
      (before.active === 1) !== input.active ? (input.active ? 'aktiverad' : 'inaktiverad') : null,
    ].filter(Boolean);
    await audit(ctx, trx, {
      action: 'user.update',
      entityType: 'user',
      entityId: input.id,
      detail: changes.join('; ') || null,
    });
    if (rotated)
      await audit(ctx, trx, {
        action: 'key.rotate',
        entityType: 'user',
        entityId: input.id,
        detail: 'ny datanyckel (inaktivering); ny återställningsnyckel visad',
      });
    if (rotateDatabasePassword) await markRotationNeeded(ctx, trx, before.username);
    return updated;
  });
  return { ...toRow(row), recoveryKey: rotated?.recoveryKey ?? null, rotateDatabasePassword };
}

/**
 * Admin sets a temporary password; the user must change it at next login. The database is rekeyed
 * at the same time, so the user's old password (still valid in older copies of vault.json) opens nothing new.
 */
export async function resetPassword(
  ctx: ServiceContext,
  rotate: KeyRotation,
  input: { id: number; newPassword: string },
): Promise<{ recoveryKey: string }> {
  const user = await getUser(ctx, input.id);
  if (user.active !== 1) throw new DomainError('RULE_VIOLATION', 'Kontot är inaktiverat. Aktivera det först.');
  const entryId = user.vault_entry_id ?? randomUUID();
  const { recoveryKey } = await rotate({
    remove: [],
    replace: { entryId, username: user.username, password: input.newPassword },
  });
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        vault_entry_id: entryId,
        must_change_password: input.id === ctx.actor.id ? 0 : 1,
        updated_at: ctx.now().toISOString(),
      })
      .where('id', '=', input.id)
      .execute();
    await audit(ctx, trx, { action: 'user.password.reset', entityType: 'user', entityId: input.id });
    await audit(ctx, trx, {
      action: 'key.rotate',
      entityType: 'user',
      entityId: input.id,
      detail: 'ny datanyckel (lösenordsåterställning); ny återställningsnyckel visad',
    });
  });
  return { recoveryKey };
}

/** The user changes their own password; the current one is checked against the vault. */
export async function changeOwnPassword(
  ctx: ServiceContext,
  vault: Vault,
  entryId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const entry = vault.entry(entryId);
  const ok = entry && (await vault.checkPassword(entry, input.currentPassword));
  if (!ok) {
    throw new DomainError('WRONG_CREDENTIALS', 'Nuvarande lösenord stämmer inte.', {
      fields: { currentPassword: 'Nuvarande lösenord stämmer inte.' },
    });
  }
  if (input.currentPassword === input.newPassword) {
    throw new DomainError('INVALID_INPUT', 'Det nya lösenordet måste skilja sig från det nuvarande.', {
      fields: { newPassword: 'Välj ett annat lösenord.' },
    });
  }
  await vault.setPassword(ctx.dataKey, ctx.actor.username, input.newPassword, entryId);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ must_change_password: 0, updated_at: ctx.now().toISOString() })
      .where('id', '=', ctx.actor.id)
      .execute();
    await audit(ctx, trx, { action: 'user.password.change', entityType: 'user', entityId: ctx.actor.id });
  });
}
