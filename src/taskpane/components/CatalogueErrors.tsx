import * as React from 'react';
import { createFocusOutlineStyle, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { CatalogueError } from '../../core/catalogue/errors';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '240px', overflowY: 'auto', ...createFocusOutlineStyle() },
  path: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
});

function shown(value: unknown): string {
  if (value === undefined) return '';
  const text = JSON.stringify(value);
  return text === undefined ? '' : ` (found ${text.length > 80 ? `${text.slice(0, 77)}…` : text})`;
}

/** A rejected catalogue: each problem with its JSON path, so the BI team can find it in the file. */
export function CatalogueErrors({ message, errors }: { readonly message: string; readonly errors: readonly CatalogueError[] }): React.JSX.Element {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Catalogue not loaded</MessageBarTitle>
        {message} Fix the file and load it again; the previous catalogue stays in use.
        {errors.length > 0 && (
          // Focusable so that keyboard users can scroll a long list (it scrolls within the bar).
          <ul className={styles.list} aria-label="Catalogue errors" tabIndex={0}>
            {errors.map((e, i) => (
              <li key={`${e.path}-${i}`}>
                <code className={styles.path}>{e.path}</code> {e.message}{shown(e.value)}
              </li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
