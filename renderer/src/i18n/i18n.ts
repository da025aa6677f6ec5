/**
 * The UI's language: one i18next instance (react-i18next binds components to
 * it), English bundled, the chosen language loaded before the first render.
 * `<html lang dir>` follow the language, so an Arabic UI mirrors (the CSS
 * uses logical properties: start/end, not left/right).
 */
import { createInstance, type i18n as I18n } from 'i18next';
import ICU from 'i18next-icu';
import { useMemo } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import { formatFor, type Format } from '../../../shared/i18n/format';
import {
  directionOf,
  isLanguage,
  matchLanguage,
  type Language,
} from '../../../shared/i18n/languages';
import { addLanguage, englishCatalog, I18N_OPTIONS } from '../../../shared/i18n/translator';
import type { LanguageSetting } from '../store/settings';

/** The UI's i18next instance (for code outside components: `i18n.t('ns:key')`). */
export const i18n: I18n = createInstance();

void i18n
  .use(ICU)
  .use(initReactI18next)
  .init({
    ...I18N_OPTIONS,
    lng: 'en',
    resources: { en: englishCatalog },
    react: { useSuspense: false },
  });

/** The computer's language among ours (from the browser's preferred languages). */
export function systemLanguage(): Language {
  return matchLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

/** The language a setting stands for. */
export function resolveLanguage(setting: LanguageSetting): Language {
  return setting === 'system' ? systemLanguage() : setting;
}

/** The UI's current language. */
export function uiLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

/**
 * Switches the UI to a language: loads its catalog, then sets `<html lang dir>`.
 * @throws when the catalog cannot be loaded (the UI stays in its language).
 */
export async function setUiLanguage(language: Language): Promise<void> {
  await addLanguage(i18n, language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

/** Numbers, money, dates and lists in the UI's language; re-renders when it changes. */
export function useFormat(): Format {
  const { i18n: instance } = useTranslation();
  const language = isLanguage(instance.language) ? instance.language : 'en';
  return useMemo(() => formatFor(language), [language]);
}

/** The UI language's formatting functions, for code outside components. */
export function uiFormat(): Format {
  return formatFor(uiLanguage());
}
