import type { Generated } from 'kysely';
import type { AssignmentStatus } from '../../shared/assignments/status';
import type { BankProfileId } from '../../shared/bank-profiles';
import type { TaxMode } from '../../shared/compensation/tax';
import type { CpStatus } from '../../shared/contact-persons/status';
import type { Outcome, Register } from '../../shared/contact-persons/register-checks';
import type { CONNECTION_ROLES } from '../../shared/ipc/procedures/clients';
import type { PERIODS } from '../../shared/ipc/procedures/decisions';
import type { DocumentKind } from '../../shared/ipc/procedures/documents';
import type { PayoutFormat } from '../../shared/ipc/procedures/payouts';
import type { Law, Personkrets } from '../../shared/legal/laws';
import type { AgeGroup } from '../../shared/legal/participants';

/**
 * Kysely table types. Column names are snake_case as in SQL; one interface per table. Status and enum
 * columns carry the shared/ unions (migration 0009 guards the same lists in the database);
 * schema.test.ts checks the tables and columns against the migrated database.
 */

export type Gender = 'man' | 'kvinna';
export type ConnectionRole = (typeof CONNECTION_ROLES)[number];
export type Period = (typeof PERIODS)[number];
export type MonthlyReportStatus = 'inlamnad' | 'godkand';
export type PayoutBatchKind = 'ordinarie' | 'rättelse';
export type PayoutBatchStatus = 'utkast' | 'attesterad';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  /** JSON array of Role. */
  roles: string;
  active: number;
  must_change_password: number;
  /** Opaque id of this user's entry in the vault file; null when the user cannot log in. */
  vault_entry_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface SettingsTable {
  key: string;
  /** JSON value. */
  value: string;
}

export interface AuditLogTable {
  id: number;
  at: string;
  user_id: number | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  detail: string | null;
  /** "<label> (<first 8 of the workstation id>)" of the writer (migration 0012); null before it and for IT's tools. */
  workstation: string | null;
  prev_hash: string;
  hash: string;
}

export interface ContactPersonsTable {
  id: Generated<number>;
  personnummer: string;
  first_name: string;
  last_name: string;
  birth_date: string;
  gender: Gender;
  street: string;
  postal_code: string;
  city: string;
  phone: string;
  email: string;
  bank_clearing: string | null;
  bank_account: string | null;
  /** Anställningsnummer in the unit's payroll system (optional; PAXml/CSV use it when set). */
  employee_number: string | null;
  tax_mode: TaxMode;
  tax_table: number | null;
  tax_column: number | null;
  /** Whole percent for tax_mode 'percentage'. */
  tax_percent: number | null;
  /** JSON string arrays. */
  languages: string;
  interests: string;
  area: string;
  workplace: string;
  has_car: number;
  has_pets: number;
  smoker: number;
  prefers_children: number;
  prefers_adults: number;
  disability_kinds: string;
  availability: string;
  specially_qualified: number;
  protected_identity: number;
  consent_date: string | null;
  status: CpStatus;
  status_changed_at: string;
  /** Date the person entered the queue (approved); kept when an offer is declined. */
  queue_since: string | null;
  search_name: string;
  phone_digits: string;
  created_at: string;
  updated_at: string;
  /** Row version for optimistic locking (migration 0010): raised by each edit, checked against the form's. */
  version: Generated<number>;
}

export interface CpEventsTable {
  id: Generated<number>;
  contact_person_id: number;
  at: string;
  date: string;
  user_id: number | null;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
}

export interface CpInterviewsTable {
  id: Generated<number>;
  contact_person_id: number;
  date: string;
  interviewer: string;
  notes: string;
  created_by: number | null;
}

export interface CpReferencesTable {
  id: Generated<number>;
  contact_person_id: number;
  name: string;
  phone: string;
  relation: string;
  notes: string;
  contacted_date: string | null;
}

export interface CpRegisterChecksTable {
  id: Generated<number>;
  contact_person_id: number;
  register: Register;
  extract_date: string;
  shown_date: string;
  outcome: Outcome;
  assessment_note: string | null;
  checked_by: number | null;
}

export interface ClientsTable {
  id: Generated<number>;
  personnummer: string;
  first_name: string;
  last_name: string;
  birth_date: string;
  gender: '' | Gender;
  street: string;
  postal_code: string;
  city: string;
  phone: string;
  area: string;
  workplace: string;
  residence: string;
  languages: string;
  interests: string;
  wishes: string;
  preferred_gender: '' | Gender;
  preferred_age_min: number | null;
  preferred_age_max: number | null;
  protected_identity: number;
  ivo_suffix: number;
  /** 1 = a participant in an insats without individual needs assessment (SoL 2025:400); identity may be a code. */
  without_assessment: Generated<number>;
  /** Age group of a participant without needs assessment (no birth date recorded). */
  age_group: Generated<'' | AgeGroup>;
  search_name: string;
  created_at: string;
  updated_at: string;
  /** Row version for optimistic locking (migration 0010): raised by each edit, checked against the form's. */
  version: Generated<number>;
}

export interface ClientConnectionsTable {
  id: Generated<number>;
  client_id: number;
  role: ConnectionRole;
  name: string;
  personnummer: string;
  phone: string;
  email: string;
}

export interface DecisionsTable {
  id: Generated<number>;
  client_id: number;
  legal_basis: string;
  decision_date: string;
  diarienummer: string;
  valid_from: string;
  valid_to: string | null;
  meetings_per_period: number;
  period: Period;
  hours_per_month: number;
  needs_special_qualification: number;
  executed_date: string | null;
  ended_date: string | null;
  end_reason: string | null;
  delay_reason: string;
  interim_support: string;
  created_at: string;
  /** 'LSS 1993:387' | 'SoL 2001:453' | 'SoL 2025:400' (shared/legal/laws.ts). */
  law: Generated<Law>;
  paragraph: Generated<string>;
  /** 1 § 1, 2 or 3 LSS; null for SoL. */
  personkrets: Personkrets | null;
  /** 1 while the law is migration 0008's guess, until the officer confirms it. */
  law_guessed: Generated<number>;
  /** Row version for optimistic locking (migration 0010): raised by each edit, checked against the form's. */
  version: Generated<number>;
}

export interface DecisionInterruptionsTable {
  id: Generated<number>;
  decision_id: number;
  from_date: string;
  resumed_date: string | null;
  reason: string;
  /** The assignment a "Registrera avbrott" came from. */
  assignment_id: number | null;
}

export interface AssignmentsTable {
  id: Generated<number>;
  decision_id: number;
  contact_person_id: number;
  status: AssignmentStatus;
  match_score: number | null;
  conflict_override: string | null;
  offered_date: string | null;
  meeting_date: string | null;
  start_date: string | null;
  end_date: string | null;
  end_reason: string | null;
  ended_by: number | null;
  arvode_level: string | null;
  omkostnad_level: string | null;
  created_at: string;
  updated_at: string;
  /** Row version for optimistic locking (migration 0010): raised by each edit, checked against the form's. */
  version: Generated<number>;
}

export interface AssignmentEventsTable {
  id: Generated<number>;
  assignment_id: number;
  at: string;
  date: string;
  user_id: number | null;
  action: string;
  from_status: string;
  to_status: string;
  note: string | null;
}

export interface RateYearsTable {
  year: number;
  config: string;
  updated_at: string;
}

export interface MonthlyReportsTable {
  id: Generated<number>;
  assignment_id: number;
  month: string;
  meeting_dates: string;
  minutes: number;
  activities: string;
  expenses_ore: number;
  receipts_note: string;
  status: MonthlyReportStatus;
  submitted_at: string;
  submitted_by: number | null;
  approved_at: string | null;
  approved_by: number | null;
}

export interface PayoutBatchesTable {
  id: Generated<number>;
  month: string;
  kind: PayoutBatchKind;
  status: PayoutBatchStatus;
  payment_date: string;
  created_at: string;
  created_by: number | null;
  attested_at: string | null;
  attested_by: number | null;
  /** Legacy (before 0006): the MsgId of the first export; now kept per export in payout_exports. */
  msg_id: string | null;
  first_exported_at: string | null;
  /** Frozen at attest: the bank profile and the payment channel (the unit's setting then). */
  bank_profile: BankProfileId | null;
  channel: PayoutFormat | null;
}

export interface PayoutLinesTable {
  id: Generated<number>;
  batch_id: number;
  contact_person_id: number;
  arvode_ore: number;
  omkostnad_ore: number;
  expenses_ore: number;
  tax_ore: number | null;
  tax_mode: TaxMode;
  fee_ore: number;
  fee_rate_bp: number;
  fee_base_ore: number;
  below_threshold: number;
  details: string;
  /** The payee as attested (frozen at attest; null on a draft). Exports read only these. */
  payee_name: string | null;
  payee_personnummer: string | null;
  payee_clearing: string | null;
  payee_account: string | null;
  payee_employee_number: string | null;
  /** 1: the account differs from the one last paid (or changed since); the attestant must check it. */
  account_changed: Generated<number>;
  account_change_note: string | null;
  account_checked_by: number | null;
  account_checked_at: string | null;
  account_checked_value: string | null;
}

export interface PayoutExportsTable {
  id: Generated<number>;
  batch_id: number;
  format: PayoutFormat;
  at: string;
  user_id: number | null;
  reason: string | null;
  sha256: string;
  content: Buffer | null;
  msg_id: string | null;
  voided_at: string | null;
  voided_by: number | null;
  void_reason: string | null;
}

export interface PayoutRedatesTable {
  id: Generated<number>;
  batch_id: number;
  from_date: string;
  to_date: string;
  at: string;
  user_id: number | null;
  reason: string;
}

export interface PaymentDetailChangesTable {
  id: Generated<number>;
  contact_person_id: number;
  at: string;
  user_id: number | null;
  field: string;
  before_masked: string;
  after_masked: string;
}

export interface VersionedDocTable {
  id: Generated<number>;
  assignment_id: number;
  version: number;
  data: string;
  created_at: string;
  created_by: number | null;
}

export interface FollowUpsTable {
  id: Generated<number>;
  assignment_id: number;
  planned_date: string;
  done_date: string | null;
  participants: Generated<string>;
  notes: Generated<string>;
  outcome: Generated<string>;
  recorded_by: number | null;
}

export interface DocumentsTable {
  id: Generated<number>;
  kind: DocumentKind;
  assignment_id: number | null;
  contact_person_id: number | null;
  title: string;
  created_at: string;
  created_by: number | null;
  pdf: Buffer;
}

export interface LogReviewsTable {
  id: Generated<number>;
  period_from: string;
  period_to: string;
  reviewed_at: string;
  reviewed_by: number;
  note: string;
  counts: string;
}

/** A backup of the shared server's database that the app knows of (migration 0011); append-only. */
export interface ServerBackupsTable {
  id: Generated<number>;
  /** ISO instants (UTC): when the dump was started, and when it was recorded. */
  taken_at: string;
  recorded_at: string;
  /** 'skript': IT's backup script through kontaktregistret_backup_taken(); 'app': an admin in the app. */
  source: 'skript' | 'app';
  label: string;
  bytes: number | null;
  sha256: string | null;
  /** The database account that called the function (script records). */
  db_role: string | null;
  /** The app user who recorded it (app records). */
  recorded_by: number | null;
}

export interface DB {
  users: UsersTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  contact_persons: ContactPersonsTable;
  cp_events: CpEventsTable;
  cp_interviews: CpInterviewsTable;
  cp_references: CpReferencesTable;
  cp_register_checks: CpRegisterChecksTable;
  clients: ClientsTable;
  client_connections: ClientConnectionsTable;
  decisions: DecisionsTable;
  decision_interruptions: DecisionInterruptionsTable;
  assignments: AssignmentsTable;
  assignment_events: AssignmentEventsTable;
  rate_years: RateYearsTable;
  monthly_reports: MonthlyReportsTable;
  payout_batches: PayoutBatchesTable;
  payout_lines: PayoutLinesTable;
  payout_exports: PayoutExportsTable;
  payout_redates: PayoutRedatesTable;
  payment_detail_changes: PaymentDetailChangesTable;
  agreements: VersionedDocTable;
  implementation_plans: VersionedDocTable;
  follow_ups: FollowUpsTable;
  documents: DocumentsTable;
  log_reviews: LogReviewsTable;
  server_backups: ServerBackupsTable;
}
