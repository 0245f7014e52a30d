import type { z } from 'zod';
import { DomainError } from '../../../../shared/errors';

/** What a kind read before its schema checks it: the raw data and how to name it in an error. */
export interface StoredData {
  raw: unknown;
  /** "Uppdragsavtalet version 2", "Brevet om avslutat uppdrag". */
  what: string;
  /** What the user can do about it, in Swedish. */
  remedy: string;
}

/** Field path (as "data.startDate") -> the Swedish name the error shows. */
export type FieldLabels = Record<string, string>;

const NOT_JSON = Symbol('not JSON');

/** Saved JSON text as a value; text that is not JSON becomes a marker the schema refuses. */
export function jsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/** The raw value at an issue's path (to tell unreadable text from a wrong field). */
function at(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const key of path)
    v = typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/**
 * The kind's data checked against its schema. A stored version that does not parse (edited by hand,
 * written by an older version, damaged) stops the document with a Swedish explanation instead of a
 * document with "undefined" in it.
 */
export function parseStored<S extends z.ZodType>(schema: S, stored: StoredData, labels: FieldLabels = {}): z.output<S> {
  const parsed = schema.safeParse(stored.raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue ? issue.path.map(String).join('.') : '';
  const field = labels[path] ?? (path || 'uppgifterna');
  const detail =
    issue && at(stored.raw, issue.path) === NOT_JSON
      ? 'texten går inte att tolka'
      : `${field}: ${issue?.message ?? 'ogiltigt värde'}`;
  throw new DomainError(
    'INTERNAL',
    `${stored.what} går inte att läsa eftersom de sparade uppgifterna är felaktiga (${detail}). Inget dokument skapades. ${stored.remedy}`,
  );
}
