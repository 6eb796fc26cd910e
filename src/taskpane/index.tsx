import * as React from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { Button, FluentProvider, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { errorText } from './use-action';
import { chooseTheme, readThemeHints } from './theme';

/** After this long still starting, the pane says so and offers a retry (it keeps waiting meanwhile). */
export const SLOW_START_MS = 8000;

type StartupState = { readonly kind: 'starting' } | { readonly kind: 'slow' } | { readonly kind: 'failed'; readonly message: string };

const useStyles = makeStyles({
  // The pane's own frame, so nothing moves when the pane replaces this shell.
  shell: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
});

/**
 * What the pane shows while Office and the services start: the title at once (the first paint is not
 * a blank page), a spinner, and nothing to press, since no action can run before the services exist.
 */
function Startup({ state, onRetry }: { readonly state: StartupState; readonly onRetry: () => void }): React.JSX.Element {
  const styles = useStyles();
  const retry = <MessageBarActions><Button onClick={onRetry}>Try again</Button></MessageBarActions>;
  return (
    <FluentProvider theme={chooseTheme(readThemeHints())}>
      <main className={styles.shell} aria-busy={state.kind !== 'failed'}>
        <Title3 as="h1">Corporate Scorecard for Excel</Title3>
        {state.kind !== 'failed' && <Spinner label="Starting Corporate Scorecard…" />}
        {state.kind === 'slow' && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Excel is still starting the add-in</MessageBarTitle>
              This can take a minute in Excel on the web or on a remote desktop. The pane keeps waiting; if nothing happens, try again.
            </MessageBarBody>
            {retry}
          </MessageBar>
        )}
        {state.kind === 'failed' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>The scorecard could not start</MessageBarTitle>
              {state.message} Try again; if it happens again, close and reopen the task pane, and send this message to the BI team.
            </MessageBarBody>
            {retry}
          </MessageBar>
        )}
      </main>
    </FluentProvider>
  );
}

/** A named moment in a performance trace; jsdom (the unit tests) has no performance.mark. */
function mark(name: string): void {
  if (typeof performance.mark === 'function') performance.mark(name);
}

/**
 * Start the pane: a visible "starting" state while Office starts (no timeout into the browser
 * preview: the composition root decides "outside Office" only when Office says so), a note and a
 * retry when it is slow, and the reason and a retry when it fails. A retry starts again; whichever
 * attempt finishes first renders the pane.
 */
async function start(root: Root, slowMs: number): Promise<void> {
  // The pane itself is a chunk of its own, fetched while Office starts: the first paint waits only
  // for React and the few Fluent parts of this shell, and the initial download stays small.
  const loadPane = (): Promise<typeof import('./App')> => import(/* webpackChunkName: "pane" */ './App');
  let pane = loadPane();
  pane.catch(() => undefined); // awaited below; a failure shows there, with a retry that fetches it again
  let attempt = 0;
  let done = false;
  const go = async (): Promise<void> => {
    const mine = ++attempt;
    root.render(<Startup state={{ kind: 'starting' }} onRetry={() => void go()} />);
    const slow = setTimeout(() => { if (!done && mine === attempt) root.render(<Startup state={{ kind: 'slow' }} onRetry={() => void go()} />); }, slowMs);
    try {
      // Marks for the bench and a performance trace: where the time to interactive goes.
      mark('scorecard:services-start');
      const services = await import('../composition').then((m) => m.createServices());
      mark('scorecard:services-ready');
      const { App } = await pane;
      if (done) return;
      done = true;
      root.render(<App services={services} />);
    } catch (e) {
      pane = loadPane();
      pane.catch(() => undefined);
      if (!done && mine === attempt) root.render(<Startup state={{ kind: 'failed', message: errorText(e) }} onRetry={() => void go()} />);
    } finally {
      clearTimeout(slow);
    }
  };
  await go();
}

const el = document.getElementById('root');
if (!el) throw new Error('The page has no #root element.');
// The page may set another delay (tests do: data-slow-start-ms on #root).
const slowMs = Number(el.dataset.slowStartMs) || SLOW_START_MS;
void start(createRoot(el), slowMs);
