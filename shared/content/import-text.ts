/**
 * The words of import messages (row counts, reasons a row failed, how a file
 * was read) come from the `content` catalog through a `t: Translator` the
 * caller passes: the import worker passes one in the UI's language, so the
 * dialog and the downloadable "rows not imported" CSV follow it. Callers that
 * pass none (tests, the bench, the command line) get English.
 */
import { createInstance } from 'i18next';
import ICU from 'i18next-icu';
import { formatFor, type Format } from '../i18n/format';
import { isLanguage } from '../i18n/languages';
import { englishCatalog, I18N_OPTIONS, NAMESPACES, type Translator } from '../i18n/translator';

let english: Translator | null = null;

/** A translator in English, made once (synchronously: the English catalog is bundled). */
export function englishTranslator(): Translator {
  if (!english) {
    const instance = createInstance();
    void instance.use(ICU).init({ ...I18N_OPTIONS, lng: 'en', resources: { en: englishCatalog } });
    english = instance.getFixedT('en', NAMESPACES) as Translator;
  }
  return english;
}

/** Numbers and lists written the way `t`'s language writes them. */
export function formatOf(t: Translator): Format {
  const language = (t as unknown as { lng?: unknown }).lng;
  return formatFor(isLanguage(language) ? language : 'en');
}
