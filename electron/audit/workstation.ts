import { hostname } from 'node:os';
import type { DialectAdapter, Kysely } from 'kysely';

/** The PostgreSQL setting a connection names its workstation in (migration 0012 reads it too). */
export const WORKSTATION_SETTING = 'kontaktregistret.workstation';

const LABEL_MAX = 64;

/**
 * A short label for people reading the log: the machine's host name (not secret), cut to 64 characters
 * and kept to the characters a host name may have, so it passes unchanged through PostgreSQL's
 * connection options and reads the same in every export.
 */
export function workstationLabel(host: string = hostname()): string {
  const label = host
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, LABEL_MAX);
  return label || 'dator';
}

/**
 * What an audit row records: "<label> (<first 8 of the workstation id>)". The row carries its own
 * readable name, so the log can be read (and its hash checked) years later without a lookup table that
 * would need a chain of its own; the id's prefix tells apart two machines with the same host name.
 */
export function workstationName(id: string, label: string = workstationLabel()): string {
  return `${label} (${id.replace(/-/g, '').slice(0, 8)})`;
}

/**
 * The workstation a local SQLite connection writes as, kept per Kysely instance. The dialect adapter is
 * made once per instance and shared by all its transactions, so appendAudit finds the name from any of
 * them without a query. A connection opened without a name (CLI tools on a copy, verify workers, tests)
 * writes null. On PostgreSQL the connection itself carries the name (see appendAudit).
 */
const names = new WeakMap<DialectAdapter, string>();

export function bindWorkstation(db: Kysely<any>, name: string | null | undefined): void {
  if (name) names.set(db.getExecutor().adapter, name);
}

export function boundWorkstation(db: Kysely<any>): string | null {
  return names.get(db.getExecutor().adapter) ?? null;
}

/** A value read back from the connection, cleaned as migration 0012's function does: empty (a reset setting) means none. */
export function cleanWorkstation(value: string | null | undefined): string | null {
  const v = value?.replace(/\p{Cc}/gu, ' ').replace(/^ +| +$/g, '');
  return v ? v.slice(0, 100) : null;
}
