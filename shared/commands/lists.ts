/**
 * The four commands every list of a plan needs — add, update, remove,
 * move — made from one description of the list: where it lives, what its
 * elements are called, and what else changes when elements are removed.
 * Nested lists (a segment's incentives, a stakeholder's actions) name their
 * parent by id.
 */
import { englishTranslator } from '../i18n/english';
import type { Catalog, Translator } from '../i18n/translator';
import { baseOf, findById, replaceContents } from '../plan/drafts';
import type { Plan } from '../plan/schema';
import type { PlanSectionId } from '../plan/sections';
import { CommandRefusal, defineCommand, quoted, type CommandFactory } from './command';

/** An element of a plan list. */
export interface Identified {
  readonly id: string;
}

/** A kind of list element, named in the `commands` catalog (`nouns.<kind>`: one, other, a count). */
export type ListKind = keyof Catalog['commands']['nouns'];
/** A field name for step names, in the `commands` catalog (`fields.<key>`). */
export type FieldName = keyof Catalog['commands']['fields'];

/** How a list is found and described. */
export interface ListSpec<T extends Identified> {
  /**
   * Command prefix: `kind.add`, `kind.update`, `kind.remove`, `kind.move`;
   * also what the elements are called (`commands:nouns.<kind>`: "learner
   * segment", "learner segments", "3 learner segments").
   */
  readonly kind: ListKind;
  /** The section that shows the list. */
  readonly section: PlanSectionId;
  /** The list in a (draft) plan; `parentId` names the parent of a nested list. Undefined if the parent is gone. */
  list(plan: Plan, parentId: string | undefined): T[] | undefined;
  /** An element's title for step names ('' if none), in `t`'s language when it is not the user's text. */
  titleOf?(item: T, t: Translator): string;
  /** Field names for step names (`commands:fields.<name>`: "name" → "Edit name of “X”"). */
  readonly fields?: Partial<Record<Extract<keyof T, string>, FieldName>>;
  /** What else changes when elements are removed (references elsewhere in the plan). */
  onRemove?(plan: Plan, ids: ReadonlySet<string>, parentId: string | undefined): void;
  /** The element to focus when going to a change (default: the element, else its parent). */
  focusOf?(id: string | undefined, parentId: string | undefined): string | undefined;
}

/** Arguments of `add`: the new element (its id made by the caller), at `index` (default: the end). */
export interface AddArgs<T> {
  readonly item: T;
  readonly index?: number;
  readonly parentId?: string;
}
/** Arguments of `update`: fields to set on one element. */
export interface UpdateArgs<T> {
  readonly id: string;
  readonly patch: Partial<T>;
  readonly parentId?: string;
}
/** Arguments of `remove`: the elements to remove, with their cascades. */
export interface RemoveArgs {
  readonly ids: readonly string[];
  readonly parentId?: string;
}
/** Arguments of `move`: one element to a new position in its list. */
export interface MoveArgs {
  readonly id: string;
  readonly to: number;
  readonly parentId?: string;
}

/** The commands of one list. */
export interface ListCommands<T> {
  readonly add: CommandFactory<AddArgs<T>>;
  readonly update: CommandFactory<UpdateArgs<T>>;
  readonly remove: CommandFactory<RemoveArgs>;
  readonly move: CommandFactory<MoveArgs>;
}

/** Defines and registers the add/update/remove/move commands of a list. */
export function defineListCommands<T extends Identified>(spec: ListSpec<T>): ListCommands<T> {
  const titled = (item: T | undefined, t: Translator) =>
    quoted(item ? (spec.titleOf?.(item, t) ?? '') : '');
  const { kind } = spec;
  const noun = (t: Translator) => t(`commands:nouns.${kind}.one`);
  const find = (plan: Plan, id: string, parentId: string | undefined) => {
    const list = spec.list(plan, parentId);
    return list && findById(list, id);
  };
  const locate = (id: string | undefined, parentId: string | undefined) => {
    const focus = spec.focusOf ? spec.focusOf(id, parentId) : (parentId ?? id);
    return focus ? { section: spec.section, focus } : { section: spec.section };
  };

  const add = defineCommand<AddArgs<T>>({
    type: `${spec.kind}.add`,
    label({ item }, _plan, t = englishTranslator) {
      const title = titled(item, t);
      return title
        ? t('commands:list.addTitled', { noun: noun(t), title })
        : t('commands:list.add', { noun: noun(t) });
    },
    locate: ({ item, parentId }) => locate(item.id, parentId),
    apply(draft, { item, index, parentId }) {
      const list = spec.list(draft, parentId);
      if (!list) throw CommandRefusal.of('parentGone', { noun });
      if (baseOf(list).some((x) => x.id === item.id)) return;
      const at = index === undefined ? list.length : Math.max(0, Math.min(list.length, index));
      list.splice(at, 0, item);
    },
  });

  const update = defineCommand<UpdateArgs<T>>({
    type: `${spec.kind}.update`,
    label({ id, patch, parentId }, plan, t = englishTranslator) {
      const item = find(plan, id, parentId);
      const keys = Object.keys(patch) as Extract<keyof T, string>[];
      const fieldName = keys.length === 1 ? (spec.fields?.[keys[0]!] ?? null) : null;
      const title = titled(item, t);
      if (fieldName) {
        const field = t(`commands:fields.${fieldName}`);
        return title
          ? t('commands:list.editFieldTitled', { field, title })
          : t('commands:list.editField', { noun: noun(t), field });
      }
      return title
        ? t('commands:list.editTitled', { noun: noun(t), title })
        : t('commands:list.edit', { noun: noun(t) });
    },
    coalesce: ({ id, patch, parentId }) =>
      `${spec.kind}.update:${parentId ?? ''}:${id}:${Object.keys(patch).sort().join(',')}`,
    locate: ({ id, parentId }) => locate(id, parentId),
    apply(draft, { id, patch, parentId }) {
      const item = find(draft, id, parentId);
      if (item) Object.assign(item, patch);
    },
  });

  const remove = defineCommand<RemoveArgs>({
    type: `${spec.kind}.remove`,
    label({ ids, parentId }, plan, t = englishTranslator) {
      if (ids.length !== 1) {
        const items = t(`commands:nouns.${kind}.count`, { count: ids.length });
        return t('commands:list.removeMany', { items });
      }
      const title = titled(find(plan, ids[0]!, parentId), t);
      return title
        ? t('commands:list.removeTitled', { noun: noun(t), title })
        : t('commands:list.remove', { noun: noun(t) });
    },
    locate: ({ parentId }) => locate(undefined, parentId),
    apply(draft, { ids, parentId }) {
      const list = spec.list(draft, parentId);
      if (!list) return;
      const gone = new Set(ids);
      const base = baseOf(list);
      const kept = base.filter((x) => !gone.has(x.id));
      if (kept.length !== base.length) replaceContents(list, kept);
      spec.onRemove?.(draft, gone, parentId);
    },
  });

  const move = defineCommand<MoveArgs>({
    type: `${spec.kind}.move`,
    label: (_args, _plan, t = englishTranslator) =>
      t('commands:list.move', { nouns: t(`commands:nouns.${kind}.other`) }),
    locate: ({ id, parentId }) => locate(id, parentId),
    apply(draft, { id, to, parentId }) {
      const list = spec.list(draft, parentId);
      if (!list) return;
      const base = baseOf(list);
      const from = base.findIndex((x) => x.id === id);
      if (from < 0) return;
      const target = Math.max(0, Math.min(base.length - 1, to));
      if (target === from) return;
      const moved = base.filter((_, i) => i !== from);
      moved.splice(target, 0, base[from]!);
      replaceContents(list, moved);
    },
  });

  return { add, update, remove, move };
}
