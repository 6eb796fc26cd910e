#!/usr/bin/env node
// `npm start`: the task pane's dev server on https://localhost:3000, sideloaded into Excel where
// Excel exists; elsewhere (Linux, CI) a browser preview of the real pane on a sample workbook.
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
  console.log('  Open https://localhost:3000/taskpane.html (accept the self-signed certificate).');
  console.log('  The pane runs against an in-memory workbook of sample returns; nothing leaves this machine.');
  console.log('  In Excel on the web you can sideload manifest.xml from this server: see README "Deploying".');
  run(bin('webpack'), ['serve', '--mode', 'development']);
}
