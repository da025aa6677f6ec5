/**
 * Commands of the Content catalog: add, edit and delete items, and import
 * many rows at once.
 *
 * The catalog is the one plan list that runs to tens of thousands of items,
 * so these commands never walk it through an immer draft (a draft proxies
 * every item it touches: ~100 ms to find one item among 50,000). They read
 * the catalog as it was before the edit, build one new array that reuses
 * every unchanged item object (the search index is cached by item identity)
 * and assign it frozen, so immer has nothing to walk or freeze item by item.
 */
import { englishTranslator } from '../i18n/english';
import { freeze, isDraft, original } from 'immer';
import type { ContentItem, Plan } from '../plan/schema';
import { CommandRefusal, defineCommand, quoted } from './command';

/** The fields of a catalog item that an edit can change. */
export type CatalogItemPatch = Partial<Omit<ContentItem, 'id'>>;

/**
 * The catalog of a (draft) plan as a plain array, without drafting its
 * items: the catalog at the start of the edit, or the array an earlier step
 * of the same edit assigned.
 */
export function catalogOf(plan: Plan): readonly ContentItem[] {
  const list = plan.content.catalog;
  return isDraft(list) ? (original(list) as readonly ContentItem[]) : list;
}

/** Puts a new catalog array in the plan, frozen so immer does not walk it. */
function setCatalog(draft: Plan, items: ContentItem[]): void {
  draft.content.catalog = Object.freeze(items) as ContentItem[];
}

/** A frozen copy of an item, as the plan keeps items (the caller's object stays its own). */
function frozenItem(item: ContentItem): ContentItem {
  return freeze({ ...item, skills: [...item.skills], languages: [...item.languages] }, true);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  return Object.is(a, b);
}

function titleOf(plan: Plan, id: string): string {
  return quoted(plan.content.catalog.find((c) => c.id === id)?.title);
}

/** Adds one catalog item (its id made by the caller), at `index` (default: the end). */
export const addCatalogItem = defineCommand<{ item: ContentItem; index?: number }>({
  type: 'catalogItem.add',
  label: ({ item }, _plan, t = englishTranslator) =>
    quoted(item.title)
      ? t('commands:content.addTitled', { title: quoted(item.title) })
      : t('commands:content.add'),
  locate: ({ item }) => ({ section: 'content', focus: item.id }),
  apply(draft, { item, index }) {
    const base = catalogOf(draft);
    if (base.some((c) => c.id === item.id)) return;
    const next = [...base];
    const at = index === undefined ? next.length : Math.max(0, Math.min(next.length, index));
    next.splice(at, 0, frozenItem(item));
    setCatalog(draft, next);
  },
});

/** Sets fields of one catalog item; typing in one field coalesces. */
export const updateCatalogItem = defineCommand<{ id: string; patch: CatalogItemPatch }>({
  type: 'catalogItem.update',
  label({ id, patch }, plan, t = englishTranslator) {
    const keys = Object.keys(patch) as (keyof CatalogItemPatch)[];
    const title = titleOf(plan, id);
    if (keys.length === 1) {
      const field = t('commands:content.field', { field: keys[0]! });
      return title
        ? t('commands:content.editFieldTitled', { field, title })
        : t('commands:content.editField', { field });
    }
    return title ? t('commands:content.editTitled', { title }) : t('commands:content.edit');
  },
  coalesce: ({ id, patch }) => `catalogItem.update:${id}:${Object.keys(patch).sort().join(',')}`,
  locate: ({ id }) => ({ section: 'content', focus: id }),
  apply(draft, { id, patch }) {
    const base = catalogOf(draft);
    const at = base.findIndex((c) => c.id === id);
    if (at < 0) return;
    const item = base[at]!;
    const keys = Object.keys(patch) as (keyof CatalogItemPatch)[];
    // An edit that changes nothing leaves the plan as it was (no empty undo step).
    if (keys.every((k) => sameValue(item[k], patch[k]))) return;
    const next = [...base];
    next[at] = frozenItem({ ...item, ...patch, id });
    setCatalog(draft, next);
  },
});

/** Deletes catalog items, every pathway step that used them, and their content audit entries. */
export const removeCatalogItems = defineCommand<{ ids: readonly string[] }>({
  type: 'catalogItem.remove',
  label({ ids }, plan, t = englishTranslator) {
    if (ids.length !== 1) return t('commands:content.removeMany', { count: ids.length });
    const title = titleOf(plan, ids[0]!);
    return title ? t('commands:content.removeTitled', { title }) : t('commands:content.remove');
  },
  locate: () => ({ section: 'content' }),
  apply(draft, { ids }) {
    const gone = new Set(ids);
    const base = catalogOf(draft);
    if (!base.some((c) => gone.has(c.id))) return;
    setCatalog(
      draft,
      base.filter((c) => !gone.has(c.id)),
    );
    for (const pathway of draft.content.pathways) {
      if (pathway.steps.some((s) => gone.has(s.contentItemId)))
        pathway.steps = pathway.steps.filter((s) => !gone.has(s.contentItemId));
    }
    if (draft.content.audit.some((e) => gone.has(e.itemId)))
      draft.content.audit = draft.content.audit.filter((e) => !gone.has(e.itemId));
  },
});

/** Ids of new items per (frozen) array of them; null: two items share an id. */
const newItemIds = new WeakMap<readonly ContentItem[], ReadonlySet<string> | null>();

/** Ids checked between two pauses of checkItemIdsInSlices (a few milliseconds). */
const ID_SLICE = 4000;

/**
 * Checks that the items of an import have distinct ids, a slice at a time (a
 * generator that pauses after every 4,000 ids), and remembers the answer
 * for this array: importCatalogItems then does not check 50,000 ids again in
 * the one task that applies it (~30 ms of hashing). Without it, the command
 * checks them itself, at once.
 */
export function* checkItemIdsInSlices(items: readonly ContentItem[]): Generator<void> {
  if (newItemIds.has(items)) return;
  const ids = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const id = items[i]!.id;
    if (ids.has(id)) {
      newItemIds.set(items, null);
      return;
    }
    ids.add(id);
    if ((i + 1) % ID_SLICE === 0) yield;
  }
  newItemIds.set(items, ids);
}

/** The first id that two of `items` share, if any (checked in slices beforehand or now). */
function repeatedId(items: readonly ContentItem[]): string | undefined {
  const check = checkItemIdsInSlices(items);
  while (!check.next().done);
  if (newItemIds.get(items)) return undefined;
  const seen = new Set<string>();
  return items.find((item) => seen.has(item.id) || !seen.add(item.id))?.id;
}

/** A change a re-import makes to an item already in the catalog. */
export interface CatalogItemUpdate {
  readonly id: string;
  readonly patch: CatalogItemPatch;
}

/**
 * Adds the rows of a spreadsheet to the catalog, and applies the changes a
 * re-imported export makes to items already there (`updates`), as one step.
 * The new items come with their ids and, for a big import, already
 * deep-frozen by the caller (in slices, between which the page can
 * breathe): this step only builds one new array, whatever the number of rows.
 */
export const importCatalogItems = defineCommand<{
  items: readonly ContentItem[];
  updates?: readonly CatalogItemUpdate[];
}>({
  type: 'catalog.import',
  label: ({ items, updates = [] }, _plan, t = englishTranslator) => {
    if (updates.length === 0) return t('commands:content.import', { count: items.length });
    return items.length === 0
      ? t('commands:content.updateFromSpreadsheet', { count: updates.length })
      : t('commands:content.importAndUpdate', { added: items.length, count: updates.length });
  },
  locate: () => ({ section: 'content' }),
  apply(draft, { items, updates = [] }) {
    if (items.length === 0 && updates.length === 0) throw CommandRefusal.of('noRowsToImport');
    const base = catalogOf(draft);
    const baseIds = new Set(base.map((c) => c.id));
    const sharedId = repeatedId(items) ?? items.find((item) => baseIds.has(item.id))?.id;
    if (sharedId !== undefined) throw CommandRefusal.of('catalogIdShared', { id: sharedId });
    let next = base;
    if (updates.length) {
      const patchOf = new Map<string, CatalogItemPatch>();
      for (const u of updates) {
        if (!baseIds.has(u.id)) throw CommandRefusal.of('updatedItemGone');
        patchOf.set(u.id, { ...patchOf.get(u.id), ...u.patch });
      }
      next = base.map((item) => {
        const patch = patchOf.get(item.id);
        return patch ? frozenItem({ ...item, ...patch, id: item.id }) : item;
      });
    }
    setCatalog(draft, [...next, ...items]);
  },
});
