/**
 * Working with long plan lists inside an edit (an immer draft) without
 * drafting every element: reading a draft array element by element makes a
 * proxy of each one, which at tens of thousands of elements (a catalog, a
 * theory of change) costs tens of milliseconds per edit.
 */
import { current, isDraft } from 'immer';

/**
 * A (draft) list as plain values, as it stands now in the edit, without
 * drafting its elements (immer's `current` returns the original array when
 * the draft has not been changed yet, else a copy of it).
 */
export function baseOf<T>(list: T[]): readonly T[] {
  return isDraft(list) ? (current(list as unknown as object) as readonly T[]) : list;
}

/** The draft of one element of a list by id (drafting only that element), or undefined. */
export function findById<T extends { readonly id: string }>(list: T[], id: string): T | undefined {
  const index = baseOf(list).findIndex((x) => x.id === id);
  return index < 0 ? undefined : list[index];
}

/**
 * Sets a draft list's contents to `items` (plain values) without reading
 * the old elements through the draft.
 */
export function replaceContents<T>(list: T[], items: readonly T[]): void {
  list.length = 0;
  for (const item of items) list.push(item);
}
