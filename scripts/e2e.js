#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports */
// End-to-end test of the task pane's browser preview: build dist/ with webpack (development),
// serve it on a random localhost port, drive Debian's Chromium through test/e2e/pane.e2e.js.
// Exit 0 when every step passed; 1 with the failing step named otherwise.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const path = require('path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json',
  '.png': 'image/png', '.xml': 'application/xml', '.map': 'application/json', '.css': 'text/css' };

function fail(message) {
  process.stderr.write(`e2e FAILED: ${message}\n`);
  process.exit(1);
}

function build() {
  if (process.env.E2E_SKIP_BUILD === '1' && fs.existsSync(path.join(dist, 'taskpane.html'))) return;
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'development'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    const errors = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /ERROR|Error:/.test(l)).slice(0, 10).join('\n');
    fail(`webpack could not build the preview:\n${errors}`);
  }
  if (!fs.existsSync(path.join(dist, 'taskpane.html'))) fail('webpack ran but dist/taskpane.html is missing.');
}

/** A static server for dist/ on 127.0.0.1 and a port the OS picks. */
function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url || '/', 'http://localhost');
    // `/` is the preview page, as webpack-dev-server serves it for `npm start`.
    const file = path.normalize(path.join(dist, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)));
    if (!file.startsWith(dist) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main() {
  const started = Date.now();
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(chromiumPath)) {
    // CI installs Chromium (.ci/run), so there a missing browser is a failure, never a skip.
    if (process.env.CI) fail(`${chromiumPath} is missing: .ci/run must apt-get install -y chromium`);
    if (process.env.SCORECARD_TEST_SUMMARY) fs.appendFileSync(process.env.SCORECARD_TEST_SUMMARY, `${JSON.stringify({ passed: 0, failed: 0, skipped: 1 })}\n`);
    process.stdout.write(`e2e SKIPPED: no Chromium at ${chromiumPath} (apt-get update && apt-get install -y chromium)\n`);
    return;
  }
  build();
  const server = await serve();
  const { port } = server.address();
  const artifacts = path.join(root, 'test-artifacts');
  fs.mkdirSync(artifacts, { recursive: true });
  try {
    const { runPaneE2e } = require(path.join(root, 'test', 'e2e', 'pane.e2e.js'));
    const { runFirstRunE2e } = require(path.join(root, 'test', 'e2e', 'first-run.e2e.js'));
    const baseUrl = `http://127.0.0.1:${port}`;
    const steps = await runPaneE2e({ baseUrl, artifacts, ...(process.env.SCORECARD_UPDATE_SCREENSHOTS ? { docs: path.join(root, 'docs', 'screenshots') } : {}) })
      + await runFirstRunE2e({ baseUrl, artifacts });
    if (process.env.SCORECARD_TEST_SUMMARY) fs.appendFileSync(process.env.SCORECARD_TEST_SUMMARY, `${JSON.stringify({ passed: steps, failed: 0, skipped: 0 })}\n`);
    process.stdout.write(`e2e passed: ${steps} steps in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in test-artifacts/\n`);
  } catch (e) {
    fail(e && e.message ? e.message : String(e));
  } finally {
    server.close();
  }
}

main().catch((e) => fail(e && e.stack ? e.stack : String(e)));
