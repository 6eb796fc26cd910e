/**
 * Excel colours as CSS hex for Univer. Office.js takes `#RRGGBB` or an HTML colour name
 * (https://learn.microsoft.com/javascript/api/excel/excel.rangefill#excel-excel-rangefill-color-member);
 * our plans write hex, so names are mapped for the few Excel documents and the rest are dropped.
 */
const NAMED: Readonly<Record<string, string>> = { white: '#FFFFFF', black: '#000000', red: '#FF0000', green: '#008000', blue: '#0000FF', yellow: '#FFFF00', orange: '#FFA500', gray: '#808080', grey: '#808080' };

export function cssColour(colour: string | undefined): string | undefined {
  if (!colour) return undefined;
  const c = colour.trim();
  if (/^#[0-9a-f]{6}$/i.test(c)) return c.toUpperCase();
  if (/^#[0-9a-f]{3}$/i.test(c)) return `#${[...c.slice(1)].map((x) => x + x).join('')}`.toUpperCase();
  return NAMED[c.toLowerCase()];
}

/** A colour as Univer reports it (`rgb(177,14,30)` or hex) as `#RRGGBB`, to compare with a plan's colours. */
export function hexColour(colour: string | undefined): string | undefined {
  const m = colour?.trim().match(/^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/i);
  if (!m) return cssColour(colour);
  return `#${m.slice(1, 4).map((x) => Math.min(255, Number(x)).toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}
