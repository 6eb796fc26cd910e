import * as React from 'react';
import { createFocusOutlineStyle, makeStyles, mergeClasses, shorthands, Text, tokens } from '@fluentui/react-components';
import { ErrorCircleRegular, WarningRegular } from '@fluentui/react-icons';
import type { Issue } from '../../core/issues';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: {
    display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS, width: '100%',
    textAlign: 'start', padding: tokens.spacingVerticalXS, font: 'inherit', color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1, ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
  },
  button: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ...createFocusOutlineStyle(),
  },
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground1 },
  where: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2 },
});

export interface IssuesListProps {
  readonly issues: readonly Issue[];
  /** Absent when the cells are in other files (consolidation): then issues are plain text. */
  readonly onSelect?: (cell: string) => void;
}

function IssueBody({ issue }: { readonly issue: Issue }): React.JSX.Element {
  const styles = useStyles();
  const isError = issue.severity === 'error';
  const Icon = isError ? ErrorCircleRegular : WarningRegular;
  const where = [issue.file, issue.ref, issue.cell].filter(Boolean).join(' · ');
  return (
    <>
      <span className={isError ? styles.error : styles.warning}>
        <Icon aria-hidden="true" /> <Text weight="semibold">{isError ? 'Error' : 'Warning'}</Text>
      </span>
      <span>
        {where && <Text className={styles.where} size={200}>{where}</Text>} <Text>{issue.message}</Text>
      </span>
    </>
  );
}

/** Issues in sheet order; one with a cell in this workbook is a button that takes the lead to it. */
export function IssuesList({ issues, onSelect }: IssuesListProps): React.JSX.Element {
  const styles = useStyles();
  if (issues.length === 0) return <Text>No issues found.</Text>;
  return (
    <ul className={styles.list} aria-label={`Issues (${issues.length})`}>
      {issues.map((issue, i) => {
        const key = `${issue.code}-${issue.ref ?? ''}-${issue.cell ?? ''}-${i}`;
        const cell = issue.cell;
        return (
          <li key={key} data-testid="issue" data-code={issue.code} data-cell={cell}>
            {cell && onSelect ? (
              // A native button: Enter and Space activate it in every browser and in Excel's webviews.
              <button type="button" className={mergeClasses(styles.item, styles.button)}
                title={`Go to ${cell}`} onClick={() => onSelect(cell)}>
                <IssueBody issue={issue} />
              </button>
            ) : (
              <div className={styles.item}><IssueBody issue={issue} /></div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
