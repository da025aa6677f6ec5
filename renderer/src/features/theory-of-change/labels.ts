/**
 * What theory-of-change elements, links and outline groups are called in the
 * UI's language (shared/toc keeps the English for exports and commands).
 * Called while rendering components that follow the language
 * (useTranslation), so the UI instance's current language is the right one.
 */
import type { TocLinkProblem } from '../../../../shared/toc/operations';
import type { TocNode } from '../../../../shared/plan/schema';
import { i18n } from '../../i18n/i18n';

/** The keys of the outline groups (shared/toc/outline.ts OUTLINE_GROUPS). */
export type OutlineGroupKey =
  | 'impact'
  | 'outcome-long'
  | 'outcome-intermediate'
  | 'outcome-short'
  | 'precondition'
  | 'intervention'
  | 'assumption'
  | 'externalFactor';

/** The name of a node's kind, with the horizon for outcomes ("Short-term outcome"). */
export function tocKindLabel(node: Pick<TocNode, 'kind' | 'horizon'>): string {
  if (node.kind === 'outcome' && node.horizon) return i18n.t(`toc:outcomeKinds.${node.horizon}`);
  return i18n.t(`toc:kinds.${node.kind}`);
}

/** Why a link cannot be made, in the UI's language. */
export function tocLinkProblemText(problem: TocLinkProblem): string {
  return i18n.t(`toc:linkProblems.${problem}`);
}

/** An outline group's heading ("Short-term outcomes"). */
export function outlineGroupLabel(key: string): string {
  return i18n.t(`toc:outline.groups.${key as OutlineGroupKey}`);
}

/** An outline group's name inside a sentence ("short-term outcomes"). */
export function outlineGroupName(key: string): string {
  return i18n.t(`toc:outline.groupsLower.${key as OutlineGroupKey}`);
}

const SLOTS = ['\uE000', '\uE001', '\uE002'] as const;

/**
 * A catalog message with plain `{arguments}` (no plural or select on them),
 * made once and filled by substitution: for names built for every element or
 * link of a large graph on each edit, where a full message format per name
 * (a few microseconds) would add up to tens of milliseconds.
 */
export function fillable<K extends string>(
  message: (slots: Record<K, string>) => string,
  names: readonly K[],
): (...values: string[]) => string {
  const slots = Object.fromEntries(names.map((name, i) => [name, SLOTS[i]!])) as Record<K, string>;
  const pattern = message(slots);
  const parts: (string | number)[] = [];
  let rest = pattern;
  for (;;) {
    let at = -1;
    let slot = -1;
    names.forEach((_, i) => {
      const found = rest.indexOf(SLOTS[i]!);
      if (found >= 0 && (at < 0 || found < at)) {
        at = found;
        slot = i;
      }
    });
    if (at < 0) break;
    if (at > 0) parts.push(rest.slice(0, at));
    parts.push(slot);
    rest = rest.slice(at + 1);
  }
  if (rest) parts.push(rest);
  return (...values) => {
    let out = '';
    for (const part of parts) out += typeof part === 'number' ? (values[part] ?? '') : part;
    return out;
  };
}
