import type { CabinetScope } from '../core/cabinet/model';
import type { Catalogue } from '../core/catalogue/schema';
import type { Consolidation, FileSummary } from '../core/consolidate-types';
import { errorCount, type Issue } from '../core/issues';
import { ragCounts } from '../core/return/counts';
import type { ValidationResult } from '../core/return/types';

/**
 * A Directorate Management Team pack: the Cabinet paper's contract (same sheets, columns,
 * protection, fingerprint) for one directorate's indicators. The returns are validated and
 * consolidated against the whole catalogue (a return may hold another directorate's indicator,
 * which is no error), then the consolidation is scoped: rows, conflicts, missing returns, counts
 * and issues are the directorate's only, so its summary and exit code are the directorate's.
 */

const key = (s: string): string => s.trim().toLowerCase();

/** The directorates the catalogue names, in its order, each once (as first spelt). */
export function directoratesOf(catalogue: Catalogue): string[] {
  const seen = new Map<string, string>();
  for (const ind of catalogue.indicators) if (!seen.has(key(ind.directorate))) seen.set(key(ind.directorate), ind.directorate.trim());
  return [...seen.values()];
}

/** The directorate as the catalogue spells it (case and surrounding spaces ignored), or undefined. */
export function matchDirectorate(catalogue: Catalogue, directorate: string): string | undefined {
  return directoratesOf(catalogue).find((d) => key(d) === key(directorate));
}

/** What a directorate's paper is and who it is for, in the paper's title line, header and properties. */
export function directorateScope(directorate: string): CabinetScope {
  return { title: `DMT pack: ${directorate}`, audience: `the ${directorate} Directorate Management Team` };
}

/** The paper's file name: `Cabinet 2024-25 Q2.xlsx`, or `DMT pack Housing 2024-25 Q2.xlsx` (no character a file name cannot hold). */
export function paperFileName(period: string, directorate?: string): string {
  const name = directorate ? `DMT pack ${directorate} ${period}` : `Cabinet ${period}`;
  return `${name.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim()}.xlsx`;
}

/** The catalogue of one directorate: its indicators, and the change-log entries about them. */
export function forDirectorate(catalogue: Catalogue, directorate: string): Catalogue {
  const indicators = catalogue.indicators.filter((i) => key(i.directorate) === key(directorate));
  const ids = new Set(indicators.map((i) => i.id.toUpperCase()));
  return {
    ...catalogue,
    indicators,
    ...(catalogue.changes ? { changes: catalogue.changes.filter((c) => ids.has(c.indicator.trim().toUpperCase())) } : {}),
  };
}

/**
 * A consolidation made against the whole catalogue (the quarter's), scoped to one directorate:
 * its rows, conflicts and missing refs; the returns of its services or that gave one of its
 * indicators; of their issues, those about its indicators or the return as a whole (period,
 * sign-off, an unreadable sheet); counts recounted from what is left.
 */
export function scopeConsolidation(c: Consolidation, catalogue: Catalogue, directorate: string): Consolidation {
  const scoped = forDirectorate(catalogue, directorate);
  const ids = new Set(scoped.indicators.map((i) => i.id.toUpperCase()));
  const known = new Set(catalogue.indicators.map((i) => i.id.toUpperCase()));
  const othersRef = (ref: string): boolean => known.has(ref.trim().toUpperCase()) && !ids.has(ref.trim().toUpperCase());
  const services = new Set(scoped.indicators.map((i) => key(i.service)));
  const ours = (ref: string | undefined): boolean => ref !== undefined && ids.has(ref.trim().toUpperCase());
  const rows = c.rows.filter((r) => ours(r.ref));
  const conflicts = c.conflicts.filter((k) => ours(k.ref));
  const missing = c.missing.filter(ours);
  const files = new Set<string>([
    ...c.files.filter((f) => f.service !== undefined && services.has(key(f.service))).map((f) => f.file),
    ...rows.map((r) => r.file),
    ...conflicts.flatMap((k) => k.values.map((v) => v.file)),
    ...c.issues.filter((i) => ours(i.ref) && i.file !== undefined).map((i) => i.file as string),
  ]);
  const listed = new Set(c.files.map((f) => f.file));
  // An issue about another directorate's indicator goes. One about a return of ours stays (its own
  // indicators, a ref the catalogue does not know, the return as a whole), as does one about a file
  // that could not be read at all (nobody knows whose it was).
  const keep = (i: Issue): boolean => {
    if (i.ref !== undefined && ours(i.ref)) return true;
    if (i.ref !== undefined && othersRef(i.ref)) return false;
    return i.file === undefined || files.has(i.file) || !listed.has(i.file);
  };
  const issues = c.issues.filter(keep);
  const byFile = (f: FileSummary): FileSummary => {
    const own = issues.filter((i) => i.file === f.file);
    const errors = errorCount(own);
    return { ...f, errors, warnings: own.length - errors };
  };
  return {
    ...c,
    rows, conflicts, missing,
    files: c.files.filter((f) => files.has(f.file)).map(byFile),
    issues,
    findings: c.findings.filter(keep),
    counts: ragCounts([...rows.map((r) => r.status), ...missing.map(() => 'Missing' as const)]),
  };
}

/**
 * Each return of a directorate's consolidation (`scopeConsolidation`) as that directorate reads it:
 * the other directorates' rows and their issues left out, counts recounted. Returns not in the
 * scoped consolidation's files are left out.
 */
export function scopeResults<R extends { readonly file: string; readonly validation: ValidationResult }>(
  results: readonly R[], scoped: Consolidation, catalogue: Catalogue, directorate: string,
): R[] {
  const files = new Set(scoped.files.map((f) => f.file));
  const others = new Set(catalogue.indicators.filter((i) => key(i.directorate) !== key(directorate)).map((i) => i.id.toUpperCase()));
  const theirs = (ref: string | undefined): boolean => ref !== undefined && others.has(ref.trim().toUpperCase());
  return results.filter((r) => files.has(r.file)).map((r) => {
    const rows = r.validation.rows.filter((x) => !theirs(x.ref));
    return { ...r, validation: { ...r.validation, rows, issues: r.validation.issues.filter((i) => !theirs(i.ref)), counts: ragCounts(rows.map((x) => x.status)) } };
  });
}
