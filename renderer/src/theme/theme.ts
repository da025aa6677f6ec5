/**
 * The colour theme on screen: `data-theme` on <html> (light, dark or
 * high-contrast; the tokens are in themes.css), resolved from Settings →
 * Theme. 'system' follows the computer live: a contrast theme or "more
 * contrast" gives high contrast, else its light or dark appearance.
 *
 * public/theme-boot.js sets the same attribute before the first paint (from
 * the stored setting), so the app never flashes the wrong theme; this module
 * keeps it in step afterwards.
 */
import { useSyncExternalStore } from 'react';
import { PRINT_PALETTE, type ChartPalette } from '../../../shared/manage/charts';
import { useSettings, type ThemeSetting } from '../store/settings';

/** A theme the app paints in. */
export type ResolvedTheme = 'light' | 'dark' | 'high-contrast';

/** What the computer asks for. */
export interface SystemAppearance {
  readonly dark: boolean;
  readonly moreContrast: boolean;
  readonly forcedColors: boolean;
}

/** The media queries behind SystemAppearance. */
export const SYSTEM_QUERIES = {
  dark: '(prefers-color-scheme: dark)',
  moreContrast: '(prefers-contrast: more)',
  forcedColors: '(forced-colors: active)',
} as const satisfies Record<keyof SystemAppearance, string>;

/** The theme a setting gives on a computer with this appearance. */
export function resolveTheme(setting: ThemeSetting, system: SystemAppearance): ResolvedTheme {
  if (setting !== 'system') return setting;
  if (system.forcedColors || system.moreContrast) return 'high-contrast';
  return system.dark ? 'dark' : 'light';
}

/** The computer's appearance now (light, no extra contrast where matchMedia is missing). */
export function systemAppearance(): SystemAppearance {
  const matches = (query: string) => typeof matchMedia === 'function' && matchMedia(query).matches;
  return {
    dark: matches(SYSTEM_QUERIES.dark),
    moreContrast: matches(SYSTEM_QUERIES.moreContrast),
    forcedColors: matches(SYSTEM_QUERIES.forcedColors),
  };
}

/** Paints the app in a theme. */
export function applyTheme(theme: ResolvedTheme, root: HTMLElement = document.documentElement) {
  if (root.dataset.theme !== theme) root.dataset.theme = theme;
}

/**
 * Applies the theme setting now and whenever it or (for 'system') the
 * computer's appearance changes. Returns a function that stops following.
 */
export function followThemeSetting(): () => void {
  const update = () => applyTheme(resolveTheme(useSettings.getState().theme, systemAppearance()));
  update();
  const unsubscribe = useSettings.subscribe((s, previous) => {
    if (s.theme !== previous.theme) update();
  });
  const lists =
    typeof matchMedia === 'function'
      ? Object.values(SYSTEM_QUERIES).map((query) => matchMedia(query))
      : [];
  for (const list of lists) list.addEventListener('change', update);
  return () => {
    unsubscribe();
    for (const list of lists) list.removeEventListener('change', update);
  };
}

/** The theme on screen (from <html data-theme>; light before one is set). */
export function currentTheme(root: HTMLElement = document.documentElement): ResolvedTheme {
  const theme = root.dataset.theme;
  return theme === 'dark' || theme === 'high-contrast' ? theme : 'light';
}

function subscribeToTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

/** The theme on screen, re-rendering when it changes. */
export function useResolvedTheme(): ResolvedTheme {
  return useSyncExternalStore(subscribeToTheme, () => currentTheme());
}

const palettes = new Map<ResolvedTheme, ChartPalette>();

/**
 * The chart colours of a theme, from its --chart-* tokens (the print palette
 * where the stylesheet is not loaded, as in component tests).
 */
export function chartPalette(theme: ResolvedTheme): ChartPalette {
  const known = palettes.get(theme);
  if (known) return known;
  const style = getComputedStyle(document.documentElement);
  const token = (name: string, fallback: string) =>
    style.getPropertyValue(`--chart-${name}`).trim() || fallback;
  const [s1, s2, s3, s4] = PRINT_PALETTE.series;
  const palette: ChartPalette = {
    background: token('bg', PRINT_PALETTE.background),
    ink: token('ink', PRINT_PALETTE.ink),
    series: [token('1', s1), token('2', s2), token('3', s3), token('4', s4)],
    path: token('path', PRINT_PALETTE.path),
    axis: token('axis', PRINT_PALETTE.axis),
    grid: token('grid', PRINT_PALETTE.grid),
  };
  palettes.set(theme, palette);
  return palette;
}

/** The chart colours of the theme on screen. */
export function useChartPalette(): ChartPalette {
  return chartPalette(useResolvedTheme());
}
