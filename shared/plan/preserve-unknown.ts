/**
 * Schema parsing strips fields this version does not know. A plan written by a
 * newer minor release, or by another tool, may carry such fields; we keep them
 * so that opening and re-saving a file never silently drops data.
 */

type Json = unknown;

function isPlainObject(value: Json): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Returns `parsed` with every field of `original` that the schema stripped
 * put back, recursively (arrays are matched by position, which is what a
 * schema parse preserves).
 */
export function preserveUnknownFields<T>(original: Json, parsed: T): T {
  if (Array.isArray(original) && Array.isArray(parsed)) {
    return parsed.map((item, index) => preserveUnknownFields(original[index], item)) as T;
  }
  if (isPlainObject(original) && isPlainObject(parsed)) {
    const result: Record<string, unknown> = { ...parsed };
    for (const [key, value] of Object.entries(original)) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
      result[key] = key in parsed ? preserveUnknownFields(value, parsed[key]) : value;
    }
    return result as T;
  }
  return parsed;
}
