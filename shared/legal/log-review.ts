/**
 * Logguppföljning: what the unit's regular review of the access log looks at. For social services no
 * Socialstyrelsen logging föreskrift exists; the duty follows from GDPR art. 32 and lag (2001:454) om behandling
 * av personuppgifter inom socialtjänsten, and municipal routines review monthly (e.g. Tibro, "Logguppföljning ska
 * ske varje månad"). Health care's HSLF-FS 2016:40 4 kap. 9 § ("systematiska och återkommande kontroller") is the
 * usual model for the categories: protected persons, unusual times, bulk extracts, failed logins, payment data.
 */
export interface LogRow {
  id: number;
  at: string;
  user_id: number | null;
  username: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  detail: string | null;
}

export interface LogReviewRules {
  protectedClientIds: Set<string>;
  protectedContactPersonIds: Set<string>;
  /** Archived documents (PDF) about a protected client or contact person. */
  protectedDocumentIds?: Set<string>;
  officeHoursStart: string;
  officeHoursEnd: string;
  bulkExportRows: number;
}

export type LogCategory =
  'skyddad_identitet' | 'utanfor_kontorstid' | 'massutdrag' | 'misslyckade_inloggningar' | 'betalningsuppgifter';

/** The Swedish wall time of an instant: the unit works in Sweden whatever the workstation's zone. */
export function stockholmTime(iso: string): { date: string; time: string; weekday: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Stockholm',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  const weekday =
    ['mån', 'tis', 'ons', 'tors', 'fre', 'lör', 'sön'].findIndex((w) => String(parts.weekday).startsWith(w)) + 1;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}`, weekday };
}

const isRead = (action: string) => /\.read$|reveal|\.search$|document\.(preview|print)$/.test(action);
// Exports of lists and reports; a single document's export is not a bulk extract.
const isExport = (action: string) => (/export/.test(action) && action !== 'document.export') || action === 'payout.pdf';
const PAYMENT = new Set(['cp.payment-data.change', 'settings.payment']);

export function classifyLogRow(r: LogRow, rules: LogReviewRules): LogCategory[] {
  const out: LogCategory[] = [];
  if (
    isRead(r.action) &&
    r.entity_id !== null &&
    ((r.entity_type === 'client' && rules.protectedClientIds.has(r.entity_id)) ||
      (r.entity_type === 'contact_person' && rules.protectedContactPersonIds.has(r.entity_id)))
  ) {
    out.push('skyddad_identitet');
  } else if (
    (r.action === 'document.create' || r.action === 'document.export') &&
    r.entity_type === 'document' &&
    r.entity_id !== null &&
    rules.protectedDocumentIds?.has(r.entity_id)
  ) {
    out.push('skyddad_identitet');
  }
  if (r.user_id !== null) {
    const t = stockholmTime(r.at);
    // Weekends and before/after office hours; public holidays are not known here. [I]
    if (t.weekday >= 6 || t.time < rules.officeHoursStart || t.time >= rules.officeHoursEnd)
      out.push('utanfor_kontorstid');
  }
  if (isExport(r.action)) {
    const m = /(\d+) rader/.exec(r.detail ?? '');
    if (!m || Number(m[1]) >= rules.bulkExportRows) out.push('massutdrag');
  }
  if (r.action === 'session.login.failed') out.push('misslyckade_inloggningar');
  if (PAYMENT.has(r.action)) out.push('betalningsuppgifter');
  return out;
}
