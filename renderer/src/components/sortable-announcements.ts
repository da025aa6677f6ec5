/**
 * What a screen reader hears while a list item is dragged with dnd-kit (its
 * default says "Draggable item lc-7c30… was moved over droppable area
 * lc-e879…"): the item's name and the place it would take, in words, in the
 * UI's language (read when each is said, so a change of language applies).
 */
import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from '@dnd-kit/core';
import { i18n } from '../i18n/i18n';

/** Instructions read when a drag handle gets focus. */
export const SORTABLE_INSTRUCTIONS: ScreenReaderInstructions = {
  get draggable() {
    return i18n.t('components:sortable.instructions');
  },
};

/**
 * Announcements for a sortable list whose items are `ids` in order, named
 * by `nameOf` ("Sign-up flow tested end to end").
 */
export function sortableAnnouncements(
  ids: readonly UniqueIdentifier[],
  nameOf: (id: UniqueIdentifier) => string,
): Announcements {
  const at = (active: UniqueIdentifier, place: UniqueIdentifier) => ({
    name: nameOf(active),
    position: ids.indexOf(place) + 1,
    count: ids.length,
  });
  return {
    onDragStart: ({ active }) => i18n.t('components:sortable.pickedUp', at(active.id, active.id)),
    onDragOver: ({ active, over }) =>
      !over
        ? undefined
        : over.id === active.id
          ? i18n.t('components:sortable.isAt', at(active.id, over.id))
          : i18n.t('components:sortable.wouldMove', at(active.id, over.id)),
    onDragEnd: ({ active, over }) =>
      over
        ? i18n.t('components:sortable.dropped', at(active.id, over.id))
        : i18n.t('components:sortable.droppedInPlace', { name: nameOf(active.id) }),
    onDragCancel: ({ active }) =>
      i18n.t('components:sortable.cancelled', { name: nameOf(active.id) }),
  };
}
