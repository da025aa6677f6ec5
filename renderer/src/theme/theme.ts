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

/** Whether the system forces its own colours (Windows contrast themes). */
function forcedColors(): boolean {
  return typeof matchMedia === 'function' && matchMedia(SYSTEM_QUERIES.forcedColors).matches;
}

/** What the charts are drawn for: the theme, and whether colours are forced. */
type ChartLook = `${ResolvedTheme}` | `${ResolvedTheme} forced`;

function subscribeToLook(onChange: () => void): () => void {
  const stopTheme = subscribeToTheme(onChange);
  const forced = typeof matchMedia === 'function' ? matchMedia(SYSTEM_QUERIES.forcedColors) : null;
  forced?.addEventListener('change', onChange);
  return () => {
    stopTheme();
    forced?.removeEventListener('change', onChange);
  };
}

const palettes = new Map<ChartLook, ChartPalette>();

/**
 * The chart colours of a theme, from its --chart-* tokens (the print palette
 * where the stylesheet is not loaded, as in component tests). Tokens are
 * handed to ECharts as the browser computes them, so system colours
 * (CanvasText in forced colours) arrive as rgb().
 */
export function chartPalette(theme: ResolvedTheme, forced = forcedColors()): ChartPalette {
  const look: ChartLook = forced ? `${theme} forced` : theme;
  const known = palettes.get(look);
  if (known) return known;
  const style = getComputedStyle(document.documentElement);
  const probe = document.createElement('span');
  probe.hidden = true;
  document.body.append(probe);
  const token = (name: string, fallback: string) => {
    const value = style.getPropertyValue(`--chart-${name}`).trim();
    if (!value) return fallback;
    probe.style.color = value;
    const computed = getComputedStyle(probe).color;
    return computed.startsWith('rgb') ? computed : value;
  };
  const [s1, s2, s3, s4] = PRINT_PALETTE.series;
  const palette: ChartPalette = {
    background: token('bg', PRINT_PALETTE.background),
    ink: token('ink', PRINT_PALETTE.ink),
    series: [token('1', s1), token('2', s2), token('3', s3), token('4', s4)],
    path: token('path', PRINT_PALETTE.path),
    axis: token('axis', PRINT_PALETTE.axis),
    grid: token('grid', PRINT_PALETTE.grid),
  };
  probe.remove();
  palettes.set(look, palette);
  return palette;
}

/** The chart colours of the theme on screen, re-rendering when they change. */
export function useChartPalette(): ChartPalette {
  const look = useSyncExternalStore(subscribeToLook, () =>
    forcedColors() ? `${currentTheme()} forced` : currentTheme(),
  );
  return chartPalette(currentTheme(), look.endsWith(' forced'));
}
