import * as React from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Catalogue } from '../../core/catalogue/schema';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
});

export function CatalogueSummary({ catalogue, label }: { readonly catalogue: Catalogue; readonly label: string }): React.JSX.Element {
  const styles = useStyles();
  const rows: [string, string][] = [
    ['Source', label],
    ['Organisation', catalogue.organisation],
    ['Plan', catalogue.plan],
    ['Version', catalogue.version],
    ['Indicators', String(catalogue.indicators.length)],
  ];
  return (
    <dl className={styles.grid} aria-label="Catalogue in use">
      {rows.map(([term, value]) => (
        <React.Fragment key={term}>
          <dt className={styles.term}><Text size={200}>{term}</Text></dt>
          <dd className={styles.value} data-testid={`catalogue-${term.toLowerCase()}`}><Text size={200}>{value}</Text></dd>
        </React.Fragment>
      ))}
    </dl>
  );
}
