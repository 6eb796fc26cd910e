import * as React from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { HostInfo } from '../../app/ports';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  host: { color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function HostBanner({ host }: { readonly host: HostInfo }): React.JSX.Element {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Title3 as="h1">Corporate Scorecard for Excel</Title3>
      <Text className={styles.host} size={200}>Running in: {host.label}</Text>
      {!host.inExcel && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Not running in Excel</MessageBarTitle>
            Not running in Excel: browser preview on a sample workbook. Nothing you do here changes a real workbook.
          </MessageBarBody>
        </MessageBar>
      )}
      {host.limitations.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not available here</MessageBarTitle>
            <ul className={styles.list} aria-label="Limitations of this host">
              {host.limitations.map((l) => <li key={l}>{l}</li>)}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </header>
  );
}
