import { luhnControlDigit } from '../../shared/personnummer';
import type { ContactPersonInput } from '../../shared/ipc/procedures/cp';

/** A synthetic personnummer that passes the checksum (YYYYMMDD + 3 digits + control). */
export function syntheticPnr(birth: string, serial: number): string {
  const yymmdd = birth.replace(/-/g, '').slice(2);
  const nnn = String(serial).padStart(3, '0');
  return `${birth.replace(/-/g, '')}${nnn}${luhnControlDigit(yymmdd + nnn)}`;
}

export function cpInput(over: Partial<ContactPersonInput> = {}): ContactPersonInput {
  return {
    personnummer: syntheticPnr('1985-04-12', 123),
    firstName: 'Testa',
    lastName: 'Provsdotter',
    street: 'Provgatan 1',
    postalCode: '123 45',
    city: 'Provköping',
    phone: '070-123 45 67',
    email: 'testa@example.se',
    bankClearing: '3300',
    bankAccount: '8112289874',
    taxMode: 'side_income_30',
    languages: ['svenska'],
    interests: ['friluftsliv'],
    area: 'Centrum',
    workplace: '',
    availability: 'Vardagkvällar',
    ...over,
  };
}
