import { CP_STATUS_LABELS } from '../contact-persons/status';
import { ASSIGNMENT_ACTIONS, ASSIGNMENT_STATUS_LABELS } from '../assignments/status';

/** The audit log's action codes in plain Swedish (Logg shows these; the CSV export keeps the codes). */
const ACTIONS: Record<string, string> = {
  'session.login': 'Inloggning',
  'session.login.failed': 'Misslyckad inloggning',
  'session.lock': 'Låst',
  'session.logout': 'Utloggning',
  'session.recover': 'Inloggning med återställningsnyckel',
  'system.setup': 'Installation',
  'user.create': 'Användare skapad',
  'user.update': 'Användare ändrad',
  'user.password.change': 'Lösenord bytt',
  'user.password.reset': 'Lösenord återställt av administratör',
  'user.password.recovered': 'Lösenord återställt med återställningsnyckel',
  'cp.create': 'Kontaktperson registrerad',
  'cp.update': 'Kontaktperson ändrad',
  'cp.read': 'Kontaktperson visad',
  'cp.search': 'Sökning bland kontaktpersoner',
  'cp.queue.read': 'Kön visad',
  'cp.status': 'Kontaktpersonens status ändrad',
  'cp.interview.add': 'Intervju registrerad',
  'cp.reference.add': 'Referens registrerad',
  'cp.consent.set': 'Samtycke registrerat',
  'cp.address.reveal': 'Skyddad adress visad (kontaktperson)',
  'client.create': 'Brukare registrerad',
  'client.update': 'Brukare ändrad',
  'client.read': 'Brukare visad',
  'client.search': 'Sökning bland brukare',
  'client.address.reveal': 'Skyddad adress visad (brukare)',
  'person.read': 'Person visad',
  'decision.create': 'Beslut registrerat',
  'decision.end': 'Beslut avslutat',
  'decision.interrupt': 'Avbrott registrerat',
  'decision.resume': 'Avbrott upphört',
  'decision.notes': 'Skäl till dröjsmål ändrat',
  'matching.suggest': 'Matchning visad',
  'assignment.propose': 'Kontaktperson föreslagen',
  'assignment.list': 'Uppdrag visade',
  'assignment.compensation': 'Ersättningsnivå satt',
  'followup.record': 'Uppföljning registrerad',
  'followups.read': 'Uppföljningar visade',
  'document.create': 'PDF skapad (arkiv)',
  'document.preview': 'Dokument förhandsgranskat',
  'document.print': 'Dokument utskrivet',
  'document.export': 'PDF sparad som fil',
  'document.address.reveal': 'Skyddad adress utskriven',
  'dashboard.read': 'Översikten visad',
  'report.submit': 'Månadsrapport inlämnad',
  'report.approve': 'Månadsrapport godkänd',
  'reports.month.read': 'Månadsrapporter visade',
  'report.ivo': 'IVO-rapport visad',
  'report.ivo.export': 'IVO-rapport exporterad',
  'payout.read': 'Utbetalning visad',
  'payout.attest': 'Utbetalning attesterad',
  'payout.pdf': 'Attestlista/specifikation skapad',
  'rates.create': 'Ny årsnivå skapad',
  'rates.save': 'Ersättningsnivåer sparade',
  'export.xlsx': 'Lista exporterad (Excel)',
  'audit.export': 'Loggen exporterad',
  'backup.create': 'Säkerhetskopia gjord',
  'backup.auto': 'Automatisk säkerhetskopia',
  'backup.auto.failed': 'Automatisk säkerhetskopia misslyckades',
  'backup.server.script': 'Säkerhetskopia av databasservern registrerad av IT:s skript',
  'backup.server.register': 'Säkerhetskopia av databasservern registrerad i appen',
  'datasource.credentials.rotation_needed': 'Databaskontots lösenord måste bytas (användare inaktiverad)',
  'datasource.credentials.rotated': 'Databaskontots lösenord bytt efter inaktivering',
  'database.scheme.upgraded': 'Databasfilen omskriven i nytt krypteringsformat',
  'database.scheme.upgrade.failed': 'Byte av databasens krypteringsformat misslyckades',
  'retention.run': 'Gallring',
  'settings.update': 'Inställningar ändrade',
  import: 'Import',
};
for (const [action, a] of Object.entries(ASSIGNMENT_ACTIONS))
  ACTIONS[`assignment.${action}`] = `Uppdrag: ${a.label.toLowerCase()}`;

const ENTITIES: Record<string, string> = {
  assignment: 'Uppdrag',
  audit: 'Logg',
  backup: 'Säkerhetskopia',
  server_backup: 'Säkerhetskopia av databasservern',
  client: 'Brukare',
  database: 'Databas',
  contact_person: 'Kontaktperson',
  document: 'Dokument',
  export: 'Export',
  follow_up: 'Uppföljning',
  monthly_report: 'Månadsrapport',
  payout_batch: 'Utbetalning',
  rate_year: 'Årsnivå',
  report: 'Rapport',
  retention: 'Gallring',
  settings: 'Inställningar',
  user: 'Användare',
};

const STATUS: Record<string, string> = { ...CP_STATUS_LABELS, ...ASSIGNMENT_STATUS_LABELS };

/** "cp.status" → "Kontaktpersonens status ändrad"; an unknown code is shown as it is. */
export function auditActionLabel(action: string): string {
  return (
    ACTIONS[action] ??
    (action.startsWith('settings.') ? 'Inställningar ändrade' : action.endsWith('.read') ? 'Visad' : action)
  );
}

export function auditEntityLabel(entityType: string | null): string {
  return entityType ? (ENTITIES[entityType] ?? entityType) : '–';
}

/** Status codes in a detail ("godkand -> i_uppdrag") as the officer knows them ("Godkänd (i kö) → I uppdrag"). */
export function auditDetailLabel(detail: string | null): string {
  if (!detail) return '';
  return detail.replace(/\b([a-z_]+) -> ([a-z_]+)\b/g, (m, a: string, b: string) =>
    STATUS[a] && STATUS[b] ? `${STATUS[a]} → ${STATUS[b]}` : m,
  );
}
