import * as React from 'react';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles } from '@fluentui/react-components';
import type { RagCounts } from '../../core/return/types';
import type { CabinetPreview } from '../services';

const COLUMNS = ['Green', 'Amber', 'Red', 'Complete', 'Missing'] as const satisfies readonly (keyof RagCounts)[];

function other(c: RagCounts): number {
  return c.Blue + c.Tracking + c['Not due'];
}

// Fluent's fixed layout gives every column the same width: in a narrow pane the names need the room.
const useStyles = makeStyles({ table: { tableLayout: 'auto' } });

export function CabinetSummary({ preview }: { readonly preview: CabinetPreview }): React.JSX.Element {
  const styles = useStyles();
  const rows = [...preview.byPriority.map((p) => ({ key: p.id, label: `${p.id} ${p.title}`, counts: p.counts })),
    { key: '__overall', label: 'Overall', counts: preview.overall }];
  return (
    <>
      <Text size={200}>Based on {preview.basis}, {preview.period}.</Text>
      <Table className={styles.table} aria-label="Cabinet summary by priority" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Priority</TableHeaderCell>
            {COLUMNS.map((c) => <TableHeaderCell key={c}>{c}</TableHeaderCell>)}
            <TableHeaderCell>Other</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key} data-testid={`cabinet-row-${r.key}`}>
              <TableCell>{r.key === '__overall' ? <strong>{r.label}</strong> : r.label}</TableCell>
              {COLUMNS.map((c) => <TableCell key={c}>{r.counts[c]}</TableCell>)}
              <TableCell>{other(r.counts)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <h4>Exceptions (Red)</h4>
      {preview.exceptions.length === 0
        ? <Text>No indicator is Red.</Text>
        : (
          <ul aria-label={`Exceptions (${preview.exceptions.length})`}>
            {preview.exceptions.map((e) => (
              <li key={e.ref}>
                <strong>{e.ref}</strong> {e.title}. Commentary: {e.commentary || '(none)'}. Action: {e.action || '(none)'}.
              </li>
            ))}
          </ul>
        )}
    </>
  );
}
