/**
 * The locale the app's charts are written in: the UI language's (the words
 * of the `document` catalog's `charts.*`, numbers and dates through `Intl`),
 * as the Word export passes the document language's. Loaded once per
 * language; English until the language's locale is ready.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentLocale, englishLocale, type DocLocale } from '../../../../shared/export/locale';
import { isLanguage, type Language } from '../../../../shared/i18n/languages';

const loaded = new Map<Language, DocLocale>([['en', englishLocale()]]);

/** The UI language's chart locale; re-renders when it is loaded or the language changes. */
export function useChartLocale(): DocLocale {
  const { i18n } = useTranslation();
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'en';
  const [, setReady] = useState<Language | null>(null);
  useEffect(() => {
    if (loaded.has(language)) return;
    let live = true;
    void documentLocale(language).then(
      (loc) => {
        loaded.set(language, loc);
        if (live) setReady(language);
      },
      // The catalog could not be loaded: the charts stay in English.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [language]);
  return loaded.get(language) ?? englishLocale();
}
