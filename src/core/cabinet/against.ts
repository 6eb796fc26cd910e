import type { Grid } from '../grid';
import type { History, HistoryValue } from '../history/schema';
import { previousValuesFromGrid, type PreviousValue } from './previous';

/**
 * A Cabinet paper's numbers against the BI master's record of its quarter (`verify --against`):
 * per ref, the Actual as shown (a suppressed count as `<5`, which is how the master keeps it too)
 * and the RAG. The fingerprint shows the paper is as exported; this shows the export matched the
 * record, so a paper made from other returns than the ones recorded is found.
 */
export type Against =
  | {
    readonly ok: true;
    readonly period: string;
    /** Refs compared with the record. */
    readonly refs: number;
    readonly differences: readonly string[];
    /** Results carried forward from a quarter the master does not hold: not compared, and said so. */
    readonly notChecked: readonly { readonly ref: string; readonly from: string }[];
  }
  | { readonly ok: false; readonly reason: string };

const num = (v: number): string => String(Math.round(v * 1e9) / 1e9);

/** The master's value as the paper would show it. */
function recordedText(v: HistoryValue): string {
  if (v.qualitative) return v.qualitative;
  if (v.actual === null) return '';
  return typeof v.actual === 'number' ? num(v.actual) : v.actual;
}

/** N of a suppressed count as shown (`<5`), else undefined. */
function suppressedBelow(text: string): number | undefined {
  const m = /^<(\d+)$/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** The master keeps the count as returned (3) or as suppressed (`<5`); the paper shows `<5` for 1 to 4. */
function sameSuppressed(shown: string, kept: HistoryValue): boolean {
  const below = suppressedBelow(shown);
  if (below === undefined) return false;
  return typeof kept.actual === 'number' ? kept.actual >= 1 && kept.actual < below : kept.actual === shown;
}

function shownText(p: PreviousValue): string {
  if (p.qualitative) return p.qualitative;
  return p.actual !== null ? num(p.actual) : p.text;
}

/** The paper's first text cells (its title names the council), for a master of another council. */
function titleText(grid: Grid): string {
  return grid.values.slice(0, 3).flat().filter((v): v is string => typeof v === 'string').join(' ').toLowerCase();
}

export function compareWithMaster(grid: Grid, master: History): Against {
  const paper = previousValuesFromGrid(grid);
  const period = paper.period?.trim();
  if (!period) return { ok: false, reason: 'the paper states no period, so there is no quarter to compare' };
  const organisation = master.organisation.trim();
  if (organisation && !titleText(grid).includes(organisation.toLowerCase())) {
    return { ok: false, reason: `is the BI master of ${organisation}, and the paper is not that council's (its title does not name it)` };
  }
  const record = master.periods.find((p) => p.period.trim().toLowerCase() === period.toLowerCase());
  if (!record) return { ok: false, reason: `has no record of ${period} (it holds ${master.periods.map((p) => p.period).join(', ') || 'no quarter'})` };
  const byPeriod = new Map(master.periods.map((p) => [p.period.trim().toLowerCase(), new Map(p.values.map((v) => [v.ref.trim().toUpperCase(), v]))]));
  const recorded = byPeriod.get(period.toLowerCase()) ?? new Map<string, HistoryValue>();
  const differences: string[] = [];
  const notChecked: { ref: string; from: string }[] = [];
  const refs = new Set([...Object.keys(paper.values), ...recorded.keys()].filter((r) => r !== ''));
  for (const ref of [...refs].sort()) {
    const shown = paper.values[ref];
    // A result carried forward ("last available") is compared with the record of its own quarter.
    const from = shown?.dataPeriod && shown.dataPeriod.toLowerCase() !== period.toLowerCase() ? shown.dataPeriod : undefined;
    if (from !== undefined && !byPeriod.has(from.toLowerCase())) {
      notChecked.push({ ref, from });
      continue;
    }
    const kept = from !== undefined ? byPeriod.get(from.toLowerCase())?.get(ref) : recorded.get(ref);
    if (!kept) {
      if (shown && shownText(shown) !== '') differences.push(`${ref}: on the paper (${shownText(shown)}), not in the master's record`);
      continue;
    }
    if (!shown) {
      differences.push(`${ref}: in the master's record (${recordedText(kept) || 'blank'}), not on the paper`);
      continue;
    }
    const a = shownText(shown);
    const b = recordedText(kept);
    if (a !== b && !sameSuppressed(a, kept)) {
      // A paper's `<N` is never set beside the master's raw count when that count is below N.
      const said = suppressedBelow(a) !== undefined && typeof kept.actual === 'number' && kept.actual >= 1 && kept.actual < (suppressedBelow(a) ?? 0) ? a : b;
      differences.push(`${ref}: actual ${a || 'blank'} on the paper, ${said || 'blank'} in the master`);
    }
    // The paper marks RAG with a symbol too (`✖ Red`), so it reads without colour.
    const rag = (shown.rag ?? '').replace(/^[^A-Za-z]+/, '').replace(/\s*\(.*\)\s*$/, '');
    if (rag !== kept.status) differences.push(`${ref}: RAG ${rag || 'blank'} on the paper, ${kept.status} in the master`);
  }
  return { ok: true, period, refs: refs.size - notChecked.length, differences, notChecked };
}
