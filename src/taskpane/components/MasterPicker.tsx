import * as React from 'react';
import { Button, Field, Text } from '@fluentui/react-components';
import type { Catalogue } from '../../core/catalogue/schema';
import type { MasterSummary, ScorecardServices } from '../../app/ports';
import { readFiles } from '../read-file';
import { useAction } from '../use-action';
import { useAnnounce } from './Announcer';
import { ErrorBar } from './ErrorBar';
import { plural } from '../../core/words';

export interface MasterPickerProps {
  readonly services: ScorecardServices;
  readonly catalogue: Catalogue;
}

const quarters = (m: MasterSummary): string =>
  m.periods.length === 0 ? 'no closed quarters yet' : `${plural(m.periods.length, 'closed quarter')}, ${m.periods[0]} to ${m.periods[m.periods.length - 1]}`;

/** The BI master (history .json), optional: the Cabinet sheet's direction of travel and trends come from it. */
export function MasterPicker({ services, catalogue }: MasterPickerProps): React.JSX.Element {
  const announce = useAnnounce();
  const [master, setMaster] = React.useState<MasterSummary | undefined>();
  const input = React.useRef<HTMLInputElement | null>(null);
  // Views unmount when another tab is chosen; the services still hold the master.
  React.useEffect(() => {
    let live = true;
    void services.getMaster().then((m) => { if (live && m) setMaster(m); }).catch(() => undefined);
    return () => { live = false; };
  }, [services]);
  const load = useAction(async (file: File) => {
    const [picked] = await readFiles([file]);
    if (!picked) return;
    const summary = await services.loadMaster(catalogue, picked);
    setMaster(summary);
    announce(`BI master loaded: ${quarters(summary)}.`);
  });
  const forget = useAction(async () => {
    await services.clearMaster();
    setMaster(undefined);
    if (input.current) input.current.value = '';
    announce('BI master forgotten: the Cabinet sheet has no direction of travel.');
  });

  return (
    <>
      <Field label="BI master (.json, optional)" hint="The history kept by scorecard consolidate --history: direction of travel and trends come from it. Read only.">
        {(field) => (
          <input {...field} ref={input} type="file" accept=".json,application/json" disabled={load.busy}
            onChange={(e) => { const f = e.target.files?.[0]; if (f) void load.run(f); }} />
        )}
      </Field>
      {master && (
        <div data-testid="master-summary">
          <Text>{`BI master ${master.file}: ${master.organisation}, ${quarters(master)}.`}</Text>{' '}
          <Button size="small" onClick={() => void forget.run()}>Forget the BI master</Button>
        </div>
      )}
      <ErrorBar title="Could not load the BI master" message={load.error} onDismiss={load.dismiss}
        hint="Pick the history .json your BI team keeps with scorecard consolidate --history." />
    </>
  );
}
