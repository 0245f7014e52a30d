/**
 * Command-line tool over the same core as the app (no Electron):
 *   npm run cli -- <command> [--data DIR] [--user NAME] ...
 * Exit codes: 0 ok, 1 failed check, 2 usage or input error.
 */
import { parseArgs } from 'node:util';
import { AppCore } from '../core/app-core';
import { clockFromEnv, type Clock } from '../core/clock';
import { DomainError } from '../../shared/errors';
import { commands, usage } from './commands';
import { fileSink } from './file-sink';

function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      user: { type: 'string' },
      name: { type: 'string' },
      unit: { type: 'string' },
      seed: { type: 'string' },
      month: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      reason: { type: 'string' },
      'pay-date': { type: 'string' },
      'check-line': { type: 'string', multiple: true },
      to: { type: 'string' },
      from: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      database: { type: 'string' },
      'db-user': { type: 'string' },
      ca: { type: 'string' },
      pin: { type: 'string' },
      label: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** A command line the parser refuses, in Swedish (Node's own text is English and names no remedy). */
function parseError(err: unknown): string | null {
  const e = err as { code?: string; message?: string };
  if (!e.code?.startsWith('ERR_PARSE_ARGS_')) return null;
  const option = /'(-{1,2}[^'\s]+)/.exec(e.message ?? '')?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return `Okänt val på kommandoraden: ${option}. Lösenord anges aldrig som val (använd KPR_PASSWORD eller standard in). Se --help.`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `Valet ${option} behöver ett värde. Se --help.`;
  return 'Kommandoraden kunde inte läsas. Se --help.';
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (err) {
    const message = parseError(err);
    if (!message) throw err;
    process.stderr.write(`${message}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [name, ...rest] = positionals;
  if (values.help || !name || !(name in commands)) {
    process.stderr.write(usage());
    return name && !values.help ? 2 : 0;
  }
  const dataDir = values.data ?? process.env.KPR_DATA;
  if (!dataDir) {
    process.stderr.write('Ange datamappen med --data DIR eller miljövariabeln KPR_DATA.\n');
    return 2;
  }
  let clock: Clock;
  try {
    clock = clockFromEnv(process.env.KPR_NOW);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  const core = new AppCore({ dataDir, clock, exportSink: values.out ? fileSink(values.out) : undefined });
  try {
    return await commands[name as keyof typeof commands](core, { ...values, args: rest });
  } catch (err) {
    if (err instanceof DomainError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  } finally {
    await core.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(
      `Oväntat fel: ${err instanceof Error ? `${err.name}: ${err.message.split('\n')[0]}` : 'okänt'}\n`,
    );
    process.exit(1);
  },
);
