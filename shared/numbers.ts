/**
 * A whole number typed by a person: digits only (spaces around allowed), so "0x1538", "5e3",
 * "5432.0" and "-1" are not numbers here, as Number() would make them. Null when not one.
 */
export function parseWholeNumber(text: string): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}
