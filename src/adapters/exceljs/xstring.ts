/**
 * Text as a cell's string is written so that it reads back as it was. Excel, ExcelJS, openpyxl and
 * our reader all undo `_xHHHH_` in a cell's text (ST_Xstring, ECMA-376 Part 1 §22.9.2.19: that is how
 * a file carries characters XML cannot), so a lead's commentary with `_x0041_` in it would come back
 * as `A`. The spec's own escape keeps it: the underscore is written `_x005F_` (an escaped `_`).
 */
export function xstringText(text: string): string {
  return text.includes('_x') ? text.replace(ESCAPE_LIKE, '_x005F_') : text;
}

/** An underscore that starts something the readers would take for an escape. */
const ESCAPE_LIKE = /_(?=x[0-9A-Fa-f]{4}_)/g;
