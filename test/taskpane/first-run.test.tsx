/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { PREVIEW_NOTICE } from '../../src/taskpane/components/HostBanner';
import { counts, fakeServices, validationResult } from './fake-services';
import { renderApp } from './render';

// jsdom has neither scrollIntoView nor matchMedia; a browser has both
// (https://developer.mozilla.org/docs/Web/API/Element/scrollIntoView,
// https://developer.mozilla.org/docs/Web/API/Window/matchMedia). These stand-ins record the call
// and answer prefers-reduced-motion as the test says.
let reduceMotion = false;
const scrolled: { el: Element; options: unknown }[] = [];
beforeEach(() => {
  reduceMotion = false;
  scrolled.length = 0;
  Element.prototype.scrollIntoView = function (this: Element, options?: unknown) { scrolled.push({ el: this, options }); };
  window.matchMedia = ((query: string) => ({ matches: reduceMotion && query === '(prefers-reduced-motion: reduce)', media: query })) as unknown as typeof window.matchMedia;
});

const PREVIEW_HOST = { inExcel: false, label: 'Browser preview — not running in Excel', limitations: ['Nothing is saved: this is an in-memory workbook.'] };
const times = (text: string, what: RegExp): number => (text.match(new RegExp(what.source, 'gi')) ?? []).length;

describe('first run: the preview notice', () => {
  it('says once, in one line, that this is a preview, whatever the host label and limitations repeat', async () => {
    const fake = fakeServices();
    (fake.services as { host: unknown }).host = PREVIEW_HOST;
    await renderApp(fake);
    const text = document.body.textContent ?? '';
    expect(times(text, /not running in Excel/)).toBe(1);
    expect(times(text, /preview/)).toBe(2); // the notice, and the disclosure "What the preview cannot do"
    expect(screen.getByTestId('preview-notice').textContent).toBe(PREVIEW_NOTICE);
    expect(screen.queryByText(/Running in:/)).toBeNull();
    // The limitations wait behind a closed disclosure.
    const details = screen.getByRole('list', { name: 'Limitations of this host' }).closest('details');
    expect(details?.open).toBe(false);
  });

  it('inside Excel shows no notice, names the host and keeps its limitations in view', async () => {
    const fake = fakeServices();
    (fake.services as { host: unknown }).host = { inExcel: true, label: 'Excel for Mac', limitations: ['Downloads are not saved in Excel for Mac.'] };
    await renderApp(fake);
    expect(screen.queryByTestId('preview-notice')).toBeNull();
    expect(screen.getByText('Running in: Excel for Mac')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Limitations of this host' }).closest('details')).toBeNull();
  });

  it('keeps the catalogue details behind a disclosure and its organisation and size in one line', async () => {
    await renderApp(fakeServices());
    expect(screen.getByTestId('catalogue-organisation').textContent).toBe('Test Borough');
    expect((screen.getByTestId('catalogue-details') as HTMLDetailsElement).open).toBe(false);
    expect(screen.getByTestId('catalogue-details').contains(screen.getByTestId('catalogue-plan'))).toBe(true);
  });
});

describe('first run: results come to the person', () => {
  it('focuses the validation result heading and scrolls it into view (smoothly)', async () => {
    await renderApp(fakeServices({ validate: async () => validationResult({ counts: counts({ Green: 1 }) }) }));
    fireEvent.click(screen.getByRole('button', { name: 'Validate' }));
    const heading = await screen.findByRole('heading', { name: 'Return, 2024-25 Q2' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(heading.getAttribute('tabindex')).toBe('-1');
    expect(scrolled).toEqual([{ el: heading, options: { behavior: 'smooth', block: 'start' } }]);
  });

  it('jumps without animation when the person prefers reduced motion', async () => {
    reduceMotion = true;
    await renderApp(fakeServices({ validate: async () => validationResult() }));
    fireEvent.click(screen.getByRole('button', { name: 'Validate' }));
    const heading = await screen.findByRole('heading', { name: 'Return, 2024-25 Q2' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(scrolled[0]?.options).toEqual({ behavior: 'auto', block: 'start' });
  });

  it('leaves the focus where it is when a live re-validation (an edit in the sheet) refreshes the result', async () => {
    const fake = fakeServices({ validate: async () => validationResult() });
    await renderApp(fake);
    fireEvent.click(screen.getByRole('switch', { name: 'Re-validate when the sheet changes' }));
    await waitFor(() => expect(fake.changeHandler).toBeDefined());
    const live = screen.getByRole('switch', { name: 'Re-validate when the sheet changes' });
    live.focus();
    await act(async () => { fake.changeHandler?.(); });
    await screen.findByRole('heading', { name: 'Return, 2024-25 Q2' });
    expect(document.activeElement).toBe(live);
    expect(scrolled).toEqual([]);
  });

  it('focuses the sign-off heading after Mark ready answers', async () => {
    await renderApp(fakeServices());
    fireEvent.change(screen.getByLabelText('Preparer name'), { target: { value: 'Priya Shah' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark ready' }));
    const heading = screen.getByRole('heading', { name: 'Sign-off' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(scrolled.map((s) => s.el)).toEqual([heading]);
  });

  it('focuses the consolidation heading when the scorecard is ready', async () => {
    const { container } = await renderApp(fakeServices());
    fireEvent.click(screen.getByRole('tab', { name: 'Consolidate' }));
    const input = container.querySelector('input[type=file][multiple]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['x'], 'asc.xlsx')] } });
    await act(async () => { fireEvent.click(await screen.findByRole('button', { name: /Consolidate 1 return/ })); });
    const heading = await screen.findByRole('heading', { name: 'Scorecard for 2024-25 Q2' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('focuses what the Cabinet buttons made', async () => {
    await renderApp(fakeServices());
    fireEvent.click(screen.getByRole('tab', { name: 'Cabinet' }));
    await screen.findByText(/^Based on/);
    fireEvent.click(screen.getByRole('button', { name: 'Create locked Cabinet sheet' }));
    const outcome = screen.getByTestId('cabinet-outcome');
    await waitFor(() => expect(document.activeElement).toBe(outcome));
    expect(outcome.textContent).toMatch(/^Created sheet /);
  });
});
