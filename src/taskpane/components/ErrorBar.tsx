import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { isOfficeAdvice } from '../../app/office-errors';

export interface ErrorBarProps {
  /** What failed, e.g. `Could not validate the return`. */
  readonly title: string;
  readonly message: string | undefined;
  /** What the user can do next. */
  readonly hint: string;
  readonly onDismiss?: () => void;
}

/**
 * A failed action, said in the pane: never only in the console. An Excel error's message is already
 * the sentence of what to do (src/app/office-errors.ts): the bar's general hint, which may not fit
 * that cause, is left out then.
 */
export function ErrorBar({ title, message, hint, onDismiss }: ErrorBarProps): React.JSX.Element | null {
  if (message === undefined) return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}{isOfficeAdvice(message) ? '' : ` ${hint}`}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={<Button aria-label="Dismiss" appearance="transparent" icon={<DismissRegular />} onClick={onDismiss} />}
        />
      )}
    </MessageBar>
  );
}
