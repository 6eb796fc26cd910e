import * as React from 'react';
import { Button, Field, Input, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Catalogue } from '../../core/catalogue/schema';
import { signOffSentence } from '../../core/return/signoff';
import type { SignOff, SignOffState } from '../../core/return/types';
import type { ScorecardServices } from '../../app/ports';
import { useAction } from '../use-action';
import { useAnnounce } from './Announcer';
import { ErrorBar } from './ErrorBar';

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
  const ready = useAction(async () => {
    const s = await services.markReady(catalogue, preparer.trim());
    onChanged(s);
    announce(`Return marked ready for sign-off by ${preparer.trim()}.`);
  });
  const sign = useAction(async () => {
    const s = await services.signOff(catalogue, { name: signer.trim(), role: role.trim() });
    onChanged(s);
    announce(`Return signed off by ${signer.trim()}.`);
  });
  const busy = ready.busy || sign.busy;
  return (
    <section className={styles.panel} aria-labelledby="signoff-heading">
      <h3 id="signoff-heading">Sign-off</h3>
      <Text data-testid="signoff-state">{paneSignOffSentence(state, signOff)}</Text>
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
        hint="Check the return is marked ready and has no errors, then try again." />
    </section>
  );
}
