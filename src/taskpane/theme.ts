import { officeGlobal } from './office-global';
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** What the theme choice depends on, read from Office and the browser by `readThemeHints`. */
export interface ThemeHints {
  readonly forcedColors: boolean;
  readonly officeDark?: boolean;
  /** Office's body background, `#RRGGBB`, for hosts without `isDarkTheme`. */
  readonly officeBackground?: string;
  /** The browser's `prefers-color-scheme: dark`: the preview's only hint, and a host's last resort. */
  readonly prefersDark?: boolean;
}

function isDarkColour(hex: string): boolean | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? '0', 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

export function chooseTheme(h: ThemeHints): Theme {
  if (h.forcedColors) return teamsHighContrastTheme;
  const dark = h.officeDark ?? (h.officeBackground ? isDarkColour(h.officeBackground) : undefined) ?? h.prefersDark;
  return dark ? webDarkTheme : webLightTheme;
}

/** Office.context.officeTheme is missing outside Excel and on older hosts: every read is guarded. */
function media(query: string): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
}

export function readThemeHints(): ThemeHints {
  const browser = { forcedColors: media('(forced-colors: active)'), prefersDark: media('(prefers-color-scheme: dark)') };
  try {
    const theme = officeGlobal()?.context?.officeTheme;
    if (!theme) return browser;
    return { ...browser, officeDark: typeof theme.isDarkTheme === 'boolean' ? theme.isDarkTheme : undefined, officeBackground: theme.bodyBackgroundColor };
  } catch {
    return browser;
  }
}
