/**
 * A translator in English, ready at once (the English catalog is bundled, so
 * the instance initialises synchronously). Shared code that words things for
 * people — command step names, refusals — takes a `t: Translator` with this
 * as the default: tests, the command line and logs get English, the UI passes
 * its own translator.
 */
import { createInstance } from 'i18next';
import ICU from 'i18next-icu';
import { englishCatalog, I18N_OPTIONS, NAMESPACES, type Translator } from './translator';

const instance = createInstance();
void instance.use(ICU).init({ ...I18N_OPTIONS, lng: 'en', resources: { en: englishCatalog } });

/** English messages from every namespace: `englishTranslator('commands:budget.editTotal')`. */
export const englishTranslator: Translator = instance.getFixedT('en', NAMESPACES) as Translator;
