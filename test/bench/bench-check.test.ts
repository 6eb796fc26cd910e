// scripts/bench-check.js runs the quick bench in `npm test` and refuses a JSON document that lacks a
// field the contract names. These documents are what bench/main.ts prints (`--quick --json`).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { problems } = require('../../scripts/bench-check.js') as { problems(doc: unknown): string[] };

const budgets = ['CLI consolidate ≤ 6× the floor (unzip and scan)', 'CLI consolidate ≤ 0.6× the openpyxl peer', 'CLI peak RSS ≤ 300 MB', 'quarter: consolidate --history within 1.5× validate']
  .map((what) => ({ what, met: false, figure: '1×' }));

function doc(): Record<string, unknown> {
  return {
    quick: true,
    syncs: { validate: { 10: 3, 100: 4, 500: 4 }, template: { 10: 3, 100: 3, 500: 3 }, cabinet: { 10: 3, 100: 4, 500: 4 } },
    maxRequestMb: 0.12, maxResponseMb: 0.12,
    cli: {
      files: 8, indicatorsPerFile: 20, seconds: 0.4, exceljsReadSeconds: 0.23, ratioVsExceljsRead: 1.74, floorSeconds: 0.03, ratioVsFloor: 11.84,
      peer: { python: '/usr/bin/python3', openpyxl: '3.0.9', seconds: 0.19, peakRssMb: 38, ratio: 2.16 }, peakRssMb: 106, runs: 1, peakRssMbQuarterFiles: 99,
    },
    quarter: { services: 6, indicators: 30, runs: 1, floorSeconds: 0.03, templateSeconds: 0.21, validateSeconds: 0.17, consolidateSeconds: 0.3, templateRatio: 7.66, validateRatio: 6.18, consolidateRatio: 10.68, consolidateVsValidate: 1.73, peakRssMb: 95 },
    startup: { runs: 5, nodeMs: 79, helpMs: 76, validateMs: 163, helpRatio: 0.96, validateRatio: 1.89 },
    core: { rows: 5000, validateMsPerThousandRows: 21.66, linearity: 0.3 },
    bundle: { initialJsGzipKb: 0, lazyJsGzipKb: 0 }, pane: { firstRenderMs: null, interactiveMs: null, note: 'skipped with --quick' },
    preview: { paneInteractiveMs: null, gridPaintedMs: null, note: 'skipped with --quick' },
    budgets,
  };
}

const cli = (d: Record<string, unknown>): Record<string, unknown> => d.cli as Record<string, unknown>;

describe('bench-check: the floor, the peer and the quarter in the bench JSON', () => {
  it('passes the quick bench document as bench/main.ts prints it', () => {
    expect(problems(doc())).toEqual([]);
  });

  it('passes a skipped peer when it says why', () => {
    const d = doc();
    Object.assign(cli(d), { peer: null, peerNote: 'no Python with openpyxl: peer skipped' });
    expect(problems(d)).toEqual([]);
  });

  it('refuses a skipped peer without a note', () => {
    const d = doc();
    cli(d).peer = null;
    expect(problems(d)).toEqual([expect.stringContaining('cli.peerNote')]);
  });

  it('refuses a peer without its ratio, or a missing peer field', () => {
    const d = doc();
    delete (cli(d).peer as Record<string, unknown>).ratio;
    expect(problems(d)).toEqual([expect.stringContaining('cli.peer')]);
    const e = doc();
    delete cli(e).peer;
    expect(problems(e)).toEqual([expect.stringContaining('cli.peer')]);
  });

  it('refuses a floor that is not a positive number', () => {
    const d = doc();
    cli(d).floorSeconds = 0;
    cli(d).ratioVsFloor = 'fast';
    expect(problems(d)).toEqual([expect.stringContaining('cli.floorSeconds'), expect.stringContaining('cli.ratioVsFloor')]);
  });

  it('refuses a document without the quarter, naming each field', () => {
    const d = doc();
    delete d.quarter;
    const found = problems(d);
    for (const k of ['services', 'indicators', 'validateSeconds', 'consolidateVsValidate']) expect(found).toContainEqual(expect.stringContaining(`quarter.${k}`));
  });

  it('refuses budgets without their figure, or without the new budgets', () => {
    const d = doc();
    d.budgets = budgets.map(({ what, met }) => ({ what, met }));
    expect(problems(d)).toEqual([expect.stringContaining('with its figure')]);
    const e = doc();
    e.budgets = budgets.filter((b) => !b.what.includes('peer'));
    expect(problems(e)).toEqual([expect.stringContaining('openpyxl peer')]);
  });
});
