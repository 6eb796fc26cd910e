/* eslint-disable @typescript-eslint/no-require-imports */
// Return workbooks for the Consolidate view: the CLI's demo returns (2024-25 Q2), plus one service's
// return sent a second time with one actual corrected, so the pane has a conflict to show.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');

const root = path.join(__dirname, '..', '..');

function demoReturns(dir) {
  const cli = path.join(root, 'bin', 'scorecard.js');
  if (!fs.existsSync(path.join(root, 'build', 'cli', 'cli', 'main.js'))) {
    const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json'], { cwd: root, encoding: 'utf8' });
    if (tsc.status !== 0) throw new Error(`could not build the CLI for the demo returns: ${tsc.stdout.slice(0, 500)}`);
  }
  const r = spawnSync(process.execPath, [cli, 'demo', '--out', dir, '--force'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`scorecard demo failed: ${r.stderr || r.stdout}`);
  const returns = path.join(dir, 'returns');
  return fs.readdirSync(returns).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(returns, f));
}

/** Copies `file` with its first numeric actual changed; resolves with the copy's path and the ref. */
async function resent(file, out) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('Return') || wb.worksheets[0];
  let refCol; let actualCol; let header;
  ws.eachRow((row, n) => {
    if (header) return;
    row.eachCell((c, col) => {
      const t = String(c.value ?? '').trim().toLowerCase();
      if (t === 'ref') { refCol = col; header = n; }
      if (t === 'actual') actualCol = col;
    });
  });
  if (!header || !refCol || !actualCol) throw new Error(`${file}: no Ref/Actual header`);
  for (let n = header + 1; n <= ws.rowCount; n += 1) {
    const cell = ws.getRow(n).getCell(actualCol);
    if (typeof cell.value === 'number') {
      cell.value = cell.value + 1;
      await wb.xlsx.writeFile(out);
      return { file: out, ref: String(ws.getRow(n).getCell(refCol).value) };
    }
  }
  throw new Error(`${file}: no numeric actual to change`);
}

module.exports = { demoReturns, resent };
