/**
 * The languages the app and its documents are written in, with their writing
 * direction and their own names (shown in Settings and the document-language
 * picker in each language's own script, as people look for their language).
 */

/** BCP 47 primary language subtags the app ships catalogs for. */
export const LANGUAGES = ['en', 'es', 'fr', 'ar', 'uk'] as const;

/** A language the app ships catalogs for. */
export type Language = (typeof LANGUAGES)[number];

/** Writing direction of a language. */
export type TextDirection = 'ltr' | 'rtl';

/**
 * Each language's own name, direction and the BCP 47 tag a plan written in
 * it declares by default (`objective.language`: Word and Excel files carry
 * it for spelling, hyphenation and screen readers). English is British, as
 * the app's English dates are; a planner picks another region in Objective.
 */
export const LANGUAGE_INFO: Readonly<
  Record<
    Language,
    { readonly nativeName: string; readonly dir: TextDirection; readonly textTag: string }
  >
> = {
  en: { nativeName: 'English', dir: 'ltr', textTag: 'en-GB' },
  es: { nativeName: 'Español', dir: 'ltr', textTag: 'es-ES' },
  fr: { nativeName: 'Français', dir: 'ltr', textTag: 'fr-FR' },
  ar: { nativeName: 'العربية', dir: 'rtl', textTag: 'ar' },
  uk: { nativeName: 'Українська', dir: 'ltr', textTag: 'uk-UA' },
};

/** The primary language subtag of a BCP 47 tag, lower case ("es-MX" → "es"). */
export function primarySubtag(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/** Whether a value is one of the shipped languages. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first shipped language among the user's preferred BCP 47 tags
 * (`navigator.languages`, e.g. `['es-CO', 'en-US']`), matched on the primary
 * subtag; English when none matches.
 */
export function matchLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = primarySubtag(tag);
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** The writing direction of a language. */
export function directionOf(language: Language): TextDirection {
  return LANGUAGE_INFO[language].dir;
}
