import type { Issue, Severity } from '../core/issues';

/**
 * The core's messages are whole sentences for the CLI, which prints one issue per line with
 * nothing beside it: they start with the ref and name the cell in brackets. The pane shows the ref
 * and cell beside the message, so it drops those repeats to keep each row short.
 */
export function paneMessage(issue: Pick<Issue, 'message' | 'ref' | 'cell'>): string {
  let text = issue.message.trim();
  if (issue.ref) {
    const lead = `${issue.ref}: `;
    if (text.startsWith(lead)) text = text.slice(lead.length);
  }
  if (issue.cell) {
    // Only the bracketed copy of this very cell: other cells (a duplicate's first row) are news.
    text = text.split(` (${issue.cell})`).join('');
  }
  text = text.trim();
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : issue.message;
}

const ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1 };

/** Errors first (they block sign-off), each group in the order the rules found them (sheet order). */
export function errorsFirst<T extends Pick<Issue, 'severity'>>(issues: readonly T[]): T[] {
  return issues.map((issue, i) => ({ issue, i }))
    .sort((a, b) => ORDER[a.issue.severity] - ORDER[b.issue.severity] || a.i - b.i)
    .map((x) => x.issue);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `2 errors, 1 warning`: the same words in the heading, the live region and the tests. */
export function severityCounts(issues: readonly Pick<Issue, 'severity'>[]): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  return `${plural(errors, 'error')}, ${plural(issues.length - errors, 'warning')}`;
}
