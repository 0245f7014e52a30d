import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The window's content protection, remembered outside the encrypted database so it applies
 * before anyone logs in: where protection blacks out the window (some remote desktops), the login
 * screen must be visible too. Not secret; on unless an admin turned it off.
 */
export function readContentProtection(file: string): boolean {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { contentProtection?: unknown }).contentProtection !== false;
  } catch {
    return true;
  }
}

export function writeContentProtection(file: string, on: boolean): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ contentProtection: on })}\n`, { mode: 0o600 });
  } catch {
    // Only a remembered preference: the database still holds the setting.
  }
}
