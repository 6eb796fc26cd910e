import * as React from 'react';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { FileSummary } from '../../core/consolidate-types';
import { SIGN_OFF_WORDS } from '../../core/return/signoff';

// Fluent's fixed layout gives every column the same width: in a narrow pane the names need the room.
// Four columns, not five: the service heads its file name, so nothing is pushed past a 320 px pane.
const useStyles = makeStyles({
  table: { tableLayout: 'auto', width: '100%' },
  file: { display: 'block', color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  count: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  countHead: { justifyContent: 'flex-end' },
});

export function FilesTable({ files }: { readonly files: readonly FileSummary[] }): React.JSX.Element {
  const styles = useStyles();
  return (
    <Table className={styles.table} aria-label="Returns consolidated" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Return</TableHeaderCell>
          <TableHeaderCell>Sign-off</TableHeaderCell>
          <TableHeaderCell className={styles.countHead}>Errors</TableHeaderCell>
          <TableHeaderCell className={styles.countHead}>Warnings</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {files.map((f) => (
          <TableRow key={`${f.file}|${f.sheet}`}>
            <TableCell>
              <Text weight="semibold">{f.service ?? 'Service not known'}</Text>{' '}
              <Text size={200} className={styles.file}>{f.file}{f.sheet && f.sheet !== 'Return' ? ` (${f.sheet})` : ''}</Text>
            </TableCell>
            <TableCell>{SIGN_OFF_WORDS[f.signOffState]}</TableCell>
            <TableCell className={styles.count}>{f.errors}</TableCell>
            <TableCell className={styles.count}>{f.warnings}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
