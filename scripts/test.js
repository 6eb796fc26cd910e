#!/usr/bin/env node
// `npm test`: types, lint, every jest suite, the quick bench, then the pane end to end in headless Chromium.
// Stops at the first stage that fails; ends with one plain line CI reads: "N passed, N failed, N skipped".
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const summaryFile = path.join(root, 'build', 'test-summary.json');
fs.mkdirSync(path.dirname(summaryFile), { recursive: true });
fs.rmSync(summaryFile, { force: true });
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);
const extra = process.argv.slice(2);

const stages = [
  ['types', [bin('typescript', 'bin/tsc'), '--noEmit', '-p', 'tsconfig.json']],
  ['lint', [bin('eslint', 'bin/eslint.js'), 'src']],
  ['unit, property and CLI tests', [bin('jest', 'bin/jest.js'), ...extra]],
  ['quick bench', [path.join(root, 'scripts', 'bench-check.js')]],
  ['pane end to end', [path.join(root, 'scripts', 'e2e.js')]],
];

const totals = { passed: 0, failed: 0, skipped: 0 };
function addCounts() {
  if (!fs.existsSync(summaryFile)) return;
  for (const line of fs.readFileSync(summaryFile, 'utf8').trim().split('\n')) {
    const c = JSON.parse(line);
    totals.passed += c.passed; totals.failed += c.failed; totals.skipped += c.skipped;
  }
  fs.rmSync(summaryFile, { force: true });
}

for (const [name, args] of stages) {
  process.stdout.write(`\n== ${name} ==\n`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, SCORECARD_TEST_SUMMARY: summaryFile } });
  addCounts();
  if (r.status !== 0) {
    if (totals.failed === 0) totals.failed = 1;
    process.stdout.write(`\n${name} failed (exit ${r.status ?? r.signal}).\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
    process.exit(r.status || 1);
  }
}
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
