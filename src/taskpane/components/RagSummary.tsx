import * as React from 'react';
import { Badge, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import { RAG_STYLE } from '../../core/plan/palette';
import type { RagCounts } from '../../core/return/types';
import { countParts } from '../../core/words';

/** The colour repeats what the text says. Tracking and Not due are not RAG: not shown as badges. */
const COLOR: Readonly<Partial<Record<keyof RagCounts, BadgeProps['color']>>> = {
  Blue: 'brand', Green: 'success', Amber: 'warning', Red: 'danger', Complete: 'informative', Missing: 'important',
};

const useStyles = makeStyles({
  symbol: { marginInlineEnd: tokens.spacingHorizontalXXS },
  list: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyleType: 'none', margin: 0, padding: 0 },
});

export function RagSummary({ counts, label }: { readonly counts: RagCounts; readonly label: string }): React.JSX.Element {
  const styles = useStyles();
  // The same statuses as every other face's count line (core countParts): Green, Amber and Red always,
  // the others only when there is one.
  const shown = countParts(counts).filter((p) => p.rag);
  return (
    <ul className={styles.list} aria-label={label}>
      {shown.map((s) => (
        <li key={s.status} data-testid={`count-${s.status}`}>
          <Badge size="large" appearance={s.status === 'Missing' ? 'outline' : 'filled'} color={COLOR[s.status] ?? 'informative'}>
            {/* The shape says it too (print in grey, colour blindness); the word is what is read out. */}
            <span aria-hidden="true" className={styles.symbol}>{RAG_STYLE[s.status].symbol}</span>{s.status}: {s.count}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
