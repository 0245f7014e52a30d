import { appendFileSync, mkdirSync, statSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock, type Clock } from './clock';

const MAX_BYTES = 1024 * 1024;

/**
 * A size-capped technical log. It records only the message and the error's name and stack
 * frames, never the error message (which may quote case data from SQL or input).
 */
export function createLogger(dir: string, clock: Clock = systemClock) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'kontaktregistret.log');
  return (message: string, err?: unknown) => {
    try {
      if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > MAX_BYTES) renameSync(file, `${file}.1`);
      appendFileSync(file, `${clock.now().toISOString()} ${message}${err ? ` ${redactError(err)}` : ''}\n`);
    } catch {
      // Logging must never take the app down.
    }
  };
}

export function redactError(err: unknown): string {
  if (!(err instanceof Error)) return '[icke-Error]';
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((l) => l.trim().startsWith('at '))
    .slice(0, 8);
  const code = (err as { code?: unknown }).code;
  return `${err.name}${typeof code === 'string' ? ` ${code}` : ''}\n${frames.join('\n')}`;
}
