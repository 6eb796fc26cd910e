import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';

export interface ErrorBarProps {
  /** What failed, e.g. `Could not validate the return`. */
  readonly title: string;
  readonly message: string | undefined;
  /** What the user can do next. */
  readonly hint: string;
  readonly onDismiss?: () => void;
}

/** A failed action, said in the pane: never only in the console. */
export function ErrorBar({ title, message, hint, onDismiss }: ErrorBarProps): React.JSX.Element | null {
  if (message === undefined) return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message} {hint}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={<Button aria-label="Dismiss" appearance="transparent" icon={<DismissRegular />} onClick={onDismiss} />}
        />
      )}
    </MessageBar>
  );
}
