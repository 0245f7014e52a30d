import { z } from 'zod';
import { ROLES } from '../roles';
import { isValidIsoDate } from '../dates';

/** Reusable field schemas with Swedish messages. */
export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,32}$/, 'Användarnamnet ska vara 2–32 tecken: a–z, 0–9, punkt, bindestreck eller understreck.');

export const MIN_PASSWORD_LENGTH = 12;
export const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Lösenordet ska ha minst ${MIN_PASSWORD_LENGTH} tecken.`)
  .max(256, 'Lösenordet är för långt (högst 256 tecken).');

export const anyPassword = z.string().min(1, 'Ange lösenord.').max(256, 'Lösenordet är för långt.');

export const displayName = z.string().trim().min(1, 'Ange namn.').max(100, 'Namnet är för långt (högst 100 tecken).');

export const roleList = z
  .array(z.enum(ROLES, { error: 'Okänd roll.' }))
  .min(1, 'Välj minst en roll.')
  .transform((r) => [...new Set(r)]);

export const id = z.number({ error: 'Ogiltigt id.' }).int('Ogiltigt id.').positive('Ogiltigt id.');

/**
 * The row version an edit form loaded (optimistic locking, migration 0010). Optional so that older
 * callers keep working; without it the save is not checked against other officers' saves.
 */
export const expectedVersion = z
  .number({ error: 'Ogiltig version.' })
  .int('Ogiltig version.')
  .positive('Ogiltig version.')
  .optional();

export const isoDate = z.string().refine(isValidIsoDate, 'Ange ett giltigt datum (ÅÅÅÅ-MM-DD).');

export const empty = z.object({}).strict();

/** Name, personnummer, address and phone: what a contact person's and a client's record views share. */
export const personBaseValues = z.object({
  personnummer: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  phone: z.string(),
});

/** Showing a protected person's address: the reason is required and logged. */
export const revealAddressInput = z.object({
  id,
  reason: z.string().trim().min(5, 'Ange skälet till att adressen behöver visas (minst 5 tecken).').max(500),
});
export const addressOutput = z.object({
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  phone: z.string(),
  workplace: z.string(),
});

/** Changing skyddad identitet on or off needs a reason (checked in the service, logged). */
export const protectedIdentityReason = z
  .string()
  .trim()
  .max(500, 'Skälet är för långt (högst 500 tecken).')
  .default('');

export const monthField = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Ange månad som ÅÅÅÅ-MM.');

/** The answer of a procedure that only confirms it was done. */
export const ok = z.object({ ok: z.literal(true) });

/** One saved version of a document's data (agreements, plans). */
export const versionRow = <T extends z.ZodType>(data: T) =>
  z.object({ version: z.number(), data, createdAt: z.string(), createdBy: z.string().nullable() });
