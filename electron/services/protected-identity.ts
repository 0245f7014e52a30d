import { DomainError } from '../../shared/errors';

/**
 * Skyddad identitet. Masked like the address (in views, lists and prints, unless revealed with a
 * logged reason): phone and school/workplace, because either leads to where the person is.
 */
export const MASKED_COLUMNS = ['street', 'postal_code', 'city', 'phone', 'workplace'] as const;
type Masked = (typeof MASKED_COLUMNS)[number];

/**
 * For an update of a protected person: a masked field the form sends back blank keeps its stored value
 * (the form never saw it). Returns the columns with those values restored.
 */
export function keepMaskedValues<C extends Partial<Record<Masked, string>>>(
  before: Record<Masked, string> & { protected_identity: number },
  cols: C,
): C {
  if (before.protected_identity !== 1) return cols;
  const out = { ...cols };
  const addressBlank = !cols.street && !cols.postal_code && !cols.city;
  if (addressBlank) {
    out.street = before.street as C['street'];
    out.postal_code = before.postal_code as C['postal_code'];
    out.city = before.city as C['city'];
  }
  if (!cols.phone) out.phone = before.phone as C['phone'];
  if (!cols.workplace) out.workplace = before.workplace as C['workplace'];
  return out;
}

/**
 * Turning the flag on or off needs a reason (at least 5 characters), which is logged. Turning it off
 * shows the stored address again, so it is treated like a reveal. Returns the audit detail, or null
 * when the flag does not change.
 */
export function flagChange(wasProtected: boolean, willBeProtected: boolean, reason: string): string | null {
  if (wasProtected === willBeProtected) return null;
  const r = reason.trim();
  if (r.length < 5) {
    const message = 'Ange skälet till att skyddad identitet ändras (minst 5 tecken). Skälet loggas.';
    throw new DomainError('INVALID_INPUT', message, { fields: { protectedIdentityReason: message } });
  }
  return `${willBeProtected ? 'skyddad identitet på' : 'skyddad identitet av'}: ${r}`;
}
