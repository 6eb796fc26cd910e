import { columnLetters, parseA1 } from './address';
import { MAX_COLS, MAX_ROWS } from './grid';

/**
 * A1 ⇄ R1C1 for the formulas our plans write, so one R1C1 formula can fill a whole column
 * (`range.formulasR1C1 = "=…"`; every cell gets it relative to itself, as Excel fills down).
 * Only plain cell references are converted (`H15`, `$L15`, `A$3`, and both ends of `A1:B2`);
 * text in double quotes is left alone. Anything these functions do not understand (sheet names,
 * whole rows or columns, structured references) gives undefined: the caller writes that cell
 * in A1 as before.
 */

const A1_REF = /(^|[^A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(.!])/g;
const R1C1_REF = /(^|[^A-Za-z0-9_.$])R(\[-?\d+\]|\d*)C(\[-?\d+\]|\d*)(?![A-Za-z0-9_(.![])/g;
/** Outside strings, these mean something the converters do not model (lower case: `h15` is a reference too). */
const UNSUPPORTED = /[!'[\]{}#a-z]|[A-Z]:|:[A-Z$]|\d:\d/;

/** Applies `convert` to the parts of a formula outside double-quoted strings. */
function outsideStrings(formula: string, convert: (code: string) => string | undefined): string | undefined {
  const parts = formula.split('"');
  if (parts.length % 2 === 0) return undefined;
  const out: string[] = [];
  for (const [i, part] of parts.entries()) {
    if (i % 2 === 1) {
      out.push(part);
      continue;
    }
    const converted = convert(part);
    if (converted === undefined) return undefined;
    out.push(converted);
  }
  return out.join('"');
}

/** `=IF(H15="",…)` written in row 15, column 12 → `=IF(RC[-4]="",…)`. */
export function toR1C1(formula: string, row: number, col: number): string | undefined {
  return outsideStrings(formula, (code) => {
    if (UNSUPPORTED.test(code.replace(/\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+/g, 'A1'))) return undefined;
    let ok = true;
    const text = code.replace(A1_REF, (_m, pre: string, colAbs: string, letters: string, rowAbs: string, digits: string) => {
      // Past XFD is no column: marked out of range below.
      const c = parseA1(`${letters}1`)?.left ?? MAX_COLS + 1;
      const r = Number(digits);
      if (c > MAX_COLS || r < 1 || r > MAX_ROWS) ok = false;
      const rr = rowAbs ? `R${r}` : r === row ? 'R' : `R[${r - row}]`;
      const cc = colAbs ? `C${c}` : c === col ? 'C' : `C[${c - col}]`;
      return `${pre}${rr}${cc}`;
    });
    return ok ? text : undefined;
  });
}

/** What Excel stores in each cell given an R1C1 formula: `=IF(RC[-4]="",…)` in L15 → `=IF(H15="",…)`. */
export function toA1(formulaR1C1: string, row: number, col: number): string | undefined {
  return outsideStrings(formulaR1C1, (code) => {
    let ok = true;
    const part = (spec: string, here: number): { n: number; abs: boolean } => {
      if (spec === '') return { n: here, abs: false };
      if (spec.startsWith('[')) return { n: here + Number(spec.slice(1, -1)), abs: false };
      return { n: Number(spec), abs: true };
    };
    const text = code.replace(R1C1_REF, (_m, pre: string, rs: string, cs: string) => {
      const r = part(rs, row);
      const c = part(cs, col);
      if (r.n < 1 || r.n > MAX_ROWS || c.n < 1 || c.n > MAX_COLS) ok = false;
      return `${pre}${c.abs ? '$' : ''}${columnLetters(Math.min(MAX_COLS, Math.max(1, c.n)))}${r.abs ? '$' : ''}${r.n}`;
    });
    return ok ? text : undefined;
  });
}
