import * as React from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Catalogue } from '../../core/catalogue/schema';
import type { SignOff, ValidationResult } from '../../core/return/types';
import type { ScorecardServices } from '../../app/ports';
import { countsSummary, plural, severityCounts } from '../../core/words';
import { useAction } from '../use-action';
import { useReveal } from '../reveal';
import { useAnnounce } from './Announcer';
import { ErrorBar } from './ErrorBar';
import { IssuesList } from './IssuesList';
import { RagSummary } from './RagSummary';
import { SignOffPanel, stateOf } from './SignOffPanel';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export interface ReturnViewProps {
  readonly services: ScorecardServices;
  readonly catalogue: Catalogue;
  readonly period: string;
  /** Empty for all services. */
  readonly service: string;
}

export function ReturnView({ services, catalogue, period, service }: ReturnViewProps): React.JSX.Element {
  const styles = useStyles();
  const announce = useAnnounce();
  const [result, setResult] = React.useState<ValidationResult | undefined>();
  const [signOff, setSignOff] = React.useState<SignOff | undefined>();
  const [inserted, setInserted] = React.useState<{ readonly sheet: string; readonly due: number } | undefined>();
  const [live, setLive] = React.useState(false);
  // Only a press of Validate moves the focus: a live re-validation must not pull it out of the sheet.
  const [pressed, setPressed] = React.useState(0);
  const resultHeading = useReveal<HTMLHeadingElement>(pressed);

  const insert = useAction(async () => {
    const made = await services.insertTemplate(catalogue, period, service || undefined);
    setInserted(made);
    announce(`Inserted the return template as sheet ${made.sheet}: ${plural(made.due, 'indicator')} due.`);
  });
  // Live (after an edit): read and report only, so the lead's undo history and formats stay as they are.
  const validate = useAction(async (liveRun: boolean) => {
    const r = await services.validate(catalogue, { period, ...(liveRun ? { live: true } : {}) });
    setResult(r);
    setSignOff(r.signOff);
    if (!liveRun) setPressed((n) => n + 1);
    announce(`Validated ${r.sheet}: ${countsSummary(r.counts)}. ${severityCounts(r.issues)}.`);
  });
  const select = useAction((cell: string) => services.selectCell(cell));

  // Changes that arrive while a validation runs are not lost: one more run follows it.
  const running = React.useRef(false);
  // A press of Validate waiting behind a run stays a press (it refreshes colours); edits only re-read.
  const pending = React.useRef<'live' | 'press' | undefined>(undefined);
  const runValidate = React.useRef<(liveRun: boolean) => Promise<void>>(async () => undefined);
  runValidate.current = async (liveRun) => {
    if (running.current) { if (pending.current !== 'press') pending.current = liveRun ? 'live' : 'press'; return; }
    running.current = true;
    try {
      let next: 'live' | 'press' | undefined = liveRun ? 'live' : 'press';
      while (next) { pending.current = undefined; await validate.run(next === 'live'); next = pending.current; }
    } finally { running.current = false; }
  };

  const [subscribeError, setSubscribeError] = React.useState<string | undefined>();
  React.useEffect(() => {
    if (!live) return undefined;
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    services.onReturnChanged(() => void runValidate.current(true)).then(
      (off) => { if (cancelled) off(); else unsubscribe = off; },
      (e: unknown) => { setLive(false); setSubscribeError(e instanceof Error ? e.message : String(e)); },
    );
    return () => { cancelled = true; unsubscribe?.(); };
  }, [live, services]);

  // A result for another period or catalogue would be read as this one's.
  React.useEffect(() => { setResult(undefined); setSignOff(undefined); }, [catalogue, period]);

  const busy = insert.busy || validate.busy;
  return (
    <div className={styles.view}>
      <div className={styles.row}>
        <Button disabled={busy} onClick={() => void insert.run()}>Insert template</Button>
        <Button appearance="primary" disabled={busy} onClick={() => void runValidate.current(false)}>Validate</Button>
        {busy && <Spinner size="tiny" label={insert.busy ? 'Inserting the template…' : 'Validating…'} />}
      </div>
      <Switch checked={live} label="Re-validate when the sheet changes" onChange={(_, d) => { setSubscribeError(undefined); setLive(d.checked); }} />
      {inserted && (
        <MessageBar intent="success"><MessageBarBody>Inserted sheet {inserted.sheet} for {period}: {plural(inserted.due, 'indicator')} due. Type the actuals, then validate.</MessageBarBody></MessageBar>
      )}
      <ErrorBar title="Could not insert the template" message={insert.error} onDismiss={insert.dismiss}
        hint="A sheet named Return may already exist: rename or delete it, then try again." />
      <ErrorBar title="Could not validate the return" message={validate.error} onDismiss={validate.dismiss}
        hint="Open the workbook's Return sheet (or insert a template) and validate again." />
      <ErrorBar title="Could not watch the sheet for changes" message={subscribeError} onDismiss={() => setSubscribeError(undefined)}
        hint="Use the Validate button after each change instead." />
      <ErrorBar title="Could not go to the cell" message={select.error} onDismiss={select.dismiss}
        hint="The sheet may have been renamed or deleted: validate again." />
      {result && (
        <section aria-labelledby="result-heading" className={styles.view}>
          <h3 id="result-heading" tabIndex={-1} ref={resultHeading}>{result.sheet}{result.period ? `, ${result.period}` : ''}</h3>
          <RagSummary counts={result.counts} label="RAG counts" />
          <Text data-testid="issue-counts">
            {severityCounts(result.issues)}.{result.issues.some((i) => i.cell) ? ' Select an issue to go to its cell.' : ''}
          </Text>
          <IssuesList issues={result.issues} idPrefix="return-issues" onSelect={(cell) => void select.run(cell)} />
        </section>
      )}
      <SignOffPanel services={services} catalogue={catalogue} signOff={signOff}
        state={signOff ? (result && signOff === result.signOff ? result.signOffState : stateOf(signOff)) : undefined}
        onChanged={setSignOff} />
    </div>
  );
}
