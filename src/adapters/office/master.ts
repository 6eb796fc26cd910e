import { readMaster } from '../../app/bi-master';
import type { InputFile, MasterSummary } from '../../app/ports';
import type { Catalogue } from '../../core/catalogue/schema';
import { previousLookup } from '../../core/history/read';
import type { History } from '../../core/history/schema';
import type { PreviousValue } from '../../core/return/validate-row';

/**
 * The BI master the pane holds for a session: read from a file the analyst picks, checked by the
 * one BI-master policy (src/app/bi-master.ts), never written back (recording a quarter stays with
 * `scorecard consolidate --history`, which keeps a backup).
 */
export function masterHolder() {
  let master: History | undefined;
  let file = '';
  const summarise = (h: History): MasterSummary => ({ file, organisation: h.organisation, periods: h.periods.map((p) => p.period) });
  return {
    load(catalogue: Catalogue, input: InputFile): MasterSummary {
      const read = readMaster(new TextDecoder().decode(input.bytes), catalogue);
      if (!read.ok) throw new Error(`${input.name} is ${read.reason}.`);
      master = read.history;
      file = input.name;
      return summarise(read.history);
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
    /** Each row's value in the quarter before, for direction of travel when validating. */
    previous(): PreviousValue | undefined {
      return master ? previousLookup(master) : undefined;
    },
  };
}
