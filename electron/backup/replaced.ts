import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const REPLACED_PREFIX = 'ersatt-';
/** The files a restore replaced are kept this long (or until the restore is confirmed), then removed. */
export const KEEP_REPLACED_DAYS = 14;

function stampTime(name: string): number | null {
  const m = /^ersatt-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(name);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  // All six groups are mandatory in the pattern, so a match has them.
  if (s === undefined || mi === undefined || h === undefined || d === undefined || mo === undefined || y === undefined)
    return null;
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/**
 * Removes "ersatt-*" folders: all of them once a restore is confirmed (`all`), otherwise those older
 * than KEEP_REPLACED_DAYS. They hold the replaced database and a vault with the old keys (and old
 * users), so they must not linger. Returns the names removed.
 */
export function purgeReplacedFolders(dataDir: string, now: Date, opts: { all?: boolean } = {}): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(REPLACED_PREFIX)) continue;
    const p = join(dataDir, name);
    if (!statSync(p).isDirectory()) continue;
    const t = stampTime(name);
    if (opts.all || (t !== null && now.getTime() - t > KEEP_REPLACED_DAYS * 86_400_000)) {
      rmSync(p, { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}
