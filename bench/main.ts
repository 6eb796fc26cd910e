// `npm run bench`: what users feel, measured side by side with the baseline in the same run.
// Prints a table and, with --json, one JSON document as the last line. A benchmark, not a test:
// a missed budget is printed as missed, and the exit code stays 0 unless the bench itself broke.
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { measureBundle } from './bundle';
import { measureCli, type CliFigures } from './cli';
import { measureCoreInChildren } from './core';
import { measureQuarter, type QuarterFigures } from './quarter';
import { measureStartup, type StartupFigures } from './startup';
import { measurePane, type PaneTimes } from './pane';
import { measurePreview, type PreviewFigures } from './preview';
import { measureSyncs, readBlocks, type SyncTable } from './syncs';

interface Budget { what: string; met: boolean; figure: string }

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const json = args.has('--json');
const log = (t: string): void => void process.stderr.write(`${t}\n`);

function syncBudgets(syncs: SyncTable): Budget[] {
  return (Object.keys(syncs) as (keyof SyncTable)[]).map((cmd) => {
    // Reading a return adds its blocks (bench/syncs readBlocks); nothing else may grow with the rows.
    const counts = Object.entries(syncs[cmd]).map(([n, c]) => c - (cmd === 'template' ? 0 : readBlocks(Number(n))));
    const same = counts.every((c) => c === counts[0]);
    return { what: `Office.js ${cmd}: syncs equal at every size (but for read blocks) and ≤ 3`, met: same && Math.max(...counts) <= 3, figure: Object.entries(syncs[cmd]).map(([n, c]) => `${n} rows: ${c}`).join(', ') };
  });
}

function cliBudgets(c: CliFigures): Budget[] {
  const at = `at ${c.files} × ${c.indicatorsPerFile}`;
  return [
    { what: 'CLI consolidate within 1.3× a bare ExcelJS read', met: c.ratioVsExceljsRead <= 1.3, figure: `${c.seconds} s vs ${c.exceljsReadSeconds} s = ${c.ratioVsExceljsRead}× (medians of ${c.runs})` },
    { what: 'CLI consolidate ≤ 6× the floor (unzip and scan)', met: c.ratioVsFloor <= 6, figure: `${c.ratioVsFloor}×: ${c.seconds} s vs ${c.floorSeconds} s ${at}` },
    c.peer === null
      ? { what: 'CLI consolidate ≤ 0.6× the openpyxl peer', met: false, figure: `not measured: ${c.peerNote ?? 'no peer'}` }
      : { what: 'CLI consolidate ≤ 0.6× the openpyxl peer', met: c.peer.ratio <= 0.6, figure: `${c.peer.ratio}×: ${c.seconds} s vs ${c.peer.seconds} s ${at} (peer peak RSS ${c.peer.peakRssMb} MB)` },
    { what: 'CLI peak RSS ≤ 300 MB', met: c.peakRssMb <= 300, figure: `${c.peakRssMb} MB (highest of ${c.runs})` },
    { what: 'CLI peak RSS flat in the number of files', met: c.peakRssMb <= c.peakRssMbQuarterFiles * 1.25 + 25, figure: `${c.peakRssMbQuarterFiles} MB at ${Math.max(1, Math.floor(c.files / 4))} files, ${c.peakRssMb} MB at ${c.files}` },
  ];
}

function quarterBudgets(q: QuarterFigures): Budget[] {
  return [{
    what: 'quarter: consolidate --history within 1.5× validate',
    met: q.consolidateVsValidate <= 1.5,
    figure: `${q.consolidateVsValidate}× (median of ${q.runs} back-to-back pairs; medians ${q.consolidateSeconds} s vs ${q.validateSeconds} s; floor ${q.floorSeconds} s: template ${q.templateRatio}×, validate ${q.validateRatio}×, consolidate ${q.consolidateRatio}×)`,
  }];
}

function startupBudgets(s: StartupFigures): Budget[] {
  const pair = (ms: number): string => `${ms} ms vs node -e 0 ${s.nodeMs} ms (paired medians of ${s.runs})`;
  return [
    { what: 'CLI start-up: scorecard --help within 2× node -e 0', met: s.helpRatio <= 2, figure: `${s.helpRatio}×: ${pair(s.helpMs)}` },
    { what: 'CLI start-up: scorecard validate ONE.xlsx within 3× node -e 0', met: s.validateRatio <= 3, figure: `${s.validateRatio}×: ${pair(s.validateMs)}` },
  ];
}

async function run(): Promise<void> {
  const sizes = quick ? [10, 100, 500] : [10, 1000, 10000];
  log(`Office.js syncs at ${sizes.join(', ')} rows…`);
  const { syncs, maxRequestMb, maxResponseMb } = await measureSyncs(sizes);
  const [files, perFile] = quick ? [8, 20] : [200, 150];
  log(`CLI consolidate of ${files} returns…`);
  const cli = await measureCli(files, perFile, log, quick ? 1 : 3);
  const [services, indicators] = quick ? [6, 30] : [40, 300];
  log(`a quarter: ${services} returns, ${indicators} indicators…`);
  const quarter = await measureQuarter(services, indicators, log, quick ? 1 : 9);
  log('CLI start-up against node -e 0…');
  const startup = measureStartup(quick ? 5 : 21, log);
  const coreRows = quick ? 5000 : 100000;
  log(`core validation at ${coreRows} rows…`);
  const core = measureCoreInChildren(coreRows, quick ? 1 : 3);
  let bundle = { initialJsGzipKb: 0, lazyJsGzipKb: 0 };
  let pane: PaneTimes = { firstRenderMs: null, interactiveMs: null, note: 'skipped with --quick' };
  let preview: PreviewFigures = { paneInteractiveMs: null, gridPaintedMs: null, note: 'skipped with --quick' };
  const budgets: Budget[] = [...syncBudgets(syncs), { what: 'every Office.js request under 5 MB', met: maxRequestMb < 5, figure: `largest ${maxRequestMb.toFixed(2)} MB` },
    { what: 'every Office.js response under 5 MB', met: maxResponseMb < 5, figure: `largest ${maxResponseMb.toFixed(2)} MB` }, ...cliBudgets(cli), ...quarterBudgets(quarter), ...startupBudgets(startup),
    { what: 'core validation linear in rows', met: core.linearity <= 1.5, figure: `${core.validateMsPerThousandRows} ms per 1,000 rows at ${core.rows} (×${core.linearity} of the rate at a tenth; medians of ${quick ? 1 : 3} fresh processes)` }];
  if (!quick) {
    const out = mkdtempSync(path.join(tmpdir(), 'scorecard-bench-dist-'));
    try {
      log('production build of the task pane…');
      const b = measureBundle(out);
      bundle = { initialJsGzipKb: b.initialJsGzipKb, lazyJsGzipKb: b.lazyJsGzipKb };
      budgets.push({ what: 'pane initial JavaScript ≤ 150 KB gzipped', met: b.initialJsGzipKb <= 150, figure: `${b.initialJsGzipKb} KB initial, ${b.lazyJsGzipKb} KB lazy` });
      log('first render of the pane in headless Chromium…');
      pane = await measurePane(out);
      budgets.push({ what: 'pane first render ≤ 400 ms', met: pane.firstRenderMs !== null && pane.firstRenderMs <= 400, figure: pane.firstRenderMs === null ? (pane.note ?? 'not measured') : `${pane.firstRenderMs} ms (median of 5)` });
      budgets.push({ what: 'pane interactive (catalogue loaded) reported', met: pane.interactiveMs !== null, figure: pane.interactiveMs === null ? (pane.note ?? 'not measured') : `${pane.interactiveMs} ms (median of 5)` });
      log('the preview page (grid beside the pane) in headless Chromium…');
      preview = await measurePreview(out);
      const ms = (v: number | null): string => (v === null ? (preview.note ?? 'not measured') : `${v} ms (median of 5)`);
      budgets.push({ what: 'preview: pane interactive within 400 ms', met: preview.paneInteractiveMs !== null && preview.paneInteractiveMs <= 400, figure: ms(preview.paneInteractiveMs) });
      budgets.push({ what: 'preview: grid painted within 4 s', met: preview.gridPaintedMs !== null && preview.gridPaintedMs <= 4000, figure: ms(preview.gridPaintedMs) });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  const width = Math.max(...budgets.map((b) => b.what.length));
  process.stdout.write(`\n${'budget'.padEnd(width)}  result  figures\n`);
  for (const b of budgets) process.stdout.write(`${b.what.padEnd(width)}  ${b.met ? 'met   ' : 'MISSED'}  ${b.figure}\n`);
  if (json) {
    const doc = { quick, syncs, maxRequestMb: Math.round(maxRequestMb * 100) / 100, maxResponseMb: Math.round(maxResponseMb * 100) / 100, cli, quarter, startup, core, bundle, pane, preview, budgets: budgets.map((b) => ({ what: b.what, met: b.met, figure: b.figure })) };
    process.stdout.write(`${JSON.stringify(doc)}\n`);
  }
}

run().catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
