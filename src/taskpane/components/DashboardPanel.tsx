import * as React from 'react';
import { Button, Field, MessageBar, MessageBarBody, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Catalogue } from '../../core/catalogue/schema';
import type { ScorecardServices } from '../../app/ports';
import { useAction } from '../use-action';
import { useAnnounce } from './Announcer';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  // Indicator titles are long: the picker must not push the pane wider than Excel's 320-420 px.
  picker: { minWidth: 0, maxWidth: '100%', width: '100%' },
});

/** `''` lets the sheet chart the first indicator that has a value. */
const FIRST = '';

export interface DashboardPanelProps {
  readonly services: ScorecardServices;
  readonly catalogue: Catalogue;
  readonly period: string;
}

/** The Dashboard sheet: native charts of the RAG counts per priority and one indicator's trend. */
export function DashboardPanel({ services, catalogue, period }: DashboardPanelProps): React.JSX.Element {
  const styles = useStyles();
  const announce = useAnnounce();
  const indicators = React.useMemo(() => catalogue.indicators.filter((i) => i.kind === 'quantitative'), [catalogue]);
  const [ref, setRef] = React.useState(FIRST);
  const [created, setCreated] = React.useState<{ sheet: string; trend: string } | undefined>();

  React.useEffect(() => {
    setCreated(undefined);
    setRef((r) => (indicators.some((i) => i.id === r) ? r : FIRST));
  }, [indicators, period]);

  const create = useAction(async () => {
    const { sheet } = await services.createDashboard(catalogue, period, ref === FIRST ? undefined : ref);
    setCreated({ sheet, trend: ref === FIRST ? 'the first indicator with a value' : ref });
    announce(`Created the sheet ${sheet} with its charts.`);
  });

  return (
    <section className={styles.panel} aria-labelledby="dashboard-heading">
      <h3 id="dashboard-heading">Dashboard</h3>
      <Field label="Indicator for the trend chart" hint="The trend covers the quarters consolidated in this pane, with small numbers left out.">
        <Select className={styles.picker} select={{ className: styles.picker }} value={ref} disabled={create.busy} onChange={(_, d) => setRef(d.value)}>
          <option value={FIRST}>First indicator with a value</option>
          {indicators.map((i) => <option key={i.id} value={i.id}>{`${i.id}: ${i.title}`}</option>)}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button disabled={create.busy} onClick={() => void create.run()}>Create dashboard sheet</Button>
        {create.busy && <Spinner size="tiny" label="Creating the dashboard…" />}
      </div>
      {created && (
        <MessageBar intent="success">
          <MessageBarBody>
            Created sheet {created.sheet}: RAG counts per priority as a stacked bar, and the trend of {created.trend} as a line when there are two or more quarters to show.
          </MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar title="Could not create the dashboard" message={create.error} onDismiss={create.dismiss}
        hint="Validate the returns (or consolidate them) for this period, then try again." />
    </section>
  );
}
