/**
 * How long a text is, by the one rule the plan schema uses: zod counts a
 * string's Unicode code points (an emoji or a CJK extension character is one
 * character, not two UTF-16 units). Anything that checks a plan text against
 * a schema limit before the schema does (the Excel round trip, say) counts
 * with this, so a text the schema accepts is never refused on the way in.
 */
import { util } from 'zod/v4/core';

/** The length of `text` as the plan schema's `.max()` counts it. */
export function textLength(text: string): number {
  return util.codePointLength(text);
}
