import * as React from 'react';
import { createFocusOutlineStyle, makeStyles, mergeClasses, shorthands, Text, tokens } from '@fluentui/react-components';
import { ErrorCircleRegular, WarningRegular } from '@fluentui/react-icons';
import { errorsFirst, type Issue, type Severity } from '../../core/issues';
import { issueText } from '../../core/messages';
import { plural } from '../../core/words';

/** Beside its file, ref and cell, which the list shows in their own places. */
const beside = (issue: Issue): string => issueText(issue, { place: 'beside' });

const useStyles = makeStyles({
  groups: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, margin: 0, fontSize: tokens.fontSizeBase300 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS,
    width: '100%', boxSizing: 'border-box', textAlign: 'start', margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, font: 'inherit', color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1, ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusMedium,
  },
  button: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, ...shorthands.borderColor(tokens.colorNeutralStroke1Hover) },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ...createFocusOutlineStyle(),
  },
  icon: { gridRow: '1 / span 2', fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase300 },
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground1 },
  where: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, overflowWrap: 'anywhere' },
  ref: { fontWeight: tokens.fontWeightSemibold },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2 },
  message: { overflowWrap: 'anywhere' },
});

const GROUPS: readonly { readonly severity: Severity; readonly word: string; readonly Icon: typeof ErrorCircleRegular }[] = [
  { severity: 'error', word: 'error', Icon: ErrorCircleRegular },
  { severity: 'warning', word: 'warning', Icon: WarningRegular },
];

export interface IssuesListProps {
  readonly issues: readonly Issue[];
  /** Absent when the cells are in other files (consolidation): then issues are plain text. */
  readonly onSelect?: (cell: string) => void;
  /** Level of the group headings ("3 errors"), one below the section they sit in. */
  readonly headingLevel?: 4 | 5;
  /** Keeps ids unique when two lists are on one page. */
  readonly idPrefix?: string;
}

/** The button's name: what is shown, with the pauses a screen reader needs between the parts. */
export function spoken(issue: Issue): string {
  const where = [issue.file, issue.ref, issue.cell].filter(Boolean).join(', ');
  return where ? `${where}: ${beside(issue)}` : beside(issue);
}

function IssueBody({ issue, Icon, tone }: { readonly issue: Issue; readonly Icon: typeof ErrorCircleRegular; readonly tone: string }): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      <Icon aria-hidden="true" className={mergeClasses(styles.icon, tone)} />
      {(issue.file || issue.ref || issue.cell) && (
        <span className={styles.where}>
          {issue.file && <Text size={200}>{issue.file} </Text>}
          {issue.ref && <Text size={200} className={styles.ref}>{issue.ref} </Text>}
          {issue.cell && <Text size={200} className={styles.cell}>{issue.cell} </Text>}
        </span>
      )}
      <Text className={styles.message}>{beside(issue)}</Text>
    </>
  );
}

/**
 * Errors, then warnings, each in sheet order under a heading with its count. An issue with a cell
 * in this workbook is a native button (Enter and Space work in every webview) that goes to it.
 */
export function IssuesList({ issues, onSelect, headingLevel = 4, idPrefix = 'issues' }: IssuesListProps): React.JSX.Element {
  const styles = useStyles();
  if (issues.length === 0) return <Text>No issues found.</Text>;
  const sorted = errorsFirst(issues);
  const Heading = `h${headingLevel}` as const;
  return (
    <div className={styles.groups} data-testid="issues">
      {GROUPS.map(({ severity, word, Icon }) => {
        const group = sorted.filter((i) => i.severity === severity);
        if (group.length === 0) return null;
        const tone = severity === 'error' ? styles.error : styles.warning;
        const id = `${idPrefix}-${severity}`;
        const title = plural(group.length, word);
        return (
          <section key={severity} aria-labelledby={id} className={styles.groups}>
            <Heading id={id} className={styles.heading}>
              <Icon aria-hidden="true" className={tone} />
              {title}
            </Heading>
            <ul className={styles.list} aria-labelledby={id}>
              {group.map((issue, i) => {
                const cell = issue.cell;
                return (
                  <li key={`${issue.code}-${issue.ref ?? ''}-${cell ?? ''}-${i}`} data-testid="issue" data-code={issue.code}
                    data-severity={severity} data-cell={cell}>
                    {cell && onSelect ? (
                      <button type="button" className={mergeClasses(styles.item, styles.button)}
                        aria-label={spoken(issue)} title={`Go to ${cell}`} onClick={() => onSelect(cell)}>
                        <IssueBody issue={issue} Icon={Icon} tone={tone} />
                      </button>
                    ) : (
                      <div className={styles.item}><IssueBody issue={issue} Icon={Icon} tone={tone} /></div>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
