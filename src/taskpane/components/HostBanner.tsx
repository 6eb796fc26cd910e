import * as React from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { HostInfo } from '../../app/ports';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  host: { color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  summary: { cursor: 'pointer', color: tokens.colorNeutralForeground2 },
});

/** The one sentence that says the pane is a preview; tests count it. */
export const PREVIEW_NOTICE = 'Not running in Excel: browser preview on a sample workbook.';

/**
 * Who the pane is running in. Outside Excel that is said once, in one line (the host's label says it
 * too, so the label is not repeated); what the preview cannot do waits behind a disclosure, so the
 * tabs stay in a 350 × 900 pane's first screen. Inside Excel a limitation changes what the person
 * can do (no downloads on a Mac), so it stays in view.
 */
export function HostBanner({ host }: { readonly host: HostInfo }): React.JSX.Element {
  const styles = useStyles();
  const limits = <ul className={styles.list} aria-label="Limitations of this host">{host.limitations.map((l) => <li key={l}>{l}</li>)}</ul>;
  return (
    <header className={styles.header}>
      <Title3 as="h1">Corporate Scorecard for Excel</Title3>
      {host.inExcel && <Text className={styles.host} size={200}>Running in: {host.label}</Text>}
      {!host.inExcel && (
        <MessageBar intent="warning" data-testid="preview-notice">
          <MessageBarBody>{PREVIEW_NOTICE}</MessageBarBody>
        </MessageBar>
      )}
      {host.inExcel && host.limitations.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not available here</MessageBarTitle>
            {limits}
          </MessageBarBody>
        </MessageBar>
      )}
      {!host.inExcel && host.limitations.length > 0 && (
        <details>
          <summary className={styles.summary}><Text size={200}>What the preview cannot do</Text></summary>
          <Text size={200}>{limits}</Text>
        </details>
      )}
    </header>
  );
}
