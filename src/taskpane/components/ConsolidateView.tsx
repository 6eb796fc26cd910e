import * as React from 'react';
import { Button, Field, MessageBar, MessageBarBody, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Catalogue } from '../../core/catalogue/schema';
import { skippedSheetText } from '../../core/messages';
import type { PaneConsolidation, ScorecardServices } from '../../app/ports';
import { readFiles } from '../read-file';
import { summarise } from '../../core/consolidate';
import { countsSummary, plural, severityCounts, summaryLine } from '../../core/words';
import { useAction } from '../use-action';
import { useReveal } from '../reveal';
import { useAnnounce } from './Announcer';
import { ConflictsList } from './ConflictsList';
import { ErrorBar } from './ErrorBar';
import { FilesTable } from './FilesTable';
import { IssuesList } from './IssuesList';
import { MasterPicker } from './MasterPicker';
import { RagSummary } from './RagSummary';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface ConsolidateViewProps {
  readonly services: ScorecardServices;
  readonly catalogue: Catalogue;
  readonly period: string;
  /** Set the pane's period: the picked returns' own, when they agree on one. */
  readonly onPeriod?: (period: string) => void;
}

interface ProgressState { readonly done: number; readonly total: number; readonly what: string }

export function ConsolidateView({ services, catalogue, period, onPeriod }: ConsolidateViewProps): React.JSX.Element {
  const styles = useStyles();
  const announce = useAnnounce();
  const [files, setFiles] = React.useState<File[]>([]);
  const [progress, setProgress] = React.useState<ProgressState | undefined>();
  const [result, setResult] = React.useState<PaneConsolidation | undefined>();
  const [shown, setShown] = React.useState(0);
  const heading = useReveal<HTMLHeadingElement>(shown);
  const [stated, setStated] = React.useState<{ readonly period?: string; readonly mixed?: readonly string[] } | undefined>();

  // The quarter the picked returns are for sets the period: a return is never consolidated as another quarter.
  const pick = async (picked: File[]): Promise<void> => {
    setFiles(picked);
    setResult(undefined);
    setStated(undefined);
    if (picked.length === 0) return;
    const said = await services.filesPeriod(await readFiles(picked)).catch(() => ({}));
    setStated(said);
    if ('period' in said && said.period) onPeriod?.(said.period);
  };

  const run = useAction(async () => {
    setResult(undefined);
    setProgress({ done: 0, total: files.length, what: 'Reading files' });
    try {
      const inputs = await readFiles(files);
      const r = await services.consolidate(catalogue, inputs, period, (done, total, what) => setProgress({ done, total, what }));
      setResult(r);
      setShown((n) => n + 1);
      announce(`Consolidated ${plural(r.files.length, 'return')}: ${countsSummary(r.counts)}. ${plural(r.conflicts.length, 'conflict')}, ${r.missing.length} missing.`);
    } finally {
      setProgress(undefined);
    }
  });

  return (
    <div className={styles.view}>
      <Field label="Return workbooks (.xlsx)" hint="Pick every service's return for this period">
        {/* A native input gets the Field's label and hint only through the render function. */}
        {(field) => (
          <input {...field} type="file" multiple accept=".xlsx" disabled={run.busy}
            onChange={(e) => void pick(Array.from(e.target.files ?? []))} />
        )}
      </Field>
      {stated?.period && (
        <MessageBar intent="info"><MessageBarBody>The picked returns are for {stated.period}, so the period is {stated.period}.</MessageBarBody></MessageBar>
      )}
      {stated?.mixed && (
        <MessageBar intent="warning"><MessageBarBody>
          The picked returns are for different quarters ({stated.mixed.join(', ')}). Pick one quarter’s returns: a return for another quarter than {period} is an error and its values are left out.
        </MessageBarBody></MessageBar>
      )}
      <MasterPicker services={services} catalogue={catalogue} />
      <Button appearance="primary" disabled={run.busy || files.length === 0} onClick={() => void run.run()}>
        {files.length === 0 ? 'Consolidate' : `Consolidate ${plural(files.length, 'return')} for ${period}`}
      </Button>
      {progress && (
        <div>
          <ProgressBar aria-label="Consolidation progress" value={progress.total > 0 ? progress.done / progress.total : undefined} />
          <Text size={200}>{`${progress.what} (${progress.done} of ${progress.total})`}</Text>
        </div>
      )}
      <ErrorBar title="Could not consolidate" message={run.error} onDismiss={run.dismiss}
        hint="Check the files are return workbooks (.xlsx) that open in Excel, then try again." />
      {result && (
        <section className={styles.view} aria-labelledby="consolidation-heading">
          <h3 id="consolidation-heading" tabIndex={-1} ref={heading}>Scorecard for {result.period}</h3>
          <RagSummary counts={result.counts} label="Consolidated RAG counts" />
          {(result.skipped ?? []).map((s) => (
            <MessageBar key={`${s.file}/${s.sheet}`} intent="info"><MessageBarBody>{skippedSheetText(s)}</MessageBarBody></MessageBar>
          ))}
          {/* What needs chasing first; the table of every file (up to 200) after it. */}
          <h4>Conflicts</h4>
          <ConflictsList conflicts={result.conflicts} />
          <h4>Missing returns</h4>
          {result.missing.length === 0
            ? <Text>Every indicator due this period has a value.</Text>
            : <ul aria-label={`Missing (${result.missing.length})`}>{result.missing.map((m) => <li key={m}>{m}</li>)}</ul>}
          <h4>Returns ({result.files.length})</h4>
          <FilesTable files={result.files} />
          <h4>Issues: {severityCounts(result.issues)}</h4>
          <Text>{summaryLine(summarise(result))}</Text>
          <IssuesList issues={result.issues} headingLevel={5} idPrefix="consolidation-issues" />
        </section>
      )}
    </div>
  );
}
