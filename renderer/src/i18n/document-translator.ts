/**
 * Translators of a plan's document language, for what the app writes into a
 * plan (issue 15): a new activity, a follow-up rule's message, a cohort's or a
 * version's default name. Plan content is in the plan's language, not the
 * UI's, and without the UI's bidi isolation marks (bidi.ts), which would be
 * stored in the plan. One instance per language, loaded once; English when a
 * catalog cannot be loaded (tried again next time).
 */
import { useEffect, useState } from 'react';
import { englishTranslator } from '../../../shared/i18n/english';
import type { Language } from '../../../shared/i18n/languages';
import { createTranslator, type Translator } from '../../../shared/i18n/translator';

const loaded = new Map<Language, Translator>([['en', englishTranslator]]);
const loading = new Map<Language, Promise<Translator>>();

/** A translator of `language` (a plan's document language); English if its catalog cannot be loaded. */
export function documentTranslator(language: Language): Promise<Translator> {
  const ready = loaded.get(language);
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(language);
  if (!pending) {
    pending = createTranslator(language).then(
      ({ t }) => {
        loaded.set(language, t);
        loading.delete(language);
        return t;
      },
      () => {
        loading.delete(language);
        return englishTranslator;
      },
    );
    loading.set(language, pending);
  }
  return pending;
}

/**
 * The translator of `language` in a component: at once when already loaded,
 * else English until it is (the component re-renders then).
 */
export function useDocumentTranslator(language: Language): Translator {
  const [, setLoads] = useState(0);
  const ready = loaded.get(language);
  useEffect(() => {
    if (ready) return;
    let live = true;
    void documentTranslator(language).then(() => {
      if (live) setLoads((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [language, ready]);
  return ready ?? englishTranslator;
}
