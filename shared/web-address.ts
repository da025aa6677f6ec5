/** Web addresses people can be sent to: http(s) only. */

/** Excel's limit on a hyperlink address (the shortest limit of the places links go). */
const MAX_LINK_CHARS = 2079;

/**
 * The address of an http(s) link, normalised by the URL parser, or null for
 * anything else (mailto:, file:, javascript:, words, spaces, over 2,079
 * characters).
 */
export function webAddress(text: string): string | null {
  if (/\s/.test(text) || !/^https?:\/\//i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  return url.href.length <= MAX_LINK_CHARS ? url.href : null;
}
