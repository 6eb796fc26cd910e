import { spawn } from 'child_process';
import * as https from 'https';
import * as net from 'net';
import * as path from 'path';

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https.get(url, { rejectUnauthorized: false }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => { body += d.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

// Issue 16.4: `npm start` ends its output with the one address to open, and that address answers with the preview page.
it('npm start prints "Open https://localhost:PORT/" last, and / is the preview page', async () => {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(__dirname, '../../scripts/start.js')], {
    env: { ...process.env, SCORECARD_NO_SIDELOAD: '1', SCORECARD_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
  try {
    const url = `https://localhost:${port}/`;
    const last = (): string => out.trim().split('\n').pop() ?? '';
    const deadline = Date.now() + 170_000;
    while (!last().startsWith('Open ') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    // Nothing may follow the address once the build is done.
    await new Promise((r) => setTimeout(r, 1500));
    expect(last()).toBe(`Open ${url}`);
    const page = await get(url);
    expect(page.status).toBe(200);
    expect(page.body).toContain('id="grid"');
    expect(page.body).toContain('Corporate Scorecard task pane');
    expect(page.body).not.toContain('Cannot GET');
  } finally {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  }
}, 200_000);
