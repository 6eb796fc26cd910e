/**
 * Sheet plans: a workbook described as plain, serialisable data (values, formats, rules,
 * protection). Both renderers (Office.js for the live workbook, ExcelJS for files) turn a plan into
 * API calls and decide nothing about layout. A plan can be snapshotted in a test, diffed and logged.
 *
 * Conventions: rows and columns are 1-based; every place on the sheet is numbers (a `Rect` from
 * core/address, on the plan's own sheet), never A1 text: renderers make the A1 their API wants.
 * Formula text (a `{ formula }` value, a conditional format's `formula`) is the one exception: it
 * is Excel's own language, so it holds A1 references, built with core/address. Colours are `#RRGGBB`. A plain string value is always text, even when it starts with `=`, `+`,
 * `-` or `@`: only `{ formula }` is a formula, and Cabinet plans never contain one.
 */

import type { Rect, RowSpan } from '../address';
import type { ProductSheetKind } from '../product-kind';

export type PlanValue = number | string | boolean | null | { readonly formula: string };

export interface CellStyle {
  readonly numFmt?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  readonly fontColor?: string;
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly hAlign?: 'left' | 'center' | 'right';
  readonly vAlign?: 'top' | 'middle' | 'bottom';
  /** Thin border on every edge of every cell in the range. */
  readonly border?: boolean;
  /** Excel's default is locked; entry cells set false. Only matters while the sheet is protected. */
  readonly locked?: boolean;
}

/** A rectangle of values with its top-left cell. */
export interface CellBlock {
  readonly row: number;
  readonly col: number;
  readonly values: readonly (readonly PlanValue[])[];
}

export interface StyleRange {
  readonly range: Rect;
  readonly style: CellStyle;
}

export type ValidationRule =
  | { readonly type: 'decimal'; readonly min?: number; readonly max?: number }
  | { readonly type: 'list'; readonly values: readonly string[] }
  | { readonly type: 'textLength'; readonly max: number };

export interface DataValidationPlan {
  readonly range: Rect;
  readonly rule: ValidationRule;
  readonly allowBlank: boolean;
  readonly prompt?: { readonly title: string; readonly message: string };
  /** `stop` rejects the entry; `warning` lets the lead keep it (e.g. `<5` typed over a number rule). */
  readonly errorStyle: 'stop' | 'warning' | 'information';
  readonly error?: { readonly title: string; readonly message: string };
}

/**
 * An expression conditional format on the cells of `range`. `formula` (no leading `=`) is formula
 * text, so it keeps A1 references (made with core/address): written relative to the top-left cell
 * of `range`, as Excel and LibreOffice both read expression rules.
 */
export interface ConditionalFormatPlan {
  readonly range: Rect;
  readonly formula: string;
  readonly style: { readonly fill?: string; readonly fontColor?: string; readonly bold?: boolean };
  /** Lower runs first. */
  readonly priority: number;
  readonly stopIfTrue?: boolean;
}

export interface DataBarPlan {
  readonly range: Rect;
  readonly color: string;
}

export interface ColumnPlan {
  /** 1-based column */
  readonly col: number;
  /** Excel character widths */
  readonly width: number;
  readonly hidden?: boolean;
}

export interface ProtectionPlan {
  /** Absent: protected without a password (an accident guard, not security). */
  readonly password?: string;
  readonly allowSelectLockedCells: boolean;
  readonly allowSelectUnlockedCells: boolean;
  readonly allowFormatColumns?: boolean;
  readonly allowFormatRows?: boolean;
  readonly allowSort?: boolean;
  readonly allowAutoFilter?: boolean;
}

/**
 * One printed header or footer as Excel's three sections. Each holds text and format codes (`&P`
 * page, `&N` pages, `&8` font size; a literal `&` doubled) but never a section code (`&L`, `&C`,
 * `&R`): Office.js sets each section as its own property, and the file renderer joins them.
 */
export interface HeaderFooterSections {
  readonly left?: string;
  readonly center?: string;
  readonly right?: string;
}

export interface PrintPlan {
  readonly orientation: 'landscape' | 'portrait';
  readonly paperSize: 'A4';
  readonly fitToWidth: number;
  /** 0 = as many pages tall as needed */
  readonly fitToHeight: number;
  /** Rows repeated at the top of every printed page (`{ first: 4, last: 4 }` prints as `4:4`). */
  readonly repeatRows?: RowSpan;
  /** The running header and footer, section by section (Excel prints three: left, centre, right). */
  readonly header?: HeaderFooterSections;
  readonly footer?: HeaderFooterSections;
  readonly printArea?: Rect;
  /** Row numbers after which a manual page break is forced. */
  readonly rowBreaks?: readonly number[];
  readonly margins?: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number; readonly header: number; readonly footer: number };
}

export interface SheetPlan {
  readonly name: string;
  readonly cells: readonly CellBlock[];
  readonly styles: readonly StyleRange[];
  readonly columns: readonly ColumnPlan[];
  readonly rowHeights?: readonly { readonly row: number; readonly height: number }[];
  readonly merges?: readonly Rect[];
  readonly validations: readonly DataValidationPlan[];
  readonly conditionalFormats: readonly ConditionalFormatPlan[];
  readonly dataBars?: readonly DataBarPlan[];
  readonly protection?: ProtectionPlan;
  readonly freeze?: { readonly rows: number; readonly cols: number };
  readonly print?: PrintPlan;
  readonly tabColor?: string;
  /** Named ranges scoped to the workbook, e.g. the return's sign-off fingerprint cell. */
  readonly names?: readonly { readonly name: string; readonly range: Rect }[];
  readonly hidden?: boolean;
  /**
   * A sheet this product writes (Cabinet, Trends, Scorecard …): renderers add its marker, a defined
   * name pointing at A1 (core/product-sheet), so readers never take it for a return. Never on a return.
   */
  readonly marker?: ProductSheetKind;
}

export interface WorkbookPlan {
  readonly sheets: readonly SheetPlan[];
  readonly properties: {
    readonly title?: string;
    readonly subject?: string;
    readonly creator?: string;
    readonly company?: string;
    readonly keywords?: string;
    /** Custom document properties, e.g. `ScorecardFingerprint`. */
    readonly custom: Readonly<Record<string, string>>;
  };
}
