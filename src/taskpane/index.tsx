import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { App } from './App';
import { officeGlobal } from './office-global';
import { errorText } from './use-action';
import { chooseTheme, readThemeHints } from './theme';

/** Office.onReady never fires when office.js did not load (browser preview offline): do not wait for it. */
function officeReady(): Promise<void> {
  const office = officeGlobal();
  const onReady = office?.onReady;
  if (!office || typeof onReady !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 5000);
    const done = (): void => { clearTimeout(timer); resolve(); };
    void Promise.resolve(onReady.call(office, done)).then(done, done);
  });
}

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
    await officeReady();
    const { createServices } = await import('../composition');
    const services = await createServices();
    root.render(<App services={services} />);
  } catch (e) {
    root.render(<Startup message={errorText(e)} />);
  }
}

void start();
