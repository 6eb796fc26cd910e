import type { Catalogue } from '../../src/core/catalogue/schema';
import type { Consolidation } from '../../src/core/consolidate-types';
import type { RagCounts, SignOff, ValidationResult } from '../../src/core/return/types';
import type { CabinetPreview, InputFile, MasterSummary, ScorecardServices } from '../../src/app/ports';
import type { SignOffRefused } from '../../src/app/sign-off';
import { separateSigner } from '../../src/core/catalogue/accessors';
import type { Issue } from '../../src/core/issues';
import { samePerson, signOffRefusalText, type RefusalParams, type SignOffRefusal } from '../../src/core/return/signoff';
import { miniCatalogue } from '../core/fixtures/mini-catalogue';

export function counts(partial: Partial<RagCounts> = {}): RagCounts {
  return { Blue: 0, Green: 0, Amber: 0, Red: 0, Complete: 0, Missing: 0, Tracking: 0, 'Not due': 0, ...partial };
}

export const NO_SIGN_OFF: SignOff = { ready: false, cells: {} };

export function validationResult(partial: Partial<ValidationResult> = {}): ValidationResult {
  return {
    sheet: 'Return', period: '2024-25 Q2', rows: [], issues: [], counts: counts(),
    signOff: NO_SIGN_OFF, signOffState: 'not-ready', entriesFingerprint: 'abc', ...partial,
  };
}

export function consolidation(partial: Partial<Consolidation> = {}): Consolidation {
  return { period: '2024-25 Q2', rows: [], conflicts: [], missing: [], files: [], issues: [], findings: [], counts: counts(), ...partial };
}

/** The note as core writes it for one return in the workbook, not yet signed off. */
const DATA_QUALITY: CabinetPreview['dataQuality'] = [
  { label: 'Returns received', text: '1 of 23 returns received: one is expected from each service with indicators due in 2024-25 Q2.' },
  { label: 'Signed off', text: '0 of 1 return signed off; 1 not yet (0 marked ready, 1 not marked ready).' },
  { label: 'Conflicts', text: 'None: no two returns gave different values for the same indicator.' },
];

export function cabinetPreview(partial: Partial<CabinetPreview> = {}): CabinetPreview {
  return { period: '2024-25 Q2', overall: counts(), byPriority: [], exceptions: [], basis: 'the returns in this workbook', dataQuality: DATA_QUALITY, ...partial };
}

export interface Fake {
  services: ScorecardServices;
  readonly calls: Record<keyof Omit<ScorecardServices, 'host'>, unknown[][]>;
  /** The handler the pane registered with onReturnChanged, if any. */
  changeHandler: (() => void) | undefined;
  unsubscribed: number;
}

/**
 * A hand-written test double of ScorecardServices: typed as the interface so it cannot drift from
 * it, recording every call. Tests override one method at a time to shape a scenario.
 */
export function fakeServices(overrides: Partial<ScorecardServices> = {}, catalogue: Catalogue = miniCatalogue()): Fake {
  const calls: Fake['calls'] = {
    loadCatalogue: [], getSavedCatalogueUrl: [], saveCatalogueUrl: [], insertTemplate: [], validate: [], selectCell: [], returnPeriod: [], filesPeriod: [],
    onReturnChanged: [], consolidate: [], cabinetPreview: [], createCabinetSheet: [], downloadCabinet: [], openCabinetWorkbook: [], createDashboard: [], markReady: [], signOff: [],
    loadMaster: [], clearMaster: [], getMaster: [],
  };
  const fake: Fake = { services: undefined as unknown as ScorecardServices, calls, changeHandler: undefined, unsubscribed: 0 };
  // Just enough state to keep the services contract (test/app/services-contract.test.ts).
  let savedUrl: string | undefined;
  let inserted: string | undefined;
  let master: MasterSummary | undefined;
  const sheets = new Set<string>();
  // The sign-off block of the one return the double pretends to hold (it has no errors).
  let signOff: SignOff = NO_SIGN_OFF;
  const newSheet = (name: string): string => {
    let k = 1;
    while (sheets.has(k === 1 ? name : `${name} (${k})`)) k += 1;
    const made = k === 1 ? name : `${name} (${k})`;
    sheets.add(made);
    return made;
  };
  const base: ScorecardServices = {
    host: { inExcel: false, label: 'Browser preview', limitations: [], openWorkbook: false, downloads: 'browser' },
    loadCatalogue: async () => ({ ok: true, catalogue, label: 'Embedded default' }),
    getSavedCatalogueUrl: async () => savedUrl,
    saveCatalogueUrl: async (url) => { savedUrl = url; },
    insertTemplate: async (_c, period) => { inserted = period; return { sheet: newSheet('Return'), due: 4 }; },
    validate: async () => validationResult(),
    selectCell: async () => undefined,
    returnPeriod: async () => inserted,
    filesPeriod: async () => ({}),
    onReturnChanged: async (handler) => {
      fake.changeHandler = handler;
      return () => { fake.unsubscribed += 1; fake.changeHandler = undefined; };
    },
    consolidate: async () => consolidation(),
    cabinetPreview: async () => cabinetPreview(),
    loadMaster: async (c, file) => {
      const doc = JSON.parse(new TextDecoder().decode(file.bytes)) as { organisation?: unknown };
      if (doc.organisation !== c.organisation) throw new Error(`${file.name} is the BI master of ${String(doc.organisation)}, not of ${c.organisation}.`);
      master = { file: file.name, organisation: c.organisation, periods: ['2024-25 Q1'] };
      return master;
    },
    clearMaster: async () => { master = undefined; },
    getMaster: async () => master,
    createCabinetSheet: async (_c, period) => ({ sheet: newSheet(`Cabinet ${period}`) }),
    createDashboard: async () => ({ sheet: newSheet('Dashboard') }),
    downloadCabinet: async (): Promise<InputFile> => ({ name: 'Cabinet 2024-25 Q2.xlsx', bytes: new Uint8Array([80, 75, 3, 4]) }),
    // As the real services: opens only where the host says it can (tests set `host` to shape that).
    openCabinetWorkbook: async () => {
      if (!fake.services.host.openWorkbook) throw new Error('This version of Excel cannot open a new workbook from an add-in (it needs ExcelApi 1.8): use Download .xlsx, or Create locked Cabinet sheet.');
      return { name: 'Cabinet 2024-25 Q2.xlsx' };
    },
    markReady: async (_c, preparedBy) => {
      if (!preparedBy.trim()) return refused('no-name', { step: 'mark-ready' });
      signOff = { ready: true, preparedBy: preparedBy.trim(), cells: {} };
      return { ok: true, signOff };
    },
    signOff: async (c, s) => {
      if (!s.name.trim()) return refused('no-name', { step: 'sign-off' });
      if (!s.role.trim()) return refused('no-role', { step: 'sign-off' });
      if (!signOff.ready) return refused('not-ready', { step: 'sign-off' });
      if (separateSigner(c) && samePerson(signOff.preparedBy ?? '', s.name)) return refused('same-person', { step: 'sign-off', name: signOff.preparedBy ?? '' });
      signOff = { ...signOff, signedOffBy: s.name.trim(), role: s.role.trim(), signedOffOn: '2024-10-15' };
      return { ok: true, signOff };
    },
    ...overrides,
  };
  // Record each call, then delegate to the (possibly overridden) implementation.
  const recorded = { ...base } as Record<string, unknown>;
  for (const key of Object.keys(calls) as (keyof Fake['calls'])[]) {
    const impl = base[key] as (...args: unknown[]) => unknown;
    recorded[key] = (...args: unknown[]) => { calls[key].push(args); return impl(...args); };
  }
  fake.services = recorded as unknown as ScorecardServices;
  return fake;
}

/** A refusal as the real services make it (the words from core). */
export function refused(reason: SignOffRefusal, params: RefusalParams, issues: readonly Issue[] = []): SignOffRefused {
  return { ok: false, reason, message: signOffRefusalText(reason, params), issues };
}

/** A promise the test settles by hand, to look at the pane while an action runs. */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}
