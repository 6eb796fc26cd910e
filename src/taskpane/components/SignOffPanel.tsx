import * as React from 'react';
import { Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { Catalogue } from '../../core/catalogue/schema';
import { editedAfterSignOffWarning, signOffSentence } from '../../core/return/signoff';
import type { SignOff, SignOffState } from '../../core/return/types';
import type { ScorecardServices, SignOffResult } from '../../app/ports';
import type { SignOffRefused } from '../../app/sign-off';
import { useAction } from '../use-action';
import { useReveal } from '../reveal';
import { useAnnounce } from './Announcer';
import { ErrorBar } from './ErrorBar';
import { IssuesList } from './IssuesList';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
});

export function paneSignOffSentence(state: SignOffState | undefined, s: SignOff | undefined): string {
  return !s || !state ? 'Validate the return to see its sign-off.' : signOffSentence(state, s);
}

export function stateOf(s: SignOff): SignOffState {
  if (s.signedOffBy) return 'signed-off';
  return s.ready ? 'ready' : 'not-ready';
}

export interface SignOffPanelProps {
  readonly services: ScorecardServices;
  readonly catalogue: Catalogue;
  readonly state: SignOffState | undefined;
  readonly signOff: SignOff | undefined;
  readonly onChanged: (s: SignOff) => void;
}

export function SignOffPanel({ services, catalogue, state, signOff, onChanged }: SignOffPanelProps): React.JSX.Element {
  const styles = useStyles();
  const announce = useAnnounce();
  const [preparer, setPreparer] = React.useState('');
  const [signer, setSigner] = React.useState('');
  const [role, setRole] = React.useState('');
  // The last step refused, with why: shown until the next step or dismissed.
  const [refused, setRefused] = React.useState<{ readonly title: string; readonly refusal: SignOffRefused } | undefined>();
  // Each answer to Mark ready or Sign off (done or refused) brings the sign-off state to view.
  const [answered, setAnswered] = React.useState(0);
  const heading = useReveal<HTMLHeadingElement>(answered);
  const settle = (r: SignOffResult, title: string, done: string): void => {
    setAnswered((n) => n + 1);
    if (r.ok) {
      setRefused(undefined);
      onChanged(r.signOff);
      announce(done);
    } else {
      setRefused({ title, refusal: r });
      announce(`${title}: ${r.message}`);
    }
  };
  const ready = useAction(async () => {
    setRefused(undefined);
    const r = await services.markReady(catalogue, preparer.trim());
    settle(r, 'Not marked ready', `Return marked ready for sign-off by ${preparer.trim()}.`);
  });
  const sign = useAction(async () => {
    setRefused(undefined);
    const r = await services.signOff(catalogue, { name: signer.trim(), role: role.trim() });
    settle(r, 'Not signed off', `Return signed off by ${signer.trim()}.`);
  });
  const select = useAction((cell: string) => services.selectCell(cell));
  const busy = ready.busy || sign.busy;
  return (
    <section className={styles.panel} aria-labelledby="signoff-heading">
      <h3 id="signoff-heading" tabIndex={-1} ref={heading}>Sign-off</h3>
      <Text data-testid="signoff-state">{paneSignOffSentence(state, signOff)}</Text>
      {state === 'edited-after-signoff' && signOff && (
        <MessageBar intent="warning" layout="multiline" data-testid="signoff-void">
          <MessageBarBody>{editedAfterSignOffWarning(signOff)}</MessageBarBody>
        </MessageBar>
      )}
      {refused && (
        <section aria-label={refused.title} data-testid="signoff-refused">
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{refused.title}</MessageBarTitle>
              {refused.refusal.message}
            </MessageBarBody>
            <MessageBarActions
              containerAction={<Button aria-label="Dismiss" appearance="transparent" icon={<DismissRegular />} onClick={() => setRefused(undefined)} />}
            />
          </MessageBar>
          {refused.refusal.issues.length > 0 && (
            <IssuesList issues={refused.refusal.issues} idPrefix="signoff-issues" headingLevel={4} onSelect={(cell) => void select.run(cell)} />
          )}
        </section>
      )}
      <div className={styles.row}>
        <Field label="Preparer name">
          <Input value={preparer} onChange={(_, d) => setPreparer(d.value)} />
        </Field>
        <Button disabled={busy || !preparer.trim()} onClick={() => void ready.run()}>Mark ready</Button>
      </div>
      <ErrorBar title="Could not mark the return ready" message={ready.error} onDismiss={ready.dismiss}
        hint="Open the Return sheet, validate it, then try again." />
      <div className={styles.row}>
        <Field label="Signed off by (name)">
          <Input value={signer} onChange={(_, d) => setSigner(d.value)} />
        </Field>
        <Field label="Role">
          <Input value={role} onChange={(_, d) => setRole(d.value)} />
        </Field>
        <Button disabled={busy || !signer.trim() || !role.trim()} onClick={() => void sign.run()}>Sign off</Button>
      </div>
      {busy && <Spinner size="tiny" label="Saving sign-off…" />}
      <ErrorBar title="Could not sign off the return" message={sign.error} onDismiss={sign.dismiss}
        hint="Open the Return sheet, validate it, then try again." />
      <ErrorBar title="Could not go to the cell" message={select.error} onDismiss={select.dismiss}
        hint="The sheet may have been renamed or deleted: validate again." />
    </section>
  );
}
