/** Swedish alphabetical order (… x, y, z, å, ä, ö); SQLite's own order is by bytes, which puts ä before å. */
const collator = new Intl.Collator('sv-SE', { sensitivity: 'base', numeric: true });

export function compareSv(a: string, b: string): number {
  return collator.compare(a, b);
}

export function sortBySv<T>(rows: T[], key: (row: T) => string): T[] {
  return [...rows].sort((x, y) => compareSv(key(x), key(y)));
}
