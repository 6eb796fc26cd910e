import * as React from 'react';
import { render, screen, type RenderResult } from '@testing-library/react';
import { webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import type { Fake } from './fake-services';

/** The whole pane on a fake, with today pinned so the default period is known: 2024-25 Q2. */
export async function renderApp(fake: Fake, today = '2024-10-15'): Promise<RenderResult> {
  const result = render(<App services={fake.services} today={today} theme={webLightTheme} />);
  await screen.findByRole('tab', { name: 'Return' });
  return result;
}
