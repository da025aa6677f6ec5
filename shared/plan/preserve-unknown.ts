/**
 * Schema parsing strips fields this version does not know. A plan written by a
 * newer minor release, or by another tool, may carry such fields; we keep them
 * so that opening and re-saving a file never silently drops data.
 *
 * Only the file's own data is looked at, never inherited properties: a field
 * called `toString` or `constructor` is ordinary data here, and a lookup such
 * as `key in parsed` would find Object.prototype's function instead (which
 * then cannot be saved: IndexedDB refuses functions with a DataCloneError).
 */

type Json = unknown;

function isPlainObject(value: Json): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The one key that is not kept: assigning `__proto__` changes an object's
 * prototype instead of adding a field, and code elsewhere that copies objects
 * with plain assignment would do the same. No plan format uses it.
 */
const DROPPED_KEY = '__proto__';

/**
 * Returns `parsed` with every field of `original` that the schema stripped
 * put back, recursively (arrays are matched by position, which is what a
 * schema parse preserves). Every field of the result is an own, enumerable
 * data property; the result never shares a function with Object.prototype.
 */
export function preserveUnknownFields<T>(original: Json, parsed: T): T {
  if (Array.isArray(original) && Array.isArray(parsed)) {
    return parsed.map((item, index) => preserveUnknownFields(original[index], item)) as T;
  }
  if (isPlainObject(original) && isPlainObject(parsed)) {
    const result: Record<string, unknown> = { ...parsed };
    for (const key of Object.keys(original)) {
      if (key === DROPPED_KEY) continue;
      const value = original[key];
      const known = Object.hasOwn(parsed, key);
      // defineProperty, not assignment: a data property whatever the key is called.
      Object.defineProperty(result, key, {
        value: known ? preserveUnknownFields(value, parsed[key]) : value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return result as T;
  }
  return parsed;
}
