#!/usr/bin/env node
// `npm start`: the task pane's dev server on https://localhost:3000, sideloaded into Excel where
// Excel exists; elsewhere (Linux, CI) the preview page: a spreadsheet beside the real pane.
// SCORECARD_PORT picks another port (tests use a free one).
'use strict';
const { spawn } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const hasExcel = (process.platform === 'win32' || process.platform === 'darwin') && process.env.SCORECARD_NO_SIDELOAD !== '1';

function run(cmd, args) {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

if (hasExcel) {
  console.log('Starting the dev server and sideloading the add-in into Excel (office-addin-debugging)…');
  console.log('Trust the localhost certificate once with: npx office-addin-dev-certs install');
  // Fetched on demand: its dependency tree builds a native keychain module that Linux and CI never need.
  run(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--yes', 'office-addin-debugging@7.0.0', 'start', 'manifest.xml', 'desktop', '--dev-server', 'npm run dev-server', '--dev-server-port', '3000']);
} else {
  console.log(`No Excel on this machine (${process.platform}): serving the browser preview of the task pane.`);
  console.log('  A spreadsheet of sample returns beside the real task pane; nothing leaves this machine.');
  console.log('  Accept the self-signed certificate once. In Excel on the web you can sideload manifest.xml: README "Deploying".');
  // The address to open is printed last, after every build (webpack.config.js OpenAddressPlugin).
  run(bin('webpack'), ['serve', '--mode', 'development']);
}
