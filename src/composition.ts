import type { ExcelRun, OfficeSettingsLike } from './host/office-api';
import { lazyFileAdapters } from './adapters/exceljs/lazy';
import { createOfficeServices } from './adapters/office/services';
import { officeSettings } from './adapters/office/settings';
import type { ScorecardServices } from './app/ports';

/** The parts of the Office.js globals the composition root reads; they may be absent (no CDN, a plain browser). */
interface OfficeGlobal {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
  context: {
    platform?: string;
    document: { settings: OfficeSettingsLike };
    requirements: { isSetSupported(name: string, version?: string): boolean };
  };
}

export interface CompositionEnv {
  /** Where to look for `Office` and `Excel` (tests pass their own). */
  readonly globals?: { Office?: unknown; Excel?: unknown };
  /** How long to wait for Office.onReady, which never resolves outside an Office host. */
  readonly officeTimeoutMs?: number;
}

const PLATFORM_LABEL: Readonly<Record<string, string>> = {
  OfficeOnline: 'Excel on the web',
  PC: 'Excel for Windows',
  Mac: 'Excel for Mac',
  iOS: 'Excel on iPad',
  Universal: 'Excel',
};

async function inExcel(env: CompositionEnv): Promise<{ office: OfficeGlobal; run: ExcelRun } | undefined> {
  const g = env.globals ?? (globalThis as { Office?: unknown; Excel?: unknown });
  const office = g.Office as OfficeGlobal | undefined;
  const excel = g.Excel as { run?: ExcelRun } | undefined;
  if (typeof office === 'undefined' || typeof office?.onReady !== 'function') return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), env.officeTimeoutMs ?? 1500); });
  try {
    const info = await Promise.race([office.onReady().catch(() => undefined), timeout]);
    if (info?.host !== 'Excel' || typeof excel?.run !== 'function') return undefined;
    return { office, run: excel.run.bind(excel) as ExcelRun };
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/**
 * The one composition root of the task pane: inside Excel, the Office services over the real
 * Excel.run; anywhere else (a browser, offline, Office.js blocked), the same services over the
 * in-memory fake workbook, loaded lazily so Excel users never download it.
 */
export async function createServices(env: CompositionEnv = {}): Promise<ScorecardServices> {
  const found = await inExcel(env);
  if (found) {
    const { office, run } = found;
    return createOfficeServices({
      run,
      settings: officeSettings(office.context.document.settings),
      files: lazyFileAdapters,
      host: { inExcel: true, label: PLATFORM_LABEL[office.context.platform ?? ''] ?? 'Excel' },
      supports: (set, version) => office.context.requirements.isSetSupported(set, version),
    });
  }
  const { createPreviewServices } = await import(/* webpackChunkName: "preview" */ './preview/workbook');
  return createPreviewServices();
}
