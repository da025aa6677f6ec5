/**
 * Text from a plan file shown in a short label (a library card, a window
 * title): what a file may hold but a label cannot show sensibly is replaced.
 */

/**
 * C0 and C1 control characters (tab, newline and NUL included) and the
 * Unicode bidirectional embedding, override and isolate controls
 * (U+202A–U+202E, U+2066–U+2069), which would reorder or hide the text
 * around them.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g;

/**
 * `text` on one line: control and bidi-override characters become a space,
 * runs of white space become one space, and the ends are trimmed. Returns
 * `fallback` when nothing visible is left.
 */
export function visibleText(text: string, fallback = ''): string {
  const shown = text.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
  return shown || fallback;
}
