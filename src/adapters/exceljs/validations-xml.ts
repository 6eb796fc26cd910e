import { cellA1, columnLetters, parseA1 } from '../../core/address';
import { leaf, node } from './xml-out';

/**
 * `<dataValidations>` as ExcelJS 4.4.0 writes it (lib/xlsx/xform/sheet/data-validations-xform.js):
 * one entry per address the validations were added at, sorted as text; equal validations added
 * cell by cell joined into rectangles. ECMA-376 Part 1, 18.3.1.32 dataValidation.
 */
export interface Validation {
  readonly type?: string;
  readonly operator?: string;
  readonly allowBlank?: boolean;
  readonly showInputMessage?: boolean;
  readonly promptTitle?: string;
  readonly prompt?: string;
  readonly showErrorMessage?: boolean;
  readonly errorStyle?: string;
  readonly errorTitle?: string;
  readonly error?: string;
  readonly formulae?: readonly unknown[];
}

/** lodash-like deep equality, as ExcelJS's under-dash isEqual compares validations. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== typeof b) return false;
  if (typeof a !== 'object' || a === null || b === null) return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((v, i) => same(v, (b as unknown[])[i]));
  const ka = Object.keys(a);
  const bo = b as Record<string, unknown>;
  return ka.length === Object.keys(bo).length && ka.every((k) => Object.prototype.hasOwnProperty.call(bo, k) && same((a as Record<string, unknown>)[k], bo[k]));
}

interface Entry { readonly address: string; readonly validation: Validation; marked: boolean }

/** optimiseDataValidations: each entry with its sqref. */
function optimise(model: Readonly<Record<string, Validation | undefined>>): (Validation & { sqref: string })[] {
  const list: Entry[] = Object.keys(model).filter((a) => model[a] !== undefined)
    .map((address) => ({ address, validation: model[address] as Validation, marked: false }))
    .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  const byAddress = new Map(list.map((e) => [e.address, e]));
  const at = (row: number, col: number): string => cellA1(row, col);
  const out: (Validation & { sqref: string })[] = [];
  for (const dv of list) {
    if (dv.marked) continue;
    if (dv.address.includes(':')) {
      const r = parseA1(dv.address);
      if (!r) throw new Error(`validations-xml: ${dv.address} is not a range`);
      const dimensions = `${columnLetters(r.left)}${r.top}:${columnLetters(r.right)}${r.bottom}`;
      const entry = byAddress.get(dimensions);
      // ExcelJS fails here too (reading .marked of undefined): a range must be given as it normalises it.
      if (!entry) throw new Error(`validations-xml: range ${dv.address} is not written as ${dimensions}`);
      entry.marked = true;
      out.push({ ...dv.validation, sqref: dv.address });
      continue;
    }
    const r = parseA1(dv.address);
    if (!r) throw new Error(`validations-xml: ${dv.address} is not a cell`);
    const row = r.top;
    const col = r.left;
    const equal = (address: string): boolean => model[address] !== undefined && same(dv.validation, model[address]);
    let height = 1;
    while (equal(at(row + height, col))) height++;
    const columnMatches = (c: number): boolean => {
      for (let i = 0; i < height; i++) if (!model[at(row + i, c)] || !same(model[dv.address], model[at(row + i, c)])) return false;
      return true;
    };
    let width = 1;
    while (columnMatches(col + width)) width++;
    for (let i = 0; i < height; i++) for (let j = 0; j < width; j++) (byAddress.get(at(row + i, col + j)) as Entry).marked = true;
    out.push({ ...dv.validation, sqref: height > 1 || width > 1 ? `${dv.address}:${at(row + height - 1, col + width - 1)}` : dv.address });
  }
  return out;
}

export function dataValidationsXml(model: Readonly<Record<string, Validation | undefined>>): string {
  const list = optimise(model);
  if (!list.length) return '';
  const items = list.map((v) => {
    const typed = v.type !== 'any';
    const attributes = {
      type: typed ? v.type : undefined,
      operator: typed && v.operator && v.type !== 'list' && v.operator !== 'between' ? v.operator : undefined,
      allowBlank: typed && v.allowBlank ? '1' : undefined,
      showInputMessage: v.showInputMessage ? '1' : undefined,
      promptTitle: v.promptTitle || undefined,
      prompt: v.prompt || undefined,
      showErrorMessage: v.showErrorMessage ? '1' : undefined,
      errorStyle: v.errorStyle || undefined,
      errorTitle: v.errorTitle || undefined,
      error: v.error || undefined,
      sqref: v.sqref,
    };
    if (v.type === 'date') throw new Error('validations-xml: date validations are not written');
    const formulae = (v.formulae ?? []).map((f, i) => leaf(`formula${i + 1}`, undefined, String(f))).join('');
    return node('dataValidation', attributes, formulae);
  });
  return `<dataValidations count="${list.length}">${items.join('')}</dataValidations>`;
}
