/**
 * What a screen reader hears while a list item is dragged with dnd-kit (its
 * default says "Draggable item lc-7c30… was moved over droppable area
 * lc-e879…"): the item's name and the place it would take, in words.
 */
import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from '@dnd-kit/core';

/** Instructions read when a drag handle gets focus. */
export const SORTABLE_INSTRUCTIONS: ScreenReaderInstructions = {
  draggable:
    'To move this item, press Space. Then use the up and down arrow keys to choose its new place, and press Space again to drop it, or Escape to cancel.',
};

/**
 * Announcements for a sortable list whose items are `ids` in order, named
 * by `nameOf` ("Sign-up flow tested end to end").
 */
export function sortableAnnouncements(
  ids: readonly UniqueIdentifier[],
  nameOf: (id: UniqueIdentifier) => string,
): Announcements {
  const place = (id: UniqueIdentifier) => `place ${ids.indexOf(id) + 1} of ${ids.length}`;
  return {
    onDragStart: ({ active }) => `Picked up “${nameOf(active.id)}”, at ${place(active.id)}.`,
    onDragOver: ({ active, over }) =>
      !over
        ? undefined
        : over.id === active.id
          ? `“${nameOf(active.id)}” is at ${place(over.id)}.`
          : `“${nameOf(active.id)}” would move to ${place(over.id)}.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `“${nameOf(active.id)}” dropped at ${place(over.id)}.`
        : `“${nameOf(active.id)}” dropped where it was.`,
    onDragCancel: ({ active }) => `Moving “${nameOf(active.id)}” cancelled; it stays where it was.`,
  };
}
