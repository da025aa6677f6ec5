/**
 * The UI's language: one i18next instance (react-i18next binds components to
 * it), English bundled, the chosen language loaded before the first render.
 * `<html lang dir>` follow the language, so an Arabic UI mirrors (the CSS
 * uses logical properties: start/end, not left/right; test/unit/rtl-logical-css
 * guards it). Values put into messages (names, titles, e-mails) are isolated
 * from the sentence around them where their direction could differ (bidi.ts).
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
  type TextDirection,
} from '../../../shared/i18n/languages';
import { addLanguage, englishCatalog, I18N_OPTIONS } from '../../../shared/i18n/translator';
import type { LanguageSetting } from '../store/settings';
import { isolateArguments } from './bidi';

/** The UI's i18next instance (for code outside components: `i18n.t('ns:key')`). */
export const i18n: I18n = createInstance();

/** i18next-icu's formatting step (not in its typings), wrapped to isolate the values. */
type IcuParse = (
  message: string,
  values: Record<string, unknown> | undefined,
  language: string,
  ...rest: unknown[]
) => string;
const icu = new ICU() as InstanceType<typeof ICU> & { parse: IcuParse };
const icuParse = icu.parse.bind(icu);
icu.parse = (message, values, language, ...rest) =>
  icuParse(message, isolateArguments(message, values, language), language, ...rest);

void i18n
  .use(icu)
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

/** The UI's writing direction; re-renders when the language changes (for `dir` on parts that keep their own). */
export function useUiDirection(): TextDirection {
  const { i18n: instance } = useTranslation();
  return directionOf(isLanguage(instance.language) ? instance.language : 'en');
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
