import * as path from 'node:path';
import type { Catalogue } from '../../core/catalogue/schema';
import { emptyHistory } from '../../core/history/parse';
import type { History } from '../../core/history/schema';
import { formatPeriod, periodEndDate, previousPeriod, type Period } from '../../core/period';
import { LABEL } from '../../core/return/layout';
import { fillReturnPlan } from '../../core/sample/fill';
import { sampleReturns, slug } from '../../core/sample/returns';
import { renderWorkbook } from '../../adapters/exceljs/render';
import { displayPath, ensureDir, writeAtomic } from '../files';
import type { Context } from '../output';
import { consolidateReturns } from '../../app/consolidate';
import { returnTemplate } from '../../app/insert-template';
import { readAll } from '../returns';

/** The four quarters before the demo's: enough for direction of travel (last quarter, last year) and a five-quarter trend. */
export function earlierPeriods(period: Period): Period[] {
  const out: Period[] = [];
  for (let p = previousPeriod(period); out.length < 4; p = previousPeriod(p)) out.unshift(p);
  return out;
}

/** When the BI team closed a quarter: a month after it ended (fixed, so the demo's output is the same every run). */
export function closedAtFor(p: Period): string {
  const end = new Date(`${periodEndDate(p)}T12:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 30);
  return end.toISOString();
}

export interface EarlierQuarters {
  readonly history: History;
  readonly periods: readonly Period[];
  readonly files: number;
}

/**
 * The BI master as it stood before this quarter: each earlier quarter's clean returns written to
 * `earlier/<quarter>/` and consolidated into the history through the same path as
 * `consolidate --history`, oldest first.
 */
export async function buildEarlierQuarters(ctx: Context, catalogue: Catalogue, dir: string, period: Period): Promise<EarlierQuarters> {
  let history = emptyHistory(catalogue.organisation);
  const periods = earlierPeriods(period);
  let count = 0;
  for (const [k, p] of periods.entries()) {
    const folder = path.join(dir, 'earlier', slug(formatPeriod(p)));
    ensureDir(ctx.io.cwd, folder);
    const files: string[] = [];
    for (const sample of sampleReturns(catalogue, p, { clean: true, seed: 2020 + k })) {
      const plan = returnTemplate(catalogue, p, sample.service).workbook;
      const [sheet] = plan.sheets;
      if (!sheet) throw new Error('the template plan has no sheet');
      const filled = fillReturnPlan(sheet, sample.entries, { [LABEL.preparedBy]: sample.preparedBy, [LABEL.ready]: 'Yes' });
      const file = displayPath(path.join(folder, sample.file));
      writeAtomic(ctx.io.cwd, file, await renderWorkbook({ ...plan, sheets: [filled] }), true);
      files.push(file);
    }
    count += files.length;
    const run = consolidateReturns({ catalogue, books: await readAll(ctx, files), period: p, master: history, record: {}, now: closedAtFor(p) });
    if (!run.ok || !run.history) throw new Error(`demo: ${formatPeriod(p)} was not recorded in the history`);
    history = run.history.next;
  }
  return { history, periods, files: count };
}
