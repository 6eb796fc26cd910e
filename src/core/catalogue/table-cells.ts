/**
 * How one catalogue value sits in one spreadsheet cell, both ways, so that JSON → xlsx → JSON is
 * lossless. Objects flatten into dotted column names (`targets.2023-24`); known lists are written
 * `Q1,Q2`; `null` is the text `null`; anything else that a cell cannot hold plainly (other lists,
 * empty objects, a text that would read back as something else) is written as JSON text.
 */
import { serialToIso } from '../format';
import type { CellValue } from '../grid';

export type Scalar = string | number | boolean;
export type Json = null | Scalar | readonly Json[] | { readonly [k: string]: Json };

/** Fields that are lists of short codes, written comma-separated. */
export const LIST_FIELDS: ReadonlySet<string> = new Set(['dueQuarters', 'financialYears']);
const NUMBER_FIELDS = /^(decimals|suppressBelow|schemaVersion|targets\..+|floor\..+|tolerance\..+|range\..+|benchmark\.value|defaults\.decimals|defaults\.tolerance\..+)$/;
const BOOLEAN_FIELDS = /^(statutory|blue|suppressZero|signOff\.separateSigner)$/;
const TEXT_FIELDS = /^(id|title|priority|flagship|directorate|service|indicator|reason|authority|organisation|plan|version|definition|source|year|benchmark\.label)$/;
const DATE_FIELDS = /^(date)$/;

function isPlainObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function encodeScalar(v: Json): Scalar {
  if (v === null) return 'null';
  if (typeof v === 'string') return v.trim() === 'null' || v.trim() === '' || /^\s*["[{]/.test(v) ? JSON.stringify(v) : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

/** One object as dotted column → cell value. */
export function flatten(obj: Readonly<Record<string, Json>>, prefix = ''): Map<string, Scalar> {
  const out = new Map<string, Scalar>();
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    const key = prefix ? `${prefix}.${k}` : k;
    if (Array.isArray(v)) {
      const codes = v.length > 0 && v.every((x) => typeof x === 'string' && x !== '' && !/[,"[{]/.test(x) && x.trim() === x);
      out.set(key, LIST_FIELDS.has(key) && codes ? v.join(',') : JSON.stringify(v));
    } else if (isPlainObject(v) && Object.keys(v).length > 0 && Object.keys(v).every((kk) => !kk.includes('.') && kk !== '')) {
      for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    } else {
      out.set(key, encodeScalar(v));
    }
  }
  return out;
}

/** A cell back to a value for the dotted field; undefined for a blank cell. */
export function decodeCell(field: string, cell: CellValue | undefined): Json | undefined {
  if (cell === null || cell === undefined || cell === '') return undefined;
  if (typeof cell === 'object') return cell.error;
  const last = field.slice(field.lastIndexOf('.') + 1);
  if (typeof cell === 'string') {
    const t = cell.trim();
    if (t === '') return undefined;
    if (t === 'null') return null;
    if (/^["[{]/.test(t)) {
      try {
        return JSON.parse(t) as Json;
      } catch {
        // Not JSON after all: the text as typed.
      }
    }
    if (LIST_FIELDS.has(field)) return t.split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (NUMBER_FIELDS.test(field) && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number(t);
    if (BOOLEAN_FIELDS.test(field) && /^(true|false|yes|no)$/i.test(t)) return /^(true|yes)$/i.test(t);
    return cell;
  }
  if (typeof cell === 'number') {
    const iso = DATE_FIELDS.test(last) ? serialToIso(cell) : undefined;
    if (iso) return iso;
    if (TEXT_FIELDS.test(field) || LIST_FIELDS.has(field)) return LIST_FIELDS.has(field) ? [String(cell)] : String(cell);
  }
  return cell;
}

/** Set `a.b.c` in an object; false when a shorter path already holds a plain value. */
export function setPath(target: Record<string, Json>, field: string, value: Json): boolean {
  const parts = field.split('.');
  let here: Record<string, Json> = target;
  for (const part of parts.slice(0, -1)) {
    const next = here[part];
    if (next === undefined) {
      const made: Record<string, Json> = {};
      here[part] = made;
      here = made;
    } else if (isPlainObject(next)) {
      here = next as Record<string, Json>;
    } else {
      return false;
    }
  }
  const leaf = parts[parts.length - 1] ?? field;
  if (here[leaf] !== undefined && isPlainObject(here[leaf]) && !isPlainObject(value)) return false;
  here[leaf] = value;
  return true;
}
