import type { Insertable, Selectable } from 'kysely';
import type { ContactPersonsTable } from '../../db/schema';
import type { contactPersonInput, CpDetail } from '../../../shared/ipc/procedures/cp';
import type { z } from 'zod';
import { personnummerFacts } from '../../../shared/personnummer';

export type CpValues = z.output<typeof contactPersonInput>;
type Row = Selectable<ContactPersonsTable>;

const b = (v: boolean) => (v ? 1 : 0);

/** Form values -> columns (everything but status and dates). */
export function toColumns(
  v: CpValues,
): Omit<Insertable<ContactPersonsTable>, 'status' | 'status_changed_at' | 'created_at' | 'updated_at'> {
  const pnr = personnummerFacts(v.personnummer); // canonical: withCanonicalPersonnummer ran first
  return {
    personnummer: v.personnummer,
    first_name: v.firstName,
    last_name: v.lastName,
    birth_date: pnr.birthDate,
    gender: pnr.gender,
    street: v.street,
    postal_code: v.postalCode.replace(/\s/g, ''),
    city: v.city,
    phone: v.phone,
    email: v.email,
    bank_clearing: v.bankClearing.replace(/\D/g, '') || null,
    bank_account: v.bankAccount.replace(/\D/g, '') || null,
    employee_number: v.employeeNumber || null,
    tax_mode: v.taxMode,
    tax_table: v.taxMode === 'table' ? v.taxTable : null,
    tax_column: v.taxMode === 'table' ? v.taxColumn : null,
    tax_percent: v.taxMode === 'percentage' ? v.taxPercent : null,
    languages: JSON.stringify(v.languages),
    interests: JSON.stringify(v.interests),
    area: v.area,
    workplace: v.workplace,
    has_car: b(v.hasCar),
    has_pets: b(v.hasPets),
    smoker: b(v.smoker),
    prefers_children: b(v.prefersChildren),
    prefers_adults: b(v.prefersAdults),
    disability_kinds: JSON.stringify(v.disabilityKinds),
    availability: v.availability,
    specially_qualified: b(v.speciallyQualified),
    protected_identity: b(v.protectedIdentity),
    search_name: `${v.firstName} ${v.lastName}`.toLocaleLowerCase('sv-SE'),
    phone_digits: v.phone.replace(/\D/g, ''),
  };
}

/** Columns -> form values; the address is blanked when it must stay hidden. */
export function toValues(r: Row, hideAddress: boolean): CpDetail['values'] {
  return {
    personnummer: r.personnummer,
    firstName: r.first_name,
    lastName: r.last_name,
    street: hideAddress ? '' : r.street,
    postalCode: hideAddress ? '' : r.postal_code,
    city: hideAddress ? '' : r.city,
    // Skyddad identitet: phone and workplace lead to the person as surely as the address.
    phone: hideAddress ? '' : r.phone,
    email: r.email,
    bankClearing: r.bank_clearing ?? '',
    bankAccount: r.bank_account ?? '',
    employeeNumber: r.employee_number ?? '',
    taxMode: r.tax_mode,
    taxTable: r.tax_table,
    taxColumn: r.tax_column,
    taxPercent: r.tax_percent,
    languages: JSON.parse(r.languages) as string[],
    interests: JSON.parse(r.interests) as string[],
    area: r.area,
    workplace: hideAddress ? '' : r.workplace,
    hasCar: r.has_car === 1,
    hasPets: r.has_pets === 1,
    smoker: r.smoker === 1,
    prefersChildren: r.prefers_children === 1,
    prefersAdults: r.prefers_adults === 1,
    disabilityKinds: JSON.parse(r.disability_kinds) as string[],
    availability: r.availability,
    speciallyQualified: r.specially_qualified === 1,
    protectedIdentity: r.protected_identity === 1,
  };
}
