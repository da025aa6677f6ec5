/**
 * Message catalogs and the translator that reads them. The app's words live
 * in `locales/<language>/<namespace>.json` as ICU MessageFormat messages
 * (plurals and selects inside the message, so every language has the same
 * keys: `{count, plural, one {# stakeholder} other {# stakeholders}}`), read by
 * i18next with its ICU plugin (intl-messageformat). English is bundled with
 * every build and is the fallback; other languages load on demand.
 *
 * Pure: used by the renderer (UI language) and by exports in a worker or on
 * the command line (each plan's document language), one instance each.
 */
import { createInstance, type i18n as I18n, type TFunction } from 'i18next';
import ICU from 'i18next-icu';
import type { Language } from './languages';
import en from './locales/en';

/** Every namespace and message of the English catalog (the reference the others must match). */
export type Catalog = typeof en;
/** A namespace of the catalogs (one per part of the app, e.g. `stakeholders`, `document`). */
export type Namespace = keyof Catalog;
/** The English catalog, bundled everywhere. */
export const englishCatalog: Catalog = en;
/** The namespaces, in catalog order. */
export const NAMESPACES = Object.keys(en) as Namespace[];

/** Loads one language's catalog (a separate chunk in the app bundle). */
const loaders: Record<Exclude<Language, 'en'>, () => Promise<{ default: Catalog }>> = {
  es: () => import('./locales/es'),
  fr: () => import('./locales/fr'),
  ar: () => import('./locales/ar'),
  uk: () => import('./locales/uk'),
};

/** A language's whole catalog (English at once, others loaded). */
export async function loadCatalog(language: Language): Promise<Catalog> {
  return language === 'en' ? en : (await loaders[language]()).default;
}

/** A translator for any namespace: `t('shell:sections.objective')`, `t('common:count.stakeholders', { count: 3 })`. */
export type Translator = TFunction<Namespace[]>;

/**
 * Adds a language's catalog to an i18next instance (no-op when present).
 * @throws when the catalog chunk cannot be loaded.
 */
export async function addLanguage(instance: I18n, language: Language): Promise<void> {
  if (instance.hasResourceBundle(language, NAMESPACES[0]!)) return;
  const catalog = await loadCatalog(language);
  for (const ns of NAMESPACES) instance.addResourceBundle(language, ns, catalog[ns], true, true);
}

/** Options shared by every instance: ICU messages, no HTML escaping (React and docx escape), English fallback. */
export const I18N_OPTIONS = {
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: NAMESPACES,
  interpolation: { escapeValue: false },
  returnNull: false,
  returnEmptyString: false,
  initAsync: false,
} as const;

/**
 * A fresh i18next instance in `language` (for exports: the plan's document
 * language, independent of the UI's). English is always loaded as fallback.
 */
export async function createTranslator(language: Language): Promise<{ t: Translator; i18n: I18n }> {
  const instance = createInstance();
  await instance.use(ICU).init({
    ...I18N_OPTIONS,
    lng: language,
    resources: { en },
  });
  await addLanguage(instance, language);
  await instance.changeLanguage(language);
  return { t: instance.getFixedT(language, NAMESPACES) as Translator, i18n: instance };
}
