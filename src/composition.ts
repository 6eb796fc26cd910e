import { realRun, type ExcelRun, type OfficeSettingsLike } from './host/office-api';
import { lazyFileAdapters } from './adapters/exceljs/lazy';
import { createOfficeServices } from './adapters/office/services';
import { officeSettings } from './adapters/office/settings';
import type { Downloads, ScorecardServices } from './app/ports';

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
}

const PLATFORM_LABEL: Readonly<Record<string, string>> = {
  OfficeOnline: 'Excel on the web',
  PC: 'Excel for Windows',
  Mac: 'Excel for Mac',
  iOS: 'Excel on iPad',
  Universal: 'Excel',
};

/**
 * Where a download from the pane goes on each platform. Excel for Mac's add-in web view (WKWebView)
 * drops downloads without a word (OfficeDev/office-js#2700, closed "by design"); the add-in docs
 * are silent, so the safe path is to say so and offer Open as a new workbook. iPad is treated alike.
 */
function downloadsOn(platform: string | undefined): Downloads {
  if (platform === 'OfficeOnline') return 'browser';
  if (platform === 'Mac' || platform === 'iOS') return 'none';
  return 'downloads-folder';
}

/**
 * Inside Excel, Office and the Excel run; `undefined` only when Office itself says this is not an
 * Office host: the Office global is absent (Office.js not loaded: no CDN, blocked, a plain page) or
 * `Office.onReady()` resolves with `host: null`, which is what it does in a plain browser
 * (https://learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in). There is no timeout:
 * a slow start inside Excel (Excel on the web, Citrix) is waited for, with the pane saying so, and
 * never turned into the browser preview. Another host (Word) or an Excel without Excel.run fails.
 */
async function inExcel(env: CompositionEnv): Promise<{ office: OfficeGlobal; run: ExcelRun; createWorkbook?: (base64: string) => Promise<void> } | undefined> {
  const g = env.globals ?? (globalThis as { Office?: unknown; Excel?: unknown });
  const office = g.Office as OfficeGlobal | undefined;
  const excel = g.Excel as { run?: typeof Excel.run; createWorkbook?: typeof Excel.createWorkbook } | undefined;
  if (typeof office === 'undefined' || typeof office?.onReady !== 'function') return undefined;
  const info = await office.onReady();
  if (!info || info.host === null || info.host === undefined) return undefined;
  if (info.host !== 'Excel') throw new Error(`This add-in runs in Excel; it was opened in ${info.host}.`);
  if (typeof excel?.run !== 'function') throw new Error('Office started, but the Excel JavaScript API (Excel.run) is not available: update Excel, or use Excel on the web.');
  const create = excel.createWorkbook;
  return {
    office,
    run: realRun(excel.run.bind(excel) as typeof Excel.run),
    ...(typeof create === 'function' ? { createWorkbook: (base64: string) => create.call(excel, base64) } : {}),
  };
}

/**
 * The one composition root of the task pane: inside Excel, the Office services over the real
 * Excel.run; anywhere else (a browser, offline, Office.js blocked), the same services over the
 * in-memory fake workbook, loaded lazily so Excel users never download it.
 */
export async function createServices(env: CompositionEnv = {}): Promise<ScorecardServices> {
  const found = await inExcel(env);
  if (found) {
    const { office, run, createWorkbook } = found;
    return createOfficeServices({
      run,
      ...(createWorkbook ? { createWorkbook } : {}),
      settings: officeSettings(office.context.document.settings),
      files: lazyFileAdapters,
      host: { inExcel: true, label: PLATFORM_LABEL[office.context.platform ?? ''] ?? 'Excel', downloads: downloadsOn(office.context.platform) },
      supports: (set, version) => office.context.requirements.isSetSupported(set, version),
    });
  }
  const { createPreviewServices } = await import(/* webpackChunkName: "preview" */ './preview/workbook');
  return createPreviewServices();
}
