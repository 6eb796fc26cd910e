import type { CabinetOptions } from '../../core/cabinet/model';
import { describeCatalogueError } from '../../core/catalogue/parse';
import type { Catalogue } from '../../core/catalogue/schema';
import type { Consolidation } from '../../core/consolidate-types';
import { addPeriod } from '../../core/history/add';
import { parseHistoryText } from '../../core/history/parse';
import { historyComparison, previousLookup } from '../../core/history/read';
import type { History } from '../../core/history/schema';
import { parsePeriod } from '../../core/period';
import type { PreviousValue } from '../../core/return/validate-row';
import type { InputFile, MasterSummary } from '../../app/ports';

/**
 * The BI master the pane holds for a session: read from a file the analyst picks, never written
 * back (recording a quarter stays with `scorecard consolidate --history`, which keeps a backup).
 */
export function masterHolder(now: () => Date) {
  let master: History | undefined;
  let file = '';
  const summarise = (h: History): MasterSummary => ({ file, organisation: h.organisation, periods: h.periods.map((p) => p.period) });
  return {
    load(catalogue: Catalogue, input: InputFile): MasterSummary {
      const result = parseHistoryText(new TextDecoder().decode(input.bytes));
      if (!result.ok) {
        const shown = result.errors.slice(0, 3).map(describeCatalogueError).join('; ');
        throw new Error(`${input.name} is not a BI master (history) file: ${shown}${result.errors.length > 3 ? `; and ${result.errors.length - 3} more` : ''}.`);
      }
      const h = result.history;
      if (h.organisation.trim().toLowerCase() !== catalogue.organisation.trim().toLowerCase()) {
        throw new Error(`${input.name} is the BI master of ${h.organisation}, not of ${catalogue.organisation} (the loaded catalogue's council).`);
      }
      master = h;
      file = input.name;
      return summarise(h);
    },
    summary(): MasterSummary | undefined {
      return master ? summarise(master) : undefined;
    },
    clear(): void {
      master = undefined;
      file = '';
    },
    get(): History | undefined {
      return master;
    },
    /** Each row's direction of travel against the quarter before, for validating returns. */
    previous(): PreviousValue | undefined {
      return master ? previousLookup(master) : undefined;
    },
    /**
     * The Cabinet model's options: with a master, this quarter is added to a copy of it (as
     * `consolidate --history` records it), so trends include it; a quarter the master already
     * closed is taken as closed.
     */
    compare(catalogue: Catalogue, c: Consolidation): { readonly options: CabinetOptions; readonly master?: History } {
      const generatedAt = now().toISOString();
      const period = parsePeriod(c.period);
      if (!master || !period) return { options: { generatedAt } };
      const added = addPeriod(master, c, { closedAt: generatedAt, catalogueVersion: catalogue.version });
      const history = added.issues.some((i) => i.severity === 'error') ? master : added.history;
      return { options: { generatedAt, ...historyComparison(history, period, catalogue) }, master };
    },
  };
}
