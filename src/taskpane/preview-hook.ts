/**
 * A dev-only handle on the browser preview's fake workbook, for the end-to-end test and for
 * people trying the pane without Excel: `window.__scorecardPreview.setCell('Return!F12', '12%')`.
 * Typed structurally so the pane does not depend on the fake's internals. Never installed in Excel.
 */
export interface PreviewWorkbook {
  /** As a person types into the cell: parsed as typed; change handlers fire. */
  type(address: string, input: string | number | boolean | null): void;
  /** As a person pastes into the cell: data validation does not stop it. */
  paste(address: string, input: string | number | boolean | null): void;
  cell(address: string): { readonly value: unknown };
  readonly workbook: {
    readonly sheets: readonly { readonly name: string; readonly protection: { readonly protected: boolean } }[];
    readonly selection?: { readonly sheet: string; readonly address: string };
  };
}

export interface PreviewHook {
  setCell(address: string, input: string | number | boolean | null): void;
  /** As a person pastes: Excel's data validation checks typed entries only. */
  pasteCell(address: string, input: string | number | boolean | null): void;
  getCell(address: string): unknown;
  /** `Return!K12`, or undefined before anything was selected. */
  selection(): string | undefined;
  sheets(): { name: string; protected: boolean }[];
}

declare global {
  interface Window { __scorecardPreview?: PreviewHook }
}

function qualified(sheet: string, address: string): string {
  return /^[A-Za-z0-9_]+$/.test(sheet) ? `${sheet}!${address}` : `'${sheet.replace(/'/g, "''")}'!${address}`;
}

export function previewHook(fake: PreviewWorkbook): PreviewHook {
  return {
    setCell: (address, input) => fake.type(address, input),
    pasteCell: (address, input) => fake.paste(address, input),
    getCell: (address) => fake.cell(address).value,
    selection: () => {
      const s = fake.workbook.selection;
      return s ? qualified(s.sheet, s.address) : undefined;
    },
    sheets: () => fake.workbook.sheets.map((s) => ({ name: s.name, protected: s.protection.protected })),
  };
}

/** Call from the composition root in preview mode only. */
export function installPreviewHook(fake: PreviewWorkbook, target: { __scorecardPreview?: PreviewHook } = globalThis as { __scorecardPreview?: PreviewHook }): PreviewHook {
  const hook = previewHook(fake);
  target.__scorecardPreview = hook;
  return hook;
}
