import * as React from 'react';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';
import type { FileSummary } from '../../core/consolidate-types';
import type { SignOffState } from '../../core/return/types';

export const SIGN_OFF_TEXT: Readonly<Record<SignOffState, string>> = {
  'not-ready': 'Not ready',
  ready: 'Ready, not signed off',
  'signed-off': 'Signed off',
  'edited-after-signoff': 'Edited after sign-off',
};

// Fluent's fixed layout gives every column the same width: in a narrow pane the names need the room.
const useStyles = makeStyles({ table: { tableLayout: 'auto' } });

export function FilesTable({ files }: { readonly files: readonly FileSummary[] }): React.JSX.Element {
  const styles = useStyles();
  return (
    <Table className={styles.table} aria-label="Returns consolidated" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>File</TableHeaderCell>
          <TableHeaderCell>Service</TableHeaderCell>
          <TableHeaderCell>Sign-off</TableHeaderCell>
          <TableHeaderCell>Errors</TableHeaderCell>
          <TableHeaderCell>Warnings</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {files.map((f) => (
          <TableRow key={`${f.file}|${f.sheet}`}>
            <TableCell>{f.file}{f.sheet ? ` (${f.sheet})` : ''}</TableCell>
            <TableCell>{f.service ?? '—'}</TableCell>
            <TableCell>{SIGN_OFF_TEXT[f.signOffState]}</TableCell>
            <TableCell>{f.errors}</TableCell>
            <TableCell>{f.warnings}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
