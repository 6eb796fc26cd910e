import { columnLetters } from '../grid';

/** `$L15`: column fixed, row relative, for a rule that tests one column across a range. */
export function colAbsolute(row: number, col: number): string {
  return `$${columnLetters(col)}${row}`;
}

/** `$B$3`, for defined names. */
export function absolute(row: number, col: number): string {
  return `$${columnLetters(col)}$${row}`;
}
