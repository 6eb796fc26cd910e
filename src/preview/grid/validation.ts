import { DataValidationOperator, DataValidationType } from '@univerjs/core';
import type { FUniver } from '@univerjs/core/facade';
import type { FakeSheet, FakeValidation } from '../fake-excel/state';
import { univerSheetId } from './to-univer';

type FWorkbook = NonNullable<ReturnType<FUniver['getActiveWorkbook']>>;

const num = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
};

/** Univer's form of a decimal or text-length rule; undefined for list rules (the fake checks those) and others. */
function builderFor(api: FUniver, v: FakeValidation): { build: () => unknown; textLength?: number } | undefined {
  const dv = api.newDataValidation().setAllowBlank(v.ignoreBlanks !== false).setAllowInvalid(true).setOptions({ showErrorMessage: false });
  const d = v.rule?.decimal;
  if (d) {
    const a = num(d.formula1);
    const b = num(d.formula2);
    if (d.operator === 'Between' && a !== undefined && b !== undefined) return dv.requireNumberBetween(a, b);
    if (d.operator === 'GreaterThanOrEqualTo' && a !== undefined) return dv.requireNumberGreaterThanOrEqualTo(a);
    if (d.operator === 'LessThanOrEqualTo' && a !== undefined) return dv.requireNumberLessThanOrEqualTo(a);
    return undefined;
  }
  const t = v.rule?.textLength;
  const max = num(t?.formula1);
  if (t?.operator === 'LessThanOrEqualTo' && max !== undefined) return { build: () => dv.requireNumberLessThanOrEqualTo(max).build(), textLength: max };
  return undefined;
}

/**
 * The fake's data validation as Univer's, so the grid marks a value that breaks a rule (one pasted
 * in) as Excel's "circle invalid data" would. Univer is told to let every entry through
 * (`allowInvalid`, no error box): refusing a typed entry is the fake's check (entry-check.ts), and
 * the bridge puts a refused cell back; a Univer pop-up would also cover the pane. List rules are not
 * rendered: typing into a Univer list cell opens its dropdown search, not Excel's typing.
 */
export function addValidations(api: FUniver, book: FWorkbook, sheet: FakeSheet): number {
  const ws = book.getSheetBySheetId(univerSheetId(sheet));
  if (!ws) return 0;
  let added = 0;
  for (const v of sheet.validations) {
    const b = builderFor(api, v);
    if (!b) continue;
    const range = ws.getRange(v.rect.top - 1, v.rect.left - 1, v.rect.bottom - v.rect.top + 1, v.rect.right - v.rect.left + 1);
    range.setDataValidation(b.build() as Parameters<typeof range.setDataValidation>[0]);
    if (b.textLength !== undefined) range.getDataValidation()?.setCriteria(DataValidationType.TEXT_LENGTH, [DataValidationOperator.LESS_THAN_OR_EQUAL, String(b.textLength), '']);
    added++;
  }
  return added;
}
