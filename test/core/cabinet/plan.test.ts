import { rect } from '../../../src/core/address';
import { fingerprintFromCabinetGrid, cabinetFingerprint, sheetFingerprintOfPlan } from '../../../src/core/cabinet/fingerprint';
import type { SheetPlan } from '../../../src/core/plan/types';
import { cabinetSheetName } from '../../../src/core/cabinet/layout';
import { cabinetModel } from '../../../src/core/cabinet/model';
import { cabinetPlan } from '../../../src/core/cabinet/plan';
import { previousValuesFromGrid } from '../../../src/core/cabinet/previous';
import { ragLabel } from '../../../src/core/plan/palette';
import { RAG_STATUSES } from '../../../src/core/rag';
import { miniCatalogue } from '../fixtures/mini-catalogue';
import { consolidationOf, everyPlanValue, planToGrid, Q2, type Entry } from './helpers';

const cat = miniCatalogue();
const entries: Entry[] = [
  { ref: 'MC01', actual: 81.24, commentary: '=HYPERLINK("http://evil")', action: '+1 more call handler' },
  { ref: 'MC02', actual: 25, commentary: '-5 days behind', action: '@team overtime' },
  { ref: 'MC03', actual: 12345 },
  { ref: 'MC05', qualitative: 'At risk', commentary: 'Lease delayed', action: 'Escalated' },
  { ref: 'MC06', actual: 3, numerator: 3, denominator: 40 },
  { ref: 'MC08', actual: 30 },
];
const model = cabinetModel(cat, consolidationOf(cat, Q2, entries, ['MC07', 'MC09']), { generatedAt: '2023-10-20' });
const plan = cabinetPlan(model, { password: 'secret' });
const sheet = plan.sheets[0];
if (!sheet) throw new Error('no sheet');
const grid = planToGrid(plan);
const headerRow = grid.values.findIndex((r) => r[0] === 'Ref' && r.includes('Actual'));
const at = (name: string): number => grid.values[headerRow]?.indexOf(name) ?? -1;

describe('cabinetPlan', () => {
  it('names one sheet Cabinet <period>, within Excel’s rules', () => {
    expect(plan.sheets.map((s) => s.name)).toEqual(['Cabinet 2023-24 Q2']);
    expect(cabinetSheetName('2023/24: Q2 [draft] * very long name indeed')).toMatch(/^Cabinet [^[\]:*?/\\]{0,23}$/);
  });

  it('contains no formula anywhere, and commentary starting with = + - @ stays plain text', () => {
    for (const v of everyPlanValue(plan)) expect(typeof v === 'object' && v !== null).toBe(false);
    const texts = grid.values.flat().filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('=HYPERLINK("http://evil")\nAction: +1 more call handler');
    expect(texts).toContain('-5 days behind\nAction: @team overtime');
  });

  it('writes a RAG text with its symbol on every indicator row, and colours it by conditional formatting', () => {
    const ragCol = grid.values[headerRow]?.indexOf('RAG') ?? -1;
    const body = grid.values.slice(headerRow + 1, grid.values.findIndex((r, i) => i > headerRow && r.every((v) => v === null)));
    const indicatorRows = body.filter((r) => typeof r[0] === 'string' && /^MC\d\d$/.test(r[0]));
    expect(indicatorRows).toHaveLength(cat.indicators.length);
    for (const r of indicatorRows) expect(String(r[ragCol])).toMatch(new RegExp(`(${RAG_STATUSES.join('|')})$`));
    expect(sheet.conditionalFormats.length).toBeGreaterThan(0);
    expect(sheet.conditionalFormats.some((c) => c.range.left === at('RAG') + 1 && c.style.fill === '#B10E1E')).toBe(true);
  });

  it('has a summary, exceptions, changes and missing returns', () => {
    const firstCol = grid.values.map((r) => r[0]);
    expect(firstCol).toEqual(expect.arrayContaining(['Status', 'Total', 'P1: A council that puts residents first']));
    // The summary on page 1: a row per status (every one named, none lumped), a column per priority and Overall.
    const head = grid.values.find((r) => r[0] === 'Status') ?? [];
    const overall = head.indexOf('Overall');
    for (const st of ['Green', 'Amber', 'Red', 'Complete', 'Missing', 'Not due', 'Tracking'] as const) {
      expect(grid.values.find((r) => r[0] === ragLabel(st))?.[overall]).toBe(model.overall[st]);
    }
    expect(firstCol.indexOf('Status')).toBeLessThan(headerRow);
    const exceptionsAt = firstCol.findIndex((v) => typeof v === 'string' && v.startsWith('Exceptions'));
    const exRefs = grid.values.slice(exceptionsAt + 2, exceptionsAt + 2 + model.exceptions.length).map((r) => r[0]);
    expect(exRefs).toEqual(['MC02', 'MC08']);
    const changeHead = grid.values.find((r) => r[0] === 'Ref' && r.includes('Reason / authority')) ?? [];
    expect(grid.values.some((r) => r[0] === 'MC01' && r[changeHead.indexOf('Date')] === '30 September 2023')).toBe(true);
    const missingAt = firstCol.findIndex((v) => typeof v === 'string' && v.startsWith('Missing returns'));
    expect(grid.values.slice(missingAt + 2, missingAt + 4).map((r) => r[0])).toEqual(['MC07', 'MC09']);
  });

  it('locks every cell, protects with the password, and prints A4 landscape one page wide', () => {
    const last = grid.values.length;
    expect(sheet.styles).toContainEqual({ range: rect(1, 1, last, sheet.columns.length), style: { locked: true } });
    expect(sheet.styles.some((s) => s.style.locked === false)).toBe(false);
    expect(sheet.protection).toMatchObject({ password: 'secret', allowSelectLockedCells: true });
    expect(sheet.validations).toEqual([]);
    expect(sheet.print).toMatchObject({ orientation: 'landscape', paperSize: 'A4', fitToWidth: 1, fitToHeight: 0 });
    // The sheet writes each table's header at the top of every page it runs onto, so no print titles
    // (they would stack over the exceptions' own header); the paper's header (title and period lines) is frozen.
    expect(sheet.print?.repeatRows).toBeUndefined();
    expect(sheet.freeze).toEqual({ rows: 2, cols: 0 });
    expect(sheet.print?.rowBreaks).toContain(headerRow);
    const fp = cabinetFingerprint(model);
    // Sections as data (Office.js sets each section's own property): period and page left, fingerprint right.
    expect(sheet.print?.footer?.left).toContain('&P of &N');
    expect(sheet.print?.footer?.left).toContain('2023-24 Q2');
    expect(sheet.print?.footer?.right).toContain(fp);
    expect(sheet.print?.header?.left).toContain(model.organisation.replace(/&/g, '&&'));
    // What the paper is, once in the footer rather than a page of About lines: plan, catalogue, date (as people write it).
    expect(sheet.print?.footer?.center).toContain('20 October 2023');
    for (const text of [...Object.values(sheet.print?.header ?? {}), ...Object.values(sheet.print?.footer ?? {})]) expect(text).not.toMatch(/(^|[^&])(&&)*&[LCR]/);
    expect(cabinetPlan(model).sheets[0]?.protection?.password).toBeUndefined();
  });

  it('puts the fingerprint, period, catalogue version and generated date in the document properties', () => {
    expect(plan.properties.custom).toEqual({
      ScorecardFingerprint: cabinetFingerprint(model), ScorecardPeriod: '2023-24 Q2',
      ScorecardCatalogueVersion: '2023-06-29', ScorecardGenerated: '2023-10-20',
      ScorecardSheetFingerprint: sheetFingerprintOfPlan(plan.sheets[0] as SheetPlan),
    });
    expect(cabinetFingerprint(model)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes actuals as rounded numbers with a format that shows the unit', () => {
    const r = grid.values.find((x) => x[0] === 'MC01');
    expect(r?.[at('Actual')]).toBe(81.2);
    const row = grid.values.findIndex((x) => x[0] === 'MC01') + 1;
    expect(sheet.styles).toContainEqual({ range: rect(row, at('Actual') + 1), style: { numFmt: '#,##0.0"%"', hAlign: 'right' } });
    // Target too: a number, right-aligned, its unit in the format.
    expect(typeof r?.[at('Target')]).toBe('number');
    expect(sheet.styles).toContainEqual({ range: rect(row, at('Target') + 1), style: { numFmt: '#,##0.0"%"', hAlign: 'right' } });
  });
});

describe('fingerprint', () => {
  it('is recomputed exactly from the Cabinet sheet read back', () => {
    expect(fingerprintFromCabinetGrid(grid)).toBe(cabinetFingerprint(model));
    expect(fingerprintFromCabinetGrid(grid)).toBe(plan.properties.custom.ScorecardFingerprint);
  });

  it('changes when one actual changes, in the model or in the sheet', () => {
    const other = cabinetModel(cat, consolidationOf(cat, Q2, entries.map((e) => (e.ref === 'MC02' ? { ...e, actual: 24 } : e)), ['MC07', 'MC09']), { generatedAt: '2023-10-20' });
    expect(cabinetFingerprint(other)).not.toBe(cabinetFingerprint(model));
    const edited = { ...grid, values: grid.values.map((r) => (r[0] === 'MC03' ? r.map((v, i) => (i === 4 ? 12346 : v)) : r)) };
    expect(fingerprintFromCabinetGrid(edited)).not.toBe(cabinetFingerprint(model));
  });

  it('does not change with the words around the data', () => {
    const reworded = cabinetModel(cat, consolidationOf(cat, Q2, entries.map((e) => ({ ...e, commentary: 'different words' })), ['MC07', 'MC09']), { generatedAt: '2024-01-01' });
    expect(cabinetFingerprint(reworded)).toBe(cabinetFingerprint(model));
  });

  it('is undefined for a sheet that is not a Cabinet sheet', () => {
    expect(fingerprintFromCabinetGrid({ sheet: 'x', values: [['hello']] })).toBeUndefined();
  });
});

describe('previousValuesFromGrid', () => {
  it('reads a previous paper back: period, numbers, statuses; suppressed values as unknown', () => {
    const prev = previousValuesFromGrid(grid);
    expect(prev.period).toBe('2023-24 Q2');
    expect(prev.values.MC01).toMatchObject({ actual: 81.2, rag: '✔ Green', dataPeriod: '2023-24 Q2' });
    expect(prev.values.MC05).toMatchObject({ actual: null, qualitative: 'At risk' });
    expect(prev.values.MC06).toMatchObject({ actual: null, text: '<5' });
    expect(Object.keys(prev.values)).toHaveLength(cat.indicators.length);
  });

  it('gives direction of travel when fed to the next quarter', () => {
    const prev = previousValuesFromGrid(grid);
    const q3 = { ...Q2, quarter: 3 as const };
    const next = cabinetModel(cat, consolidationOf(cat, q3, [{ ref: 'MC01', actual: 85 }, { ref: 'MC06', actual: 9 }]), { previous: prev });
    const r = (ref: string) => next.sections.flatMap((s) => s.rows).find((x) => x.ref === ref);
    expect(r('MC01')?.direction.previous).toBe('Improving');
    expect(r('MC06')?.direction.previous).toBe('');
  });
});
