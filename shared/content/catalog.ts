/** The content catalog: labels, search and filters. */
import type { ContentItem } from '../plan/schema';
import { skillKey } from './pathways';

/** Human labels for content kinds. */
export const KIND_LABELS = {
  course: 'Course',
  professionalCertificate: 'Professional certificate',
  skillSet: 'Skill set',
  guidedProject: 'Guided project',
  clip: 'Clip',
  inHouseModule: 'In-house module',
} as const satisfies Record<ContentItem['kind'], string>;

/** What the catalog list is filtered by; empty strings mean "any". */
export interface CatalogFilter {
  readonly query: string;
  readonly kind: ContentItem['kind'] | '';
  readonly level: ContentItem['level'] | '';
  readonly language: string;
  readonly skill: string;
}

/** A filter that lets everything through. */
export const NO_FILTER: CatalogFilter = { query: '', kind: '', level: '', language: '', skill: '' };

/** Items matching a filter; the query matches title, provider, skills and notes, every word. */
export function filterCatalog(items: readonly ContentItem[], filter: CatalogFilter): ContentItem[] {
  const words = skillKey(filter.query).split(' ').filter(Boolean);
  const language = skillKey(filter.language);
  const skill = skillKey(filter.skill);
  return items.filter((item) => {
    if (filter.kind && item.kind !== filter.kind) return false;
    if (filter.level && item.level !== filter.level) return false;
    if (language && !item.languages.some((l) => skillKey(l) === language)) return false;
    if (skill && !item.skills.some((s) => skillKey(s) === skill)) return false;
    if (!words.length) return true;
    const haystack = skillKey(
      [item.title, item.provider, item.skills.join(' '), item.notes, KIND_LABELS[item.kind]].join(
        ' ',
      ),
    );
    return words.every((w) => haystack.includes(w));
  });
}

/** Distinct values of a list field across the catalog, sorted, first spelling kept. */
export function distinctValues(
  items: readonly ContentItem[],
  field: 'skills' | 'languages',
): string[] {
  const seen = new Map<string, string>();
  for (const item of items)
    for (const value of item[field]) {
      const key = skillKey(value);
      if (key && !seen.has(key)) seen.set(key, value.trim());
    }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/** Pathways that use a catalog item, with how many steps each. */
export function pathwaysUsing(
  pathways: readonly { id: string; name: string; steps: readonly { contentItemId: string }[] }[],
  itemId: string,
): { id: string; name: string; steps: number }[] {
  return pathways
    .map((p) => ({
      id: p.id,
      name: p.name,
      steps: p.steps.filter((s) => s.contentItemId === itemId).length,
    }))
    .filter((p) => p.steps > 0);
}
