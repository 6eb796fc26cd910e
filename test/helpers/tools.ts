import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The outside tools some suites need, and the one rule for when one is missing: on a developer's
 * machine the suite skips with a note on the console; in CI (CI set, as .ci/run sets it) it fails,
 * because CI installs every tool and a skip there would pass a release the tests never checked.
 */

const root = path.join(__dirname, '..', '..');

const TOOLS = {
  soffice: {
    here: () => hasCommand('soffice'),
    install: 'apt-get install -y --no-install-recommends libreoffice-calc',
  },
  pdfinfo: { here: () => hasCommand('pdfinfo'), install: 'apt-get install -y poppler-utils' },
  pdftotext: { here: () => hasCommand('pdftotext'), install: 'apt-get install -y poppler-utils' },
  /** LibreOffice draws Calibri with Carlito (same metrics), as Excel draws Calibri. */
  carlito: {
    here: () => {
      const r = spawnSync('fc-match', ['Calibri'], { encoding: 'utf8' });
      return r.status === 0 && /carlito/i.test(r.stdout);
    },
    install: 'apt-get install -y fonts-crosextra-carlito',
  },
  /** Debian's python3-openpyxl, for the bench's peer (bench/peer.ts finds the Python that has it). */
  openpyxl: {
    here: () => ['/usr/bin/python3', 'python3'].some((py) => spawnSync(py, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0),
    install: 'apt-get install -y --no-install-recommends python3-openpyxl',
  },
  /** The compiled command line that bin/scorecard.js runs. */
  'cli-build': {
    here: () => existsSync(path.join(root, 'build', 'cli', 'cli', 'main.js')),
    install: 'npm run build:cli (npm install runs it via prepare)',
  },
} as const;

export type Tool = keyof typeof TOOLS;

export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

const seen = new Map<Tool, boolean>();

/**
 * Whether every tool `what` needs is here. A missing tool throws under CI (the suite fails to run,
 * naming the tool and how to install it) and otherwise warns and gives false, for `describe.skip`.
 */
export function requireTools(what: string, ...tools: Tool[]): boolean {
  const missing = tools.filter((t) => {
    if (!seen.has(t)) seen.set(t, TOOLS[t].here());
    return !seen.get(t);
  });
  if (missing.length === 0) return true;
  const how = [...new Set(missing.map((t) => TOOLS[t].install))].join('; ');
  const text = `${what} needs ${missing.join(', ')}, not found here (${how})`;
  if (inCi()) throw new Error(`${text}. CI installs every tool the tests use (.ci/run), so this is a failure, not a skip.`);
  console.warn(`SKIPPED: ${text}.`);
  return false;
}

/** `describe` when every tool is here, else `describe.skip` (or a throw in CI): see requireTools. */
export function describeWith(tools: readonly Tool[], what: string): jest.Describe {
  return requireTools(what, ...tools) ? describe : describe.skip;
}
