import { FileError, UsageError } from './errors';
import { USAGE } from './help';
import { clearProgress, type CliIO, type Context } from './output';
import { removeTempFiles } from './files';

export type { CliIO } from './output';

type Command = (ctx: Context, argv: readonly string[]) => Promise<number>;

/**
 * Each command's module is loaded only when it runs: `--help` loads none, and `validate` never loads
 * what only writing workbooks needs (ExcelJS, archiver), so the command line answers at once (issue 19).
 */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  template: async () => (await import('./commands/template')).templateCommand,
  validate: async () => (await import('./commands/validate')).validateCommand,
  consolidate: async () => (await import('./commands/consolidate')).consolidateCommand,
  catalogue: async () => (await import('./commands/catalogue')).catalogueCommand,
  verify: async () => (await import('./commands/verify')).verifyCommand,
  demo: async () => (await import('./commands/demo')).demoCommand,
  history: async () => (await import('./commands/history')).historyCommand,
  keys: async () => (await import('./commands/keys')).keysCommand,
};

/**
 * A stream the reader has closed (`scorecard … | head`, `>&-`): further output is dropped, never an
 * unhandled 'error' event and its stack trace. The run itself finishes (its files are written).
 */
function guarded(stream: NodeJS.WriteStream): (text: string) => void {
  let open = true;
  stream.on('error', () => { open = false; });
  return (text) => {
    if (!open) return;
    try {
      stream.write(text);
    } catch {
      open = false;
    }
  };
}

let signalsHandled = false;
const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** Ctrl+C (or a kill) removes the temp files not yet in place, then exits as the shell expects. */
function handleSignals(stderr: (text: string) => void): void {
  if (signalsHandled) return;
  signalsHandled = true;
  for (const [signal, code] of Object.entries(SIGNALS)) {
    process.once(signal, () => {
      removeTempFiles();
      stderr(`\nscorecard: stopped (${signal}); no file was left half-written\n`);
      process.exit(code);
    });
  }
}

function processIO(): CliIO {
  const stderr = guarded(process.stderr);
  handleSignals(stderr);
  return {
    stdout: guarded(process.stdout),
    stderr,
    env: process.env,
    cwd: process.cwd(),
    terminal: process.stderr.isTTY === true,
  };
}

/** The one line for stderr; never more, so scripts can log it and people can read it. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/**
 * The command line: returns the exit code (0 done, 1 errors found, 2 could not do it). Output goes
 * to `io`, the process streams unless a test passes its own. Nothing escapes as an exception.
 */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const quiet = argv.includes('--quiet') || argv.includes('-q');
  const rest = argv.filter((a) => a !== '--quiet' && a !== '-q');
  const ctx: Context = { io, quiet };
  const [name, ...args] = rest;
  try {
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
      const topic = name === 'help' ? args[0] : undefined;
      io.stdout(`${USAGE[topic ?? 'main'] ?? USAGE.main}\n`);
      if (name !== undefined) return 0;
      io.stderr('scorecard: say which command to run (scorecard demo --out DIR is a good start)\n');
      return 2;
    }
    if (name === '--version' || name === 'version') {
      io.stdout('scorecard 0.1.0\n');
      return 0;
    }
    const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!load) throw new UsageError(`unknown command ${name}; the commands are ${Object.keys(COMMANDS).join(', ')} (scorecard --help)`);
    if (wantsHelp(args)) {
      io.stdout(`${USAGE[name] ?? USAGE.main}\n`);
      return 0;
    }
    const command = await load();
    return await command(ctx, args);
  } catch (e) {
    clearProgress(io);
    if (e instanceof UsageError || e instanceof FileError) {
      io.stderr(`scorecard: ${oneLine(e.message)}\n`);
      return 2;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    io.stderr(`scorecard: internal error: ${oneLine(err.message)} (set SCORECARD_DEBUG=1 for details)\n`);
    if (io.env.SCORECARD_DEBUG === '1' && err.stack) io.stderr(`${err.stack}\n`);
    return 2;
  }
}
