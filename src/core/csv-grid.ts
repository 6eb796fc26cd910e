import { checkGridExtent, MAX_COLS, MAX_ROWS, type CellValue, type Grid } from './grid';

/**
 * A CSV file (RFC 4180, as Excel and BI tools save a sheet) as the Grid of one sheet: every field
 * text as written (the core reads numbers from text as it does from typed cells, so `007`, `1/2`
 * or `=SUM(A1)` stay what they say), an empty field an empty cell. Quoted fields may hold commas,
 * doubled quotes and line breaks; lines end CRLF, LF or CR; a byte-order mark is dropped. The
 * delimiter is the comma, or the semicolon when the first line has more of them (Excel's CSV in
 * locales whose decimal separator is a comma). Throws, with a reason, past Excel's sheet size.
 */
export function gridFromCsv(text: string, sheet: string): Grid {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = delimiterOf(src);
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let width = 0;
  const endField = (): void => {
    row.push(field === '' && !wasQuoted ? null : field);
    if (row.length > MAX_COLS) throw new Error(`sheet "${sheet}" has a line of more than Excel's ${MAX_COLS.toLocaleString('en-GB')} columns`);
    field = '';
    wasQuoted = false;
  };
  const endRow = (): void => {
    endField();
    // A line that is only empty fields is an empty row, as Excel reads it.
    if (row.every((v) => v === null)) row = [];
    if (row.length > width) width = row.length;
    rows.push(row);
    if (rows.length > MAX_ROWS) throw new Error(`sheet "${sheet}" has more lines than Excel's ${MAX_ROWS.toLocaleString('en-GB')} rows`);
    row = [];
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (src[i + 1] === '"') { field += '"'; i++; }
      else quoted = false;
    } else if (ch === '"' && field === '') { quoted = true; wasQuoted = true; }
    else if (ch === delimiter) endField();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (field !== '' || wasQuoted || row.length > 0) endRow();
  while (rows.length > 0 && (rows[rows.length - 1] as CellValue[]).length === 0) rows.pop();
  let cols = 0;
  for (const r of rows) for (let c = r.length - 1; c >= 0; c--) if (r[c] !== null) { cols = Math.max(cols, c + 1); break; }
  checkGridExtent(sheet, rows.length, cols);
  const values = rows.map((r) => Array.from({ length: cols }, (_, c) => r[c] ?? null));
  return { sheet, values, formats: values.map((r) => r.map(() => null)), origin: { row: 1, col: 1 } };
}

function delimiterOf(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}
