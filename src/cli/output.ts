import type { Issue } from '../core/issues';
import { issueText } from '../core/messages';

/**
 * Where a command's output goes. main() builds it from process streams; tests pass their own,
 * so every command can run in-process.
 */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Environment variables (SCORECARD_DEBUG). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Folder relative paths are resolved against. */
  readonly cwd: string;
  /** stderr is a terminal: progress is shown there (on one line, cleared when done), never in a log or pipe. */
  readonly terminal?: boolean;
}

/** What a command gets: the streams plus the global switches. */
export interface Context {
  readonly io: CliIO;
  readonly quiet: boolean;
}

export function say(ctx: Context, line = ''): void {
  if (!ctx.quiet) ctx.io.stdout(`${line}\n`);
}

/** The report itself: printed even with --quiet (quiet drops chatter, not results). */
export function print(ctx: Context, line = ''): void {
  ctx.io.stdout(`${line}\n`);
}

export function printJson(ctx: Context, doc: unknown): void {
  ctx.io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
}

const CLEAR_LINE = '\r\u001b[K';
const showing = new WeakSet<CliIO>();

/**
 * Progress on stderr, so stdout stays clean for --json and pipes: only to a terminal, on one line
 * rewritten in place and cleared when done (or when the run stops with its one-line reason), and
 * only for batches big enough to wait on. A log or a script's stderr gets no progress at all.
 */
export function progress(ctx: Context, verb: string, total: number): (done: number) => void {
  if (ctx.quiet || total < 10 || !ctx.io.terminal) return () => undefined;
  const step = Math.max(1, Math.ceil(total / 10));
  return (done) => {
    if (done >= total) clearProgress(ctx.io);
    else if (done % step === 0) {
      ctx.io.stderr(`${CLEAR_LINE}${verb} ${done}/${total} files`);
      showing.add(ctx.io);
    }
  };
}

/** Clear a progress line still showing, before anything else is printed on stderr. */
export function clearProgress(io: CliIO): void {
  if (showing.delete(io)) io.stderr(CLEAR_LINE);
}

/** `error    CS01   Return!F12   message` */
export function formatIssue(issue: Issue): string {
  const sev = issue.severity.padEnd(7);
  const ref = (issue.ref ?? '-').padEnd(6);
  const cell = (issue.cell ?? '-').padEnd(12);
  return `  ${sev}  ${ref} ${cell} ${issueText(issue, { place: 'full' })}`;
}

/** Issues as the JSON contract gives them: every key present, null when unknown; `message` is made here. */
export function issueJson(issue: Issue): Record<string, unknown> {
  return {
    severity: issue.severity,
    code: issue.code,
    ref: issue.ref ?? null,
    cell: issue.cell ?? null,
    message: issueText(issue, { place: 'full' }),
    ...(issue.file === undefined ? {} : { file: issue.file }),
  };
}
