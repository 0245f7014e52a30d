import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditDetailLabel, auditEntityLabel } from './labels';

describe('Logg in plain Swedish', () => {
  it('names actions, objects and status changes', () => {
    expect(auditActionLabel('cp.status')).toBe('Kontaktpersonens status ändrad');
    expect(auditActionLabel('assignment.end')).toBe('Uppdrag: avsluta uppdraget');
    expect(auditActionLabel('session.login.failed')).toBe('Misslyckad inloggning');
    expect(auditActionLabel('något.nytt')).toBe('något.nytt');
    expect(auditEntityLabel('contact_person')).toBe('Kontaktperson');
    expect(auditActionLabel('backup.server.script')).toBe(
      'Säkerhetskopia av databasservern registrerad av IT:s skript',
    );
    expect(auditEntityLabel('server_backup')).toBe('Säkerhetskopia av databasservern');
    expect(auditActionLabel('datasource.credentials.rotation_needed')).toBe(
      'Databaskontots lösenord måste bytas (användare inaktiverad)',
    );
    expect(auditDetailLabel('godkand -> i_uppdrag')).toBe('Godkänd (i kö) → I uppdrag');
    expect(auditDetailLabel('uppdrag 12: forslag -> erbjudet')).toBe('uppdrag 12: Förslag → Erbjudet kontaktpersonen');
    expect(auditDetailLabel('okänt -> annat')).toBe('okänt -> annat');
  });
});
