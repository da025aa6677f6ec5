/** How findings name things (shared by the rule files without importing each other). */

const MAX_TITLE = 80;

/** A title in curly quotes, shortened, or a stand-in for an empty one. */
export function quoteTitle(title: string): string {
  const text = title.trim().replace(/\s+/g, ' ');
  if (!text) return 'an untitled element';
  return `“${text.length > MAX_TITLE ? `${text.slice(0, MAX_TITLE - 1)}…` : text}”`;
}
