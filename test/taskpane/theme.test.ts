import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import { chooseTheme, readThemeHints, type ThemeHints } from '../../src/taskpane/theme';

describe('chooseTheme', () => {
  it.each<[ThemeHints, Theme, string]>([
    [{ forcedColors: true, officeDark: false }, teamsHighContrastTheme, 'forced colours win'],
    [{ forcedColors: false, officeDark: true }, webDarkTheme, 'Office says dark'],
    [{ forcedColors: false, officeDark: false, officeBackground: '#000000' }, webLightTheme, 'isDarkTheme beats the colour'],
    [{ forcedColors: false, officeBackground: '#262626' }, webDarkTheme, 'a dark body colour'],
    [{ forcedColors: false, officeBackground: '#FFFFFF' }, webLightTheme, 'a light body colour'],
    [{ forcedColors: false, officeBackground: 'not a colour' }, webLightTheme, 'an unreadable colour'],
    [{ forcedColors: false }, webLightTheme, 'no Office at all'],
    [{ forcedColors: false, prefersDark: true }, webDarkTheme, 'no Office, the browser prefers dark'],
    [{ forcedColors: false, officeDark: false, prefersDark: true }, webLightTheme, 'Office light beats the browser'],
    [{ forcedColors: false, officeBackground: '#FFFFFF', prefersDark: true }, webLightTheme, 'a light Office colour beats the browser'],
    [{ forcedColors: true, prefersDark: true }, teamsHighContrastTheme, 'forced colours beat dark'],
  ])('%j → theme (%s)', (hints, want) => {
    expect(chooseTheme(hints)).toBe(want);
  });
});

describe('readThemeHints', () => {
  afterEach(() => { delete (globalThis as { Office?: unknown }).Office; });

  it('reads nothing from Office when office.js did not load', () => {
    expect(readThemeHints()).toEqual({ forcedColors: false, prefersDark: false });
  });

  it('reads Office.context.officeTheme when present', () => {
    (globalThis as { Office?: unknown }).Office = { context: { officeTheme: { isDarkTheme: true, bodyBackgroundColor: '#111111' } } };
    expect(readThemeHints()).toEqual({ forcedColors: false, prefersDark: false, officeDark: true, officeBackground: '#111111' });
  });

  it('survives an Office whose context throws', () => {
    (globalThis as { Office?: unknown }).Office = { get context(): never { throw new Error('not ready'); } };
    expect(readThemeHints()).toEqual({ forcedColors: false, prefersDark: false });
  });
});

describe('readThemeHints in a browser', () => {
  const g = globalThis as { window?: unknown };
  afterEach(() => { delete g.window; });

  it.each([
    [['(prefers-color-scheme: dark)'], { forcedColors: false, prefersDark: true }],
    [['(forced-colors: active)'], { forcedColors: true, prefersDark: false }],
    [[], { forcedColors: false, prefersDark: false }],
  ])('media queries %j that match → %j', (matching, want) => {
    g.window = { matchMedia: (q: string) => ({ matches: matching.includes(q) }) };
    expect(readThemeHints()).toEqual(want);
  });
});
