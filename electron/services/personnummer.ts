import { DomainError } from '../../shared/errors';
import { toLocalIsoDate } from '../../shared/dates';
import { parsePersonnummer } from '../../shared/personnummer';

/**
 * The canonical 12 digits of a personnummer the schema has shape-checked, by the core's clock
 * (century of a 10-digit number, no birth date in the future). Refused with the field's message.
 */
export function canonicalPersonnummer(now: Date, value: string, field = 'personnummer'): string {
  const r = parsePersonnummer(value, toLocalIsoDate(now));
  if (!r.ok) throw new DomainError('INVALID_INPUT', r.message, { fields: { [field]: r.message } });
  return r.value.canonical;
}

/** The same for a whole form: the person's number and any connections' numbers. */
export function withCanonicalPersonnummer<
  T extends { personnummer: string; connections?: Array<{ personnummer: string }> },
>(now: Date, v: T): T {
  const out = { ...v, personnummer: canonicalPersonnummer(now, v.personnummer) };
  if (v.connections) {
    out.connections = v.connections.map((c, i) => ({
      ...c,
      personnummer: c.personnummer ? canonicalPersonnummer(now, c.personnummer, `connections.${i}.personnummer`) : '',
    }));
  }
  return out;
}
