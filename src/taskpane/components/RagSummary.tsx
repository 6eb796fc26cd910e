import * as React from 'react';
import { Badge, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import { RAG_STYLE } from '../../core/plan/palette';
import type { RagCounts } from '../../core/return/types';

/** Counted statuses, in reading order; the colour repeats what the text says. */
const SHOWN: readonly { readonly key: keyof RagCounts; readonly color: BadgeProps['color'] }[] = [
  { key: 'Blue', color: 'brand' },
  { key: 'Green', color: 'success' },
  { key: 'Amber', color: 'warning' },
  { key: 'Red', color: 'danger' },
  { key: 'Complete', color: 'informative' },
  { key: 'Missing', color: 'important' },
];

const useStyles = makeStyles({
  symbol: { marginInlineEnd: tokens.spacingHorizontalXXS },
  list: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyleType: 'none', margin: 0, padding: 0 },
});

export function ragSentence(counts: RagCounts): string {
  return SHOWN.filter((s) => s.key !== 'Blue' || counts.Blue > 0).map((s) => `${s.key} ${counts[s.key]}`).join(', ');
}

export function RagSummary({ counts, label }: { readonly counts: RagCounts; readonly label: string }): React.JSX.Element {
  const styles = useStyles();
  // Blue is off unless the catalogue turns it on: hide a column of zeros nobody asked for.
  const shown = SHOWN.filter((s) => s.key !== 'Blue' || counts.Blue > 0);
  return (
    <ul className={styles.list} aria-label={label}>
      {shown.map((s) => (
        <li key={s.key} data-testid={`count-${s.key}`}>
          <Badge size="large" appearance={s.key === 'Missing' ? 'outline' : 'filled'} color={s.color}>
            {/* The shape says it too (print in grey, colour blindness); the word is what is read out. */}
            <span aria-hidden="true" className={styles.symbol}>{RAG_STYLE[s.key].symbol}</span>{s.key}: {counts[s.key]}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
