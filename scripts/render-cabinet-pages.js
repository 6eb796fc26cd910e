#!/usr/bin/env node
// Render the demo's Cabinet workbook as a reader sees it printed: build the CLI, run
// `scorecard demo`, convert the Cabinet .xlsx to PDF with LibreOffice headless, and draw the first
// pages as PNGs (pdftoppm, 60 dpi) into docs/screenshots/cabinet-page-N.png for the README, with the
// Trends sheet's first page (trends-page-1.png) and a filled return (return-page.png).
// Needs the Debian packages libreoffice-calc and poppler-utils; fonts-crosextra-carlito makes
// LibreOffice draw Calibri with Excel's metrics (without it every column prints wider and smaller).
// Usage: node scripts/render-cabinet-pages.js [--pages 2] [--keep]
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'docs', 'screenshots');

function fail(message) {
  process.stderr.write(`render-cabinet-pages: ${message}\n`);
  process.exit(1);
}

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.error) fail(`could not run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stderr || r.stdout}`);
  return r.stdout;
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function main() {
  const missing = ['soffice', 'pdfinfo', 'pdftoppm', 'pdftotext'].filter((c) => !has(c));
  if (missing.length > 0) fail(`${missing.join(', ')} not found; install the Debian packages libreoffice-calc and poppler-utils`);
  const fonts = spawnSync('fc-match', ['Calibri'], { encoding: 'utf8' });
  if (!/carlito/i.test(fonts.stdout || '')) {
    process.stderr.write('render-cabinet-pages: Calibri is not drawn with Carlito here; the pages will print smaller than from Excel (install fonts-crosextra-carlito)\n');
  }
  const pages = Number(option('pages', '2'));
  if (!Number.isInteger(pages) || pages < 1) fail('--pages wants a whole number, 1 or more');

  run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json'], root);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-pages-'));
  try {
    run(process.execPath, [path.join(root, 'bin', 'scorecard.js'), 'demo', '--out', 'demo'], tmp);
    const xlsx = fs.readdirSync(path.join(tmp, 'demo')).find((f) => /^cabinet-.*\.xlsx$/.test(f));
    if (!xlsx) fail('the demo wrote no Cabinet workbook');
    const profile = `-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`;
    run('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', tmp, path.join(tmp, 'demo', xlsx)], tmp);
    const pdf = path.join(tmp, xlsx.replace(/\.xlsx$/, '.pdf'));
    if (!fs.existsSync(pdf)) fail('LibreOffice wrote no PDF');
    const info = run('pdfinfo', [pdf], tmp);
    const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    const size = /^Page size:\s+(.+)$/m.exec(info)?.[1] ?? '?';
    fs.mkdirSync(outDir, { recursive: true });
    const written = [];
    for (let n = 1; n <= Math.min(pages, count); n++) {
      const base = path.join(outDir, `cabinet-page-${n}`);
      run('pdftoppm', ['-r', '60', '-png', '-f', String(n), '-l', String(n), '-singlefile', pdf, base], tmp);
      written.push(`${path.relative(root, base)}.png`);
    }
    // The Trends sheet's first page (the demo has a BI master) and a filled return, for the README.
    const text = run('pdftotext', ['-layout', pdf, '-'], tmp).split('\f');
    const trends = text.findIndex((p) => p.includes('Trends to'));
    if (trends >= 0) {
      const base = path.join(outDir, 'trends-page-1');
      run('pdftoppm', ['-r', '60', '-png', '-f', String(trends + 1), '-l', String(trends + 1), '-singlefile', pdf, base], tmp);
      written.push(`${path.relative(root, base)}.png`);
    }
    const ret = path.join(tmp, 'demo', 'returns', 'childrens-social-care.xlsx');
    if (fs.existsSync(ret)) {
      run('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', tmp, ret], tmp);
      const base = path.join(outDir, 'return-page');
      run('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', path.join(tmp, 'childrens-social-care.pdf'), base], tmp);
      written.push(`${path.relative(root, base)}.png`);
    }
    process.stdout.write(`${xlsx}: ${count} pages, ${size}\n${written.map((w) => `  wrote ${w}`).join('\n')}\n`);
    if (process.argv.includes('--keep')) process.stdout.write(`  kept ${tmp}\n`);
  } finally {
    if (!process.argv.includes('--keep')) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main();
