import * as React from 'react';
import { FluentProvider, Tab, TabList, makeStyles, tokens, type Theme } from '@fluentui/react-components';
import type { ScorecardServices } from '../app/ports';
import { catalogueServices, defaultPeriod, localToday, periodLabels } from './periods';
import { chooseTheme, readThemeHints } from './theme';
import { Announcer } from './components/Announcer';
import { CabinetView } from './components/CabinetView';
import { CataloguePanel, type LoadedCatalogue } from './components/CataloguePanel';
import { ConsolidateView } from './components/ConsolidateView';
import { HostBanner } from './components/HostBanner';
import { PeriodPicker } from './components/PeriodPicker';
import { ReturnView } from './components/ReturnView';
import { ALL_SERVICES, ServicePicker } from './components/ServicePicker';

const VIEWS = [
  { id: 'return', label: 'Return' },
  { id: 'consolidate', label: 'Consolidate' },
  { id: 'cabinet', label: 'Cabinet' },
] as const;
type View = (typeof VIEWS)[number]['id'];

const useStyles = makeStyles({
  pane: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM,
    minHeight: '100vh', boxSizing: 'border-box', backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1,
    // The flex gaps space the pane; a browser's default heading margins would double them.
    '& h2, & h3, & h4, & h5': { margin: 0 },
    '& ul': { marginTop: 0, marginBottom: 0 },
  },
  pickers: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

export interface AppProps {
  readonly services: ScorecardServices;
  /** `YYYY-MM-DD`; tests pin it, the pane uses the local date. */
  readonly today?: string;
  readonly theme?: Theme;
}

export function App({ services, today, theme }: AppProps): React.JSX.Element {
  return (
    <FluentProvider theme={theme ?? chooseTheme(readThemeHints())}>
      <Announcer>
        <Pane services={services} today={today ?? localToday()} />
      </Announcer>
    </FluentProvider>
  );
}

function Pane({ services, today }: { readonly services: ScorecardServices; readonly today: string }): React.JSX.Element {
  const styles = useStyles();
  const [loaded, setLoaded] = React.useState<LoadedCatalogue | undefined>();
  const [period, setPeriod] = React.useState<string | undefined>();
  const [service, setService] = React.useState<string>(ALL_SERVICES);
  const [view, setView] = React.useState<View>('return');

  const catalogue = loaded?.catalogue;
  const periods = React.useMemo(() => (catalogue ? periodLabels(catalogue) : []), [catalogue]);
  const serviceNames = React.useMemo(() => (catalogue ? catalogueServices(catalogue) : []), [catalogue]);

  const onLoaded = React.useCallback((next: LoadedCatalogue) => {
    setLoaded(next);
    setService((s) => (s && catalogueServices(next.catalogue).includes(s) ? s : ALL_SERVICES));
    // The period starts on the one the workbook's Return sheet is written for, never on a default
    // that would check a quarter's figures as another's; the views wait for the answer.
    const labels = periodLabels(next.catalogue);
    void services.returnPeriod().catch(() => undefined).then((written) => {
      setPeriod((p) => (written && labels.includes(written) ? written : p && labels.includes(p) ? p : defaultPeriod(next.catalogue, today)));
    });
  }, [today, services]);

  return (
    // data-pane-ready: the catalogue and period are known and every action works (the bench's "interactive").
    <main className={styles.pane} {...(catalogue && period ? { 'data-pane-ready': '' } : {})}>
      <HostBanner host={services.host} />
      <CataloguePanel services={services} loaded={loaded} onLoaded={onLoaded} />
      {catalogue && period && (
        <>
          <div className={styles.pickers}>
            <PeriodPicker periods={periods} value={period} onChange={setPeriod} />
            <ServicePicker services={serviceNames} value={service} onChange={setService} />
          </div>
          <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} aria-label="Views">
            {VIEWS.map((v) => <Tab key={v.id} value={v.id} id={`tab-${v.id}`} aria-controls={`panel-${v.id}`}>{v.label}</Tab>)}
          </TabList>
          {view !== 'consolidate' && (
            <div role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`}>
              {view === 'return' && <ReturnView services={services} catalogue={catalogue} period={period} service={service} />}
              {view === 'cabinet' && <CabinetView services={services} catalogue={catalogue} period={period} />}
            </div>
          )}
          {/* Kept mounted: the picked files and the consolidation (up to 200 returns) survive a look at another tab. */}
          <div role="tabpanel" id="panel-consolidate" aria-labelledby="tab-consolidate" hidden={view !== 'consolidate'}>
            <ConsolidateView services={services} catalogue={catalogue} period={period}
              onPeriod={(p) => { if (periods.includes(p)) setPeriod(p); }} />
          </div>
        </>
      )}
    </main>
  );
}
