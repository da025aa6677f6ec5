/**
 * The user's settings on this computer (never in a plan file): the UI
 * language and the colour theme. Kept in localStorage, which is read
 * synchronously, so the first frame is already in the right language
 * direction and theme (no flash). Bad stored values fall back to 'system'.
 */
import { create } from 'zustand';
import { isLanguage, type Language } from '../../../shared/i18n/languages';

/** The UI language: the computer's, or one of the shipped languages. */
export type LanguageSetting = 'system' | Language;
/** The colour theme: the computer's (light/dark, more contrast), or a fixed one. */
export type ThemeSetting = 'system' | 'light' | 'dark' | 'high-contrast';

/** The themes a user can pick, in menu order. */
export const THEME_SETTINGS: readonly ThemeSetting[] = ['system', 'light', 'dark', 'high-contrast'];

/** Stored settings. */
export interface Settings {
  readonly language: LanguageSetting;
  readonly theme: ThemeSetting;
}

const STORAGE_KEY = 'upskill:settings';
const DEFAULTS: Settings = { language: 'system', theme: 'system' };

function readStored(): Settings {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return DEFAULTS;
    const { language, theme } = raw as Record<string, unknown>;
    return {
      language: language === 'system' || isLanguage(language) ? language : 'system',
      theme: THEME_SETTINGS.includes(theme as ThemeSetting) ? (theme as ThemeSetting) : 'system',
    };
  } catch {
    return DEFAULTS;
  }
}

/** The settings store (read with `useSettings(s => s.theme)`). */
export const useSettings = create<Settings>(() => readStored());

/** Changes settings and keeps them on this computer. */
export function updateSettings(change: Partial<Settings>): void {
  useSettings.setState(change);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(useSettings.getState()));
  } catch {
    // Storage full or blocked: the setting holds for this session.
  }
}
