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
  ])('%j → theme (%s)', (hints, want) => {
    expect(chooseTheme(hints)).toBe(want);
  });
});

describe('readThemeHints', () => {
  afterEach(() => { delete (globalThis as { Office?: unknown }).Office; });

  it('reads nothing from Office when office.js did not load', () => {
    expect(readThemeHints()).toEqual({ forcedColors: false });
  });

  it('reads Office.context.officeTheme when present', () => {
    (globalThis as { Office?: unknown }).Office = { context: { officeTheme: { isDarkTheme: true, bodyBackgroundColor: '#111111' } } };
    expect(readThemeHints()).toEqual({ forcedColors: false, officeDark: true, officeBackground: '#111111' });
  });

  it('survives an Office whose context throws', () => {
    (globalThis as { Office?: unknown }).Office = { get context(): never { throw new Error('not ready'); } };
    expect(readThemeHints()).toEqual({ forcedColors: false });
  });
});
