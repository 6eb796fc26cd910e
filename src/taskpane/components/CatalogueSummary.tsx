import * as React from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Catalogue } from '../../core/catalogue/schema';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, margin: 0, marginTop: tokens.spacingVerticalXS },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  summary: { cursor: 'pointer', color: tokens.colorNeutralForeground2 },
});

/** The catalogue in one line: who it is for and how many indicators (what a lead checks at a glance). */
export function CatalogueLine({ catalogue }: { readonly catalogue: Catalogue }): React.JSX.Element {
  const n = catalogue.indicators.length;
  return (
    <Text size={200}>
      <span data-testid="catalogue-organisation">{catalogue.organisation}</span>{' · '}
      <span data-testid="catalogue-indicators">{n}</span>{n === 1 ? ' indicator' : ' indicators'}
    </Text>
  );
}

/** Where the catalogue came from, its plan and version: behind a disclosure, so the tabs stay in view. */
export function CatalogueSummary({ catalogue, label }: { readonly catalogue: Catalogue; readonly label: string }): React.JSX.Element {
  const styles = useStyles();
  const rows: [string, string][] = [
    ['Source', label],
    ['Plan', catalogue.plan],
    ['Version', catalogue.version],
  ];
  return (
    <details data-testid="catalogue-details">
      <summary className={styles.summary}><Text size={200}>Catalogue details</Text></summary>
      <dl className={styles.grid} aria-label="Catalogue in use">
        {rows.map(([term, value]) => (
          <React.Fragment key={term}>
            <dt className={styles.term}><Text size={200}>{term}</Text></dt>
            <dd className={styles.value} data-testid={`catalogue-${term.toLowerCase()}`}><Text size={200}>{value}</Text></dd>
          </React.Fragment>
        ))}
      </dl>
    </details>
  );
}
