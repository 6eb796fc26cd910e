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

/**
 * Progress on stderr, so stdout stays clean for --json and pipes. Only for batches big enough to
 * wait on, and about ten lines however many files.
 */
export function progress(ctx: Context, verb: string, total: number): (done: number) => void {
  if (ctx.quiet || total < 10) return () => undefined;
  const step = Math.max(1, Math.ceil(total / 10));
  return (done) => {
    if (done === total || done % step === 0) ctx.io.stderr(`${verb} ${done}/${total} files\n`);
  };
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
