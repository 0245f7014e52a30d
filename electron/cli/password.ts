import { createInterface } from 'node:readline';

/** The password comes from KPR_PASSWORD or the first line of stdin, never from argv (visible in ps). */
export async function readPassword(prompt: string): Promise<string> {
  const fromEnv = process.env.KPR_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write(prompt);
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  throw new Error('Inget lösenord angivet (sätt KPR_PASSWORD eller skicka det på standard in).');
}
