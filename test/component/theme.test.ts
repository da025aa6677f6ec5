/**
 * The colour theme on <html>: resolved from the setting and the computer's
 * appearance, followed live, set before the first paint by
 * public/theme-boot.js exactly as resolveTheme says, and charts read their
 * colours from the theme (the print palette without a stylesheet).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PRINT_PALETTE } from '../../shared/manage/charts';
import {
  updateSettings,
  THEME_SETTINGS,
  type ThemeSetting,
} from '../../renderer/src/store/settings';
import {
  chartPalette,
  currentTheme,
  followThemeSetting,
  resolveTheme,
  SYSTEM_QUERIES,
  type SystemAppearance,
} from '../../renderer/src/theme/theme';

const bootScript = readFileSync(
  join(import.meta.dirname, '..', '..', 'renderer', 'public', 'theme-boot.js'),
  'utf8',
);

/** A computer whose appearance the test sets; change() tells listeners, as the OS would. */
function fakeSystem(initial: SystemAppearance) {
  let appearance = initial;
  const listeners = new Set<() => void>();
  const queryKey = Object.fromEntries(
    Object.entries(SYSTEM_QUERIES).map(([key, query]) => [query, key]),
  ) as Record<string, keyof SystemAppearance>;
  window.matchMedia = ((query: string) => ({
    get matches() {
      return appearance[queryKey[query]!] ?? false;
    },
    media: query,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  })) as unknown as typeof window.matchMedia;
  return {
    change(next: SystemAppearance) {
      appearance = next;
      for (const listener of listeners) listener();
    },
    listeners,
  };
}

const APPEARANCES: SystemAppearance[] = [false, true].flatMap((dark) =>
  [false, true].flatMap((moreContrast) =>
    [false, true].map((forcedColors) => ({ dark, moreContrast, forcedColors })),
  ),
);

afterEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.theme;
  updateSettings({ theme: 'system' });
});

describe('resolveTheme', () => {
  it('a chosen theme wins; system: contrast first, then dark or light', () => {
    const plain = { dark: false, moreContrast: false, forcedColors: false };
    expect(resolveTheme('system', plain)).toBe('light');
    expect(resolveTheme('system', { ...plain, dark: true })).toBe('dark');
    expect(resolveTheme('system', { ...plain, dark: true, moreContrast: true })).toBe(
      'high-contrast',
    );
    expect(resolveTheme('system', { ...plain, forcedColors: true })).toBe('high-contrast');
    for (const appearance of APPEARANCES) {
      expect(resolveTheme('light', appearance)).toBe('light');
      expect(resolveTheme('dark', appearance)).toBe('dark');
      expect(resolveTheme('high-contrast', appearance)).toBe('high-contrast');
    }
  });
});

describe('theme-boot.js (before the first paint)', () => {
  it('sets the theme resolveTheme gives, for every stored setting and appearance', () => {
    const stored: (ThemeSetting | 'nonsense' | null)[] = [...THEME_SETTINGS, 'nonsense', null];
    for (const appearance of APPEARANCES) {
      fakeSystem(appearance);
      for (const setting of stored) {
        if (setting === null) localStorage.clear();
        else localStorage.setItem('upskill:settings', JSON.stringify({ theme: setting }));
        delete document.documentElement.dataset.theme;
        window.eval(bootScript);
        const expected = resolveTheme(
          THEME_SETTINGS.includes(setting as ThemeSetting) ? (setting as ThemeSetting) : 'system',
          appearance,
        );
        expect(
          document.documentElement.dataset.theme,
          `${setting} ${JSON.stringify(appearance)}`,
        ).toBe(expected);
      }
    }
  });

  it('follows the system when the stored settings cannot be read', () => {
    fakeSystem({ dark: true, moreContrast: false, forcedColors: false });
    localStorage.setItem('upskill:settings', '{not json');
    window.eval(bootScript);
    expect(document.documentElement.dataset.theme).toBe('dark');
  });
});

describe('followThemeSetting', () => {
  it('applies the setting at once and follows the system live while on system', () => {
    const system = fakeSystem({ dark: false, moreContrast: false, forcedColors: false });
    const stop = followThemeSetting();
    expect(currentTheme()).toBe('light');
    system.change({ dark: true, moreContrast: false, forcedColors: false });
    expect(currentTheme()).toBe('dark');
    system.change({ dark: true, moreContrast: true, forcedColors: false });
    expect(currentTheme()).toBe('high-contrast');

    updateSettings({ theme: 'light' });
    expect(currentTheme()).toBe('light');
    // A chosen theme stays, whatever the computer does.
    system.change({ dark: true, moreContrast: false, forcedColors: false });
    expect(currentTheme()).toBe('light');
    updateSettings({ theme: 'high-contrast' });
    expect(currentTheme()).toBe('high-contrast');
    expect(JSON.parse(localStorage.getItem('upskill:settings')!)).toMatchObject({
      theme: 'high-contrast',
    });

    stop();
    expect(system.listeners.size).toBe(0);
    updateSettings({ theme: 'dark' });
    expect(currentTheme()).toBe('high-contrast');
  });
});

describe('chartPalette', () => {
  it('reads the theme’s --chart-* tokens, as computed colours', () => {
    const style = document.createElement('style');
    style.textContent = `:root[data-theme='dark'] { --chart-bg: #19202a; --chart-ink: #e7ebf1;
      --chart-1: #9cc4ff; --chart-2: #6b7a93; --chart-3: #5f9ec4; --chart-4: #3c4656;
      --chart-path: #b3bccb; --chart-axis: #8d98a9; --chart-grid: #2e3846; }`;
    document.head.append(style);
    document.documentElement.dataset.theme = 'dark';
    expect(chartPalette('dark', false)).toEqual({
      background: 'rgb(25, 32, 42)',
      ink: 'rgb(231, 235, 241)',
      series: ['rgb(156, 196, 255)', 'rgb(107, 122, 147)', 'rgb(95, 158, 196)', 'rgb(60, 70, 86)'],
      path: 'rgb(179, 188, 203)',
      axis: 'rgb(141, 152, 169)',
      grid: 'rgb(46, 56, 70)',
    });
    style.remove();
  });

  it('is the print palette where the stylesheet is missing', () => {
    expect(chartPalette('light', false)).toEqual(PRINT_PALETTE);
  });
});
