import * as React from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RagCounts } from '../../core/return/types';
import type { CabinetPreview } from '../../app/ports';
import { RagSummary } from './RagSummary';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** Not counted in RAG (Tracking, Not due): shown as a number so the totals add up. */
function other(c: RagCounts): number {
  return c.Tracking + c['Not due'];
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** Blocks, not a wide table: a task pane is about 320 px wide. */
export function CabinetSummary({ preview }: { readonly preview: CabinetPreview }): React.JSX.Element {
  const styles = useStyles();
  const rows = [...preview.byPriority.map((p) => ({ key: p.id, label: `${p.id} ${p.title}`, counts: p.counts })),
    { key: '__overall', label: 'Overall', counts: preview.overall }];
  return (
    <>
      <Text size={200}>Based on {preview.basis}, {preview.period}.</Text>
      <ul className={styles.list} aria-label="Cabinet summary by priority">
        {rows.map((r) => (
          <li key={r.key} className={styles.item} data-testid={`cabinet-row-${r.key}`}>
            <Text weight={r.key === '__overall' ? 'bold' : 'semibold'}>{r.label}</Text>
            <RagSummary counts={r.counts} label={`${r.label}: RAG counts`} />
            <Text size={200}>Not counted (tracking or not due): {other(r.counts)}</Text>
          </li>
        ))}
      </ul>
      {preview.dataQuality.length > 0 && (
        <>
          <h4>Data quality</h4>
          <ul className={styles.list} aria-label="Data quality">
            {preview.dataQuality.map((d) => (
              <li key={d.label} className={styles.item}>
                <Text size={200}><strong>{d.label}:</strong> {d.text}</Text>
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>Exceptions (Red)</h4>
      {preview.exceptions.length === 0
        ? <Text>No indicator is Red.</Text>
        : (
          <ul className={styles.list} aria-label={`Exceptions (${preview.exceptions.length})`}>
            {preview.exceptions.map((e) => (
              <li key={e.ref} className={styles.item}>
                <Text><strong>{e.ref}</strong> {sentence(e.title)}</Text>{' '}
                <Text size={200}><strong>Commentary:</strong> {e.commentary ? sentence(e.commentary) : '(none).'}</Text>{' '}
                <Text size={200}><strong>Action:</strong> {e.action ? sentence(e.action) : '(none).'}</Text>
              </li>
            ))}
          </ul>
        )}
    </>
  );
}
