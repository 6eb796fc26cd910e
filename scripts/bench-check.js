#!/usr/bin/env node
// Part of `npm test`: the quick bench (`npm run bench -- --quick --json`), so the benchmark keeps
// working. It checks the JSON document's shape and sanity, not the budgets: a budget missed at
// small sizes on a loaded CI machine is a figure, not a failure.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const started = Date.now();

function run(args) {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status ?? r.signal}\n${r.stderr}`);
  return r.stdout;
}

const isCount = (v) => Number.isInteger(v) && v > 0;
const isFigure = (v) => typeof v === 'number' && Number.isFinite(v) && v > 0;

/** Each field of the JSON contract, with what it must hold. */
function problems(doc) {
  const out = [];
  const need = (ok, what) => { if (!ok) out.push(what); };
  for (const cmd of ['validate', 'template', 'cabinet']) {
    const counts = Object.values((doc.syncs ?? {})[cmd] ?? {});
    need(counts.length === 3 && counts.every(isCount), `syncs.${cmd}: a sync count at each of 3 sizes`);
  }
  const cli = doc.cli ?? {};
  for (const k of ['files', 'indicatorsPerFile', 'peakRssMb']) need(isCount(cli[k]), `cli.${k}: a positive whole number`);
  for (const k of ['seconds', 'exceljsReadSeconds', 'ratioVsExceljsRead']) need(isFigure(cli[k]), `cli.${k}: a positive number`);
  for (const k of ['floorSeconds', 'ratioVsFloor']) need(isFigure(cli[k]), `cli.${k}: a positive number`);
  if (cli.peer === null) need(typeof cli.peerNote === 'string' && cli.peerNote.length > 0, 'cli.peerNote: why the openpyxl peer was skipped');
  else need(cli.peer && ['seconds', 'ratio', 'peakRssMb'].every((k) => isFigure(cli.peer[k])) && typeof cli.peer.openpyxl === 'string', 'cli.peer: seconds, ratio, peakRssMb and the openpyxl version (or null with cli.peerNote)');
  const quarter = doc.quarter ?? {};
  for (const k of ['services', 'indicators', 'runs', 'peakRssMb']) need(isCount(quarter[k]), `quarter.${k}: a positive whole number`);
  for (const k of ['floorSeconds', 'templateSeconds', 'validateSeconds', 'consolidateSeconds', 'templateRatio', 'validateRatio', 'consolidateRatio', 'consolidateVsValidate']) need(isFigure(quarter[k]), `quarter.${k}: a positive number`);
  const startup = doc.startup ?? {};
  need(isCount(startup.runs), 'startup.runs: a positive whole number');
  for (const k of ['nodeMs', 'helpMs', 'validateMs', 'helpRatio', 'validateRatio']) need(isFigure(startup[k]), `startup.${k}: a positive number`);
  need(typeof doc.maxRequestMb === 'number' && typeof doc.maxResponseMb === 'number', 'maxRequestMb and maxResponseMb: the largest Office.js request and response');
  need(isCount((doc.core ?? {}).rows) && isFigure((doc.core ?? {}).validateMsPerThousandRows), 'core.rows and core.validateMsPerThousandRows');
  need(doc.bundle && typeof doc.bundle.initialJsGzipKb === 'number' && typeof doc.bundle.lazyJsGzipKb === 'number', 'bundle.initialJsGzipKb and bundle.lazyJsGzipKb');
  need(doc.pane && 'firstRenderMs' in doc.pane, 'pane.firstRenderMs');
  need(doc.pane && 'interactiveMs' in doc.pane, 'pane.interactiveMs');
  need(Array.isArray(doc.budgets) && doc.budgets.length > 0 && doc.budgets.every((b) => typeof b.met === 'boolean' && typeof b.what === 'string' && typeof b.figure === 'string'), 'budgets, each named, met or not, with its figure');
  for (const what of ['the floor', 'openpyxl peer', 'RSS ≤ 300 MB', 'quarter: consolidate']) need((doc.budgets ?? []).some((b) => String(b.what).includes(what)), `a budget for ${what}`);
  need(doc.preview && 'paneInteractiveMs' in doc.preview && 'gridPaintedMs' in doc.preview, 'preview.paneInteractiveMs and preview.gridPaintedMs');
  return out;
}

function report(passed, failed) {
  if (process.env.SCORECARD_TEST_SUMMARY) fs.appendFileSync(process.env.SCORECARD_TEST_SUMMARY, `${JSON.stringify({ passed, failed, skipped: 0 })}\n`);
}

module.exports = { problems };

if (require.main === module) {
  try {
    run([path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.bench.json']);
    const out = run([path.join(root, 'build', 'bench', 'bench', 'main.js'), '--quick', '--json']);
    const lines = out.trim().split('\n');
    const doc = JSON.parse(lines[lines.length - 1]);
    const bad = problems(doc);
    if (bad.length > 0) throw new Error(`the bench's JSON lacks: ${bad.join('; ')}`);
    process.stdout.write(`${lines.slice(0, -1).join('\n')}\nquick bench passed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    report(1, 0);
  } catch (e) {
    process.stdout.write(`quick bench FAILED: ${e && e.message ? e.message : String(e)}\n`);
    report(0, 1);
    process.exit(1);
  }
}
