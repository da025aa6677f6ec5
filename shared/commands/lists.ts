/**
 * The four commands every list of a plan needs — add, update, remove,
 * move — made from one description of the list: where it lives, what its
 * elements are called, and what else changes when elements are removed.
 * Nested lists (a segment's incentives, a stakeholder's actions) name their
 * parent by id.
 */
import { baseOf, findById, replaceContents } from '../plan/drafts';
import type { Plan } from '../plan/schema';
import type { PlanSectionId } from '../plan/sections';
import { CommandRefusal, defineCommand, quoted, type CommandFactory } from './command';

/** An element of a plan list. */
export interface Identified {
  readonly id: string;
}

/** How a list is found and described. */
export interface ListSpec<T extends Identified> {
  /** Command prefix: `kind.add`, `kind.update`, `kind.remove`, `kind.move`. */
  readonly kind: string;
  /** What one element is called ("learner segment"), and several ("learner segments"). */
  readonly noun: string;
  readonly plural: string;
  /** The section that shows the list. */
  readonly section: PlanSectionId;
  /** The list in a (draft) plan; `parentId` names the parent of a nested list. Undefined if the parent is gone. */
  list(plan: Plan, parentId: string | undefined): T[] | undefined;
  /** An element's title for step names ('' if none). */
  titleOf?(item: T): string;
  /** Field names for step names ("name" → "Edit name of “X”"). */
  readonly fields?: Partial<Record<Extract<keyof T, string>, string>>;
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
  const titled = (item: T | undefined) => quoted(item ? (spec.titleOf?.(item) ?? '') : '');
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
    label: ({ item }) => `Add ${spec.noun}${titled(item) ? ` ${titled(item)}` : ''}`,
    locate: ({ item, parentId }) => locate(item.id, parentId),
    apply(draft, { item, index, parentId }) {
      const list = spec.list(draft, parentId);
      if (!list)
        throw new CommandRefusal(`The ${spec.noun} could not be added: its parent is gone.`);
      if (baseOf(list).some((x) => x.id === item.id)) return;
      const at = index === undefined ? list.length : Math.max(0, Math.min(list.length, index));
      list.splice(at, 0, item);
    },
  });

  const update = defineCommand<UpdateArgs<T>>({
    type: `${spec.kind}.update`,
    label({ id, patch, parentId }, plan) {
      const item = find(plan, id, parentId);
      const keys = Object.keys(patch) as Extract<keyof T, string>[];
      const field = keys.length === 1 ? (spec.fields?.[keys[0]!] ?? null) : null;
      const title = titled(item);
      if (field) return title ? `Edit ${field} of ${title}` : `Edit ${spec.noun} ${field}`;
      return title ? `Edit ${spec.noun} ${title}` : `Edit ${spec.noun}`;
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
    label({ ids, parentId }, plan) {
      if (ids.length !== 1) return `Delete ${ids.length} ${spec.plural}`;
      const title = titled(find(plan, ids[0]!, parentId));
      return `Delete ${spec.noun}${title ? ` ${title}` : ''}`;
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
    label: () => `Reorder ${spec.plural}`,
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
