import type { Catalogue, Indicator } from '../catalogue/schema';
// Formula text: its cell references are A1, made by core/address.
import { cellA1 } from '../address';
import type { Period } from '../period';
import { ragOfSuppressed, ragRule } from '../rag';
import { isDue } from '../catalogue/accessors';

/**
 * The live RAG formula of the Return template: Excel text that reproduces `rag()` from the rule
 * numbers `ragRule()` gave, stored in hidden cells of the same row. Only functions Excel,
 * LibreOffice and HyperFormula share (IF, AND, OR, NOT, ROUND, INT, LOG10, ABS, SIGN, ISNUMBER,
 * ISERROR, VALUE, TRIM, LEFT, SUBSTITUTE), no LET. Hidden helper cells hold the actual as a
 * number, its scale and rounded, so each step can be inspected and the RAG formula stays readable.
 *
 * Shows `Not due`, `Missing`, `Tracking`, `Blue`, `Green`, `Amber`, `Red`, `Complete`, or:
 * - for `<N` typed where the catalogue allows suppression below N: the status every value
 *   0 … N−1 gives (precomputed by `ragOfSuppressed`), `Check` when they disagree or N differs;
 * - `Error` for text that is not a number, an error value, a status not in the list, or `<N`
 *   where the indicator is never suppressed.
 * The validator stays the authority; where the sheet cannot decide it says so rather than guess:
 * `Check` is the validator's Tracking with a `suppressed-rag-unknown` warning (or a `<N` other than
 * `<suppressBelow>`, which the validator works out), `Error` is its Missing with an error issue.
 * Text numbers go through the spreadsheet's VALUE, which may accept more than the validator does.
 * A value typed as `80%` is stored as 0.8 and compared as 0.8: the validator warns
 * (`percent-as-fraction`), the formula cannot see number formats in every engine.
 */

/** 1-based columns of the cells the formulas read, all in the same row. */
export interface RagFormulaColumns {
  readonly actual: number;
  readonly status: number;
  /** The helper cell holding `numberFormula`. */
  readonly number: number;
  /** The helper cell holding `scaleFormula`. */
  readonly scale: number;
  /** The helper cell holding `roundedFormula`. */
  readonly rounded: number;
  /** `higher` | `lower` | `range` | `tracking` | `qualitative` */
  readonly kind: number;
  readonly decimals: number;
  readonly target: number;
  readonly amberFrom: number;
  readonly amberTo: number;
  readonly bandMin: number;
  readonly bandMax: number;
  /** blueAbove (higher) or blueBelow (lower); blank when Blue is off. */
  readonly blue: number;
  /** 1 when due in the period, 0 when not. */
  readonly due: number;
  /** suppressBelow, blank when the indicator is never suppressed. */
  readonly suppressBelow: number;
  /** The status of `<suppressBelow>`, or `Check`. */
  readonly suppressedRag: number;
}

/**
 * Excel's ROUND(v, d) made exact in every engine: Excel first takes
 * v to 15 significant digits, HyperFormula's ROUND multiplies in binary (ROUND(1.005, 2) = 1).
 * So scale v to a 15-digit integer, round that, then drop the extra digits with a second integer
 * rounding: both steps divide exact integers by exact powers of ten, so halves stay halves.
 * The scale k comes from LOG10, which can land on the next integer just below a power of ten, and
 * HyperFormula's INT truncates where Excel's floors: both are at most one off, so k is corrected
 * until v·10^k has exactly 15 digits. When d asks for more than 15 significant digits the 15-digit
 * value is the answer; from 1E15 up, v itself (nobody types more digits).
 */
export function scaleExpression(v: string): string {
  const k0 = `(14-INT(LOG10(ABS(${v}))))`;
  return `${k0}+(ABS(${v})*10^${k0}<10^14)-(ABS(${v})*10^${k0}>=10^15)`;
}

/** ROUND(v, d) from v and its scale k (`scaleExpression`), all three cell references. */
export function excelRoundExpression(v: string, d: string, k: string): string {
  const integer15 = `ROUND(ABS(${v})*10^${k},0)`;
  const to15 = `IF(${k}<0,${v},SIGN(${v})*${integer15}/10^${k})`;
  return `IF(${v}=0,0,IF(${k}-${d}<=0,${to15},SIGN(${v})*ROUND(${integer15}/10^(${k}-${d}),0)/10^${d}))`;
}

/** The actual as a number (typed, or text that is a number), or "" when it is not one. */
export function numberFormula(row: number, cols: Pick<RagFormulaColumns, 'actual'>): string {
  const x = cellA1(row, cols.actual);
  const asText = `VALUE(TRIM(${x}))`;
  return `IF(ISERROR(${x}),"",IF(ISNUMBER(${x}),${x},IF(TRIM(${x}&"")="","",IF(ISNUMBER(${asText}),${asText},""))))`;
}

/** The power of ten that makes that number a 15-digit integer, or "". */
export function scaleFormula(row: number, cols: Pick<RagFormulaColumns, 'number'>): string {
  const n = cellA1(row, cols.number);
  return `IF(ISNUMBER(${n}),IF(${n}=0,0,${scaleExpression(n)}),"")`;
}

/** That number rounded to the indicator's decimals as Excel's ROUND does, or "". */
export function roundedFormula(row: number, cols: Pick<RagFormulaColumns, 'number' | 'scale' | 'decimals'>): string {
  const n = cellA1(row, cols.number);
  return `IF(ISNUMBER(${n}),${excelRoundExpression(n, cellA1(row, cols.decimals), cellA1(row, cols.scale))},"")`;
}

function qualitative(s: string): string {
  const t = `TRIM(${s})`;
  return (
    `IF(ISERROR(${s}),"Error",IF(TRIM(${s}&"")="","Missing",` +
    `IF(${t}="On track","Green",IF(${t}="At risk","Amber",IF(${t}="Off track","Red",` +
    `IF(${t}="Complete","Complete","Error"))))))`
  );
}

/** The RAG formula for one row (no leading `=`). */
export function ragFormula(row: number, cols: RagFormulaColumns): string {
  const c = (col: number): string => cellA1(row, col);
  const x = c(cols.actual);
  const r = c(cols.rounded);
  const kind = c(cols.kind);
  const target = c(cols.target);
  const blue = c(cols.blue);
  const sb = c(cols.suppressBelow);
  const amberFrom = c(cols.amberFrom);
  const amberTo = c(cols.amberTo);
  const suppressed =
    `IF(${sb}="","Error",IF(SUBSTITUTE(TRIM(${x})," ","")="<"&${sb},${c(cols.suppressedRag)},"Check"))`;
  const higher = `IF(AND(${blue}<>"",${r}>${blue}),"Blue",IF(${r}>=${target},"Green",IF(${r}>=${amberFrom},"Amber","Red")))`;
  const lower = `IF(AND(${blue}<>"",${r}<${blue}),"Blue",IF(${r}<=${target},"Green",IF(${r}<=${amberTo},"Amber","Red")))`;
  const range =
    `IF(AND(${r}>=${c(cols.bandMin)},${r}<=${c(cols.bandMax)}),"Green",` +
    `IF(AND(${r}>=${amberFrom},${r}<=${amberTo}),"Amber","Red"))`;
  const compare = `IF(${kind}="higher",${higher},IF(${kind}="lower",${lower},IF(${kind}="range",${range},"Tracking")))`;
  const quantitative =
    `IF(ISERROR(${x}),"Error",IF(TRIM(${x}&"")="","Missing",IF(LEFT(TRIM(${x}),1)="<",${suppressed},` +
    `IF(NOT(ISNUMBER(${r})),"Error",IF(${kind}="tracking","Tracking",${compare})))))`;
  return `IF(${c(cols.due)}=0,"Not due",IF(${kind}="qualitative",${qualitative(c(cols.status))},${quantitative}))`;
}

/** The hidden rule cells of one row: exactly the numbers `ragRule` compares against. */
export interface RagRuleCells {
  readonly kind: 'higher' | 'lower' | 'range' | 'tracking' | 'qualitative';
  readonly decimals: number | null;
  readonly target: number | null;
  readonly amberFrom: number | null;
  readonly amberTo: number | null;
  readonly bandMin: number | null;
  readonly bandMax: number | null;
  readonly blue: number | null;
  readonly due: 0 | 1;
  readonly suppressBelow: number | null;
  readonly suppressedRag: string;
}

export function ragRuleCells(indicator: Indicator, period: Period, defaults?: Catalogue['defaults']): RagRuleCells {
  const due = isDue(indicator, period) ? 1 : 0;
  const sb = indicator.suppressBelow ?? null;
  const suppressedRag = sb === null ? 'Error' : (ragOfSuppressed({ indicator, period, defaults }, sb)?.status ?? 'Check');
  const none = { target: null, amberFrom: null, amberTo: null, bandMin: null, bandMax: null, blue: null };
  const base = { due, suppressBelow: sb, suppressedRag } as const;
  if (indicator.kind === 'qualitative') return { kind: 'qualitative', decimals: null, ...none, ...base };
  const rule = ragRule(indicator, period.year, defaults);
  switch (rule.kind) {
    case 'tracking':
      return { kind: 'tracking', decimals: rule.decimals, ...none, ...base };
    case 'higher':
      return { ...none, kind: 'higher', decimals: rule.decimals, target: rule.target, amberFrom: rule.amberFrom, blue: rule.blueAbove ?? null, ...base };
    case 'lower':
      return { ...none, kind: 'lower', decimals: rule.decimals, target: rule.target, amberTo: rule.amberTo, blue: rule.blueBelow ?? null, ...base };
    case 'range':
      return {
        ...none, kind: 'range', decimals: rule.decimals, amberFrom: rule.amberFrom, amberTo: rule.amberTo,
        bandMin: rule.band.min, bandMax: rule.band.max, ...base,
      };
  }
}
