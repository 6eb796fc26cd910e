import type { Rect } from '../address';
import type { RagStatus } from '../rag';
import type { ConditionalFormatPlan } from './types';

/**
 * RAG colours for every status, each with a text colour of at least 4.5:1 contrast (WCAG AA for
 * normal text) and a symbol, so colour is never the only signal (print in grey, colour blindness).
 */
export interface RagStyle {
  readonly fill: string;
  readonly fontColor: string;
  readonly symbol: string;
}

export const RAG_STYLE: Readonly<Record<RagStatus, RagStyle>> = {
  Blue: { fill: '#1D4F91', fontColor: '#FFFFFF', symbol: '★' },
  Green: { fill: '#00703C', fontColor: '#FFFFFF', symbol: '✔' },
  Amber: { fill: '#FFBF47', fontColor: '#0B0C0C', symbol: '▲' },
  Red: { fill: '#B10E1E', fontColor: '#FFFFFF', symbol: '✖' },
  Complete: { fill: '#4C2C92', fontColor: '#FFFFFF', symbol: '■' },
  Missing: { fill: '#FFFFFF', fontColor: '#B10E1E', symbol: '?' },
  Tracking: { fill: '#DEE0E2', fontColor: '#0B0C0C', symbol: '–' },
  'Not due': { fill: '#F3F2F1', fontColor: '#505A5F', symbol: '–' },
};

/** What the live RAG formula shows when it cannot decide: a value to fix (`Error`) or to give (`Check`). */
export const PROBLEM_STYLE: RagStyle = { fill: '#FFF2CC', fontColor: '#7A0B14', symbol: '!' };
export const PROBLEM_TEXTS = ['Error', 'Check'] as const;

/** `✔ Green`: the status with its symbol, for sheets read by people. */
export function ragLabel(status: RagStatus): string {
  return `${RAG_STYLE[status].symbol} ${status}`;
}

function channel(hex: string, at: number): number {
  const c = parseInt(hex.slice(at, at + 2), 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance of `#RRGGBB`. */
export function relativeLuminance(hex: string): number {
  if (!/^#[0-9A-Fa-f]{6}$/.test(hex)) throw new Error(`not a #RRGGBB colour: ${hex}`);
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** WCAG 2 contrast ratio of two `#RRGGBB` colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** True when the cell holds exactly the text, or the text after its symbol (`✔ Green`). */
function textTest(topLeft: string, text: string, symbol: string): string {
  return `OR(EXACT(TRIM(${topLeft}),${quote(text)}),EXACT(TRIM(${topLeft}),${quote(`${symbol} ${text}`)}))`;
}

/**
 * One expression rule per status (and one for Error/Check) colouring `range` by the text of
 * `topLeft`, a reference in the rule's formula text (made with core/address's cellA1): the range's
 * own top-left cell, or e.g. `$L15` to colour a row's Actual by its RAG.
 * Expression rules, not containsText: ExcelJS loses containsText's text and LibreOffice ignores it.
 */
export function ragConditionalFormats(range: Rect, topLeft: string, priorityStart: number): ConditionalFormatPlan[] {
  const rules: ConditionalFormatPlan[] = (Object.keys(RAG_STYLE) as RagStatus[]).map((status, i) => {
    const s = RAG_STYLE[status];
    return {
      range,
      formula: textTest(topLeft, status, s.symbol),
      style: { fill: s.fill, fontColor: s.fontColor, bold: status === 'Red' || status === 'Missing' },
      priority: priorityStart + i,
      stopIfTrue: true,
    };
  });
  const problems = PROBLEM_TEXTS.map((t) => textTest(topLeft, t, PROBLEM_STYLE.symbol));
  rules.push({
    range,
    formula: `OR(${problems.join(',')})`,
    style: { fill: PROBLEM_STYLE.fill, fontColor: PROBLEM_STYLE.fontColor, bold: true },
    priority: priorityStart + rules.length,
    stopIfTrue: true,
  });
  return rules;
}
