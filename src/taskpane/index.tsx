import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { App } from './App';
import { errorText } from './use-action';
import { chooseTheme, readThemeHints } from './theme';

function Startup({ message }: { readonly message?: string }): React.JSX.Element {
  return (
    <FluentProvider theme={chooseTheme(readThemeHints())}>
      {message === undefined
        ? <Spinner label="Starting Corporate Scorecard…" />
        : (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>The scorecard could not start</MessageBarTitle>
              {message} Close and reopen the task pane; if it happens again, send this message to the BI team.
            </MessageBarBody>
          </MessageBar>
        )}
    </FluentProvider>
  );
}

async function start(): Promise<void> {
  const el = document.getElementById('root');
  if (!el) throw new Error('The page has no #root element.');
  const root = createRoot(el);
  root.render(<Startup />);
  try {
    // The composition root waits for Office.onReady (with a timeout: it never fires outside Office).
    const { createServices } = await import('../composition');
    const services = await createServices();
    root.render(<App services={services} />);
  } catch (e) {
    root.render(<Startup message={errorText(e)} />);
  }
}

void start();
