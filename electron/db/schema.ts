import type { Generated } from 'kysely';

/** Kysely table types. Column names are snake_case as in SQL; one interface per table. */

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
  prev_hash: string;
  hash: string;
}

export interface DB {
  users: UsersTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
}
