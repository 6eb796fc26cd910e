import * as React from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Catalogue } from '../../core/catalogue/schema';
import type { CatalogueLoad, CatalogueSource, ScorecardServices } from '../../app/ports';
import { readBytes } from '../read-file';
import { useAction } from '../use-action';
import { useAnnounce } from './Announcer';
import { CatalogueErrors } from './CatalogueErrors';
import { CatalogueLine, CatalogueSummary } from './CatalogueSummary';
import { ErrorBar } from './ErrorBar';
import { plural } from '../../core/words';

export interface LoadedCatalogue {
  readonly catalogue: Catalogue;
  readonly label: string;
}

type Kind = CatalogueSource['kind'];
type Rejected = Extract<CatalogueLoad, { ok: false }>;

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flexGrow: 1 },
});

export function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text.trim()).protocol === 'https:';
  } catch {
    return false;
  }
}

export interface CataloguePanelProps {
  readonly services: ScorecardServices;
  readonly loaded: LoadedCatalogue | undefined;
  readonly onLoaded: (loaded: LoadedCatalogue) => void;
}

export function CataloguePanel({ services, loaded, onLoaded }: CataloguePanelProps): React.JSX.Element {
  const styles = useStyles();
  const announce = useAnnounce();
  const [kind, setKind] = React.useState<Kind>('default');
  const [url, setUrl] = React.useState('');
  const [rejected, setRejected] = React.useState<Rejected | undefined>();
  const [urlProblem, setUrlProblem] = React.useState<string | undefined>();
  const [savedFailed, setSavedFailed] = React.useState<string | undefined>();

  const load = useAction(async (from: CatalogueSource | File): Promise<boolean> => {
    const source: CatalogueSource = from instanceof File ? { kind: 'file', name: from.name, bytes: await readBytes(from) } : from;
    const result = await services.loadCatalogue(source);
    if (!result.ok) {
      setRejected(result);
      announce(`Catalogue not loaded: ${plural(result.errors.length, 'problem')}.`);
      return false;
    }
    setRejected(undefined);
    onLoaded({ catalogue: result.catalogue, label: result.label });
    announce(`Catalogue loaded: ${result.catalogue.organisation}, ${plural(result.catalogue.indicators.length, 'indicator')}.`);
    if (source.kind === 'url') await services.saveCatalogueUrl(source.url);
    return true;
  });

  // On start: the BI team's saved URL when there is one, else (or when it fails) the embedded default.
  const started = React.useRef(false);
  React.useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      const saved = await services.getSavedCatalogueUrl().catch(() => undefined);
      if (saved) {
        setKind('url');
        setUrl(saved);
        if (await load.run({ kind: 'url', url: saved })) return;
        setSavedFailed(saved);
        setKind('default');
      }
      await load.run({ kind: 'default' });
    })();
  }, [services, load.run]);

  const onFile = async (e: React.ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = e.target.files?.[0];
    e.target.value = ''; // picking the same file again after fixing it must load again
    if (!file) return;
    await load.run(file);
  };

  const onUrl = async (): Promise<void> => {
    if (!isHttpsUrl(url)) {
      setUrlProblem('Enter an address starting with https://');
      return;
    }
    setUrlProblem(undefined);
    await load.run({ kind: 'url', url: url.trim() });
  };

  const onKind = async (next: Kind): Promise<void> => {
    setKind(next);
    if (next === 'default') {
      await services.saveCatalogueUrl(undefined).catch(() => undefined);
      await load.run({ kind: 'default' });
    }
  };

  return (
    <section className={styles.panel} aria-labelledby="catalogue-heading">
      <div className={styles.title}>
        <h2 id="catalogue-heading">Catalogue</h2>
        {loaded && <CatalogueLine catalogue={loaded.catalogue} />}
      </div>
      <RadioGroup layout="horizontal" value={kind} aria-labelledby="catalogue-heading" disabled={load.busy}
        onChange={(_, d) => void onKind(d.value as Kind)}>
        <Radio value="default" label="Embedded default" />
        <Radio value="file" label="File" />
        <Radio value="url" label="HTTPS URL" />
      </RadioGroup>
      {kind === 'file' && (
        <Field label="Catalogue file (JSON or .xlsx)">
          {(field) => <input {...field} type="file" accept=".json,.xlsx,application/json" disabled={load.busy} onChange={(e) => void onFile(e)} />}
        </Field>
      )}
      {kind === 'url' && (
        <div className={styles.row}>
          <Field className={styles.grow} label="Catalogue URL" validationMessage={urlProblem}>
            <Input type="url" value={url} placeholder="https://…/catalogue.json" onChange={(_, d) => setUrl(d.value)} />
          </Field>
          <Button disabled={load.busy} onClick={() => void onUrl()}>Load</Button>
        </div>
      )}
      {load.busy && <Spinner size="tiny" label="Loading the catalogue…" />}
      <ErrorBar title="Could not load the catalogue" message={load.error}
        hint="Check the file or address and try again; the embedded default is always available." onDismiss={load.dismiss} />
      {savedFailed && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            The saved catalogue at {savedFailed} did not load, so the embedded default is in use.
            Choose HTTPS URL to try it again.
          </MessageBarBody>
        </MessageBar>
      )}
      {rejected && <CatalogueErrors message={rejected.message} errors={rejected.errors} />}
      {loaded && <CatalogueSummary catalogue={loaded.catalogue} label={loaded.label} />}
    </section>
  );
}
