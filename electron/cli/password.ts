import { createInterface } from 'node:readline';

/** Standard in, one line per secret asked for (the user's password first, then e.g. the database password). */
let lines: AsyncIterator<string> | null = null;

async function nextLine(): Promise<string | undefined> {
  lines ??= createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
  const r = await lines.next();
  return r.done ? undefined : r.value;
}

/** A secret from the environment variable, or the next line of stdin; never from argv (visible in ps). */
export async function readSecret(envName: string, prompt: string, missing: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write(prompt);
  const line = await nextLine();
  if (line === undefined) throw new Error(missing);
  return line;
}

/** The password comes from KPR_PASSWORD or the first line of stdin, never from argv (visible in ps). */
export function readPassword(prompt: string): Promise<string> {
  return readSecret(
    'KPR_PASSWORD',
    prompt,
    'Inget lösenord angivet (sätt KPR_PASSWORD eller skicka det på standard in).',
  );
}
