/**
 * A `Translator` in the UI's language for shared functions that take one
 * (fieldLabel, the import messages): fixed to the language now, so a shared
 * helper that writes numbers (`formatOf(t)`) writes them that way too.
 */
import { NAMESPACES, type Translator } from '../../../../shared/i18n/translator';
import { i18n, uiLanguage } from '../../i18n/i18n';

/** The translator for the UI's current language. */
export function uiTranslator(): Translator {
  return i18n.getFixedT(uiLanguage(), NAMESPACES) as Translator;
}
