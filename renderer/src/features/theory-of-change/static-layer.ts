/**
 * What the static layers of a large canvas (StaticLinks, StaticNodes) share:
 * the element React Flow's viewport transform applies to, and the tiles
 * near the view.
 */
import { useStore, type ReactFlowState } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import { overlaps, viewBox, type Box } from '../../../../shared/toc/canvas-geometry';

/**
 * React Flow's viewport portal element (inside the transformed viewport, so
 * what is drawn there pans and zooms with the canvas). React Flow's own
 * ViewportPortal looks it up with querySelector on every store update, that
 * is on every pointer move of a drag; this looks it up once.
 */
export function useViewportPortal(): Element | null {
  const domNode = useStore((s: ReactFlowState) => s.domNode);
  return useMemo(() => domNode?.querySelector('.react-flow__viewport-portal') ?? null, [domNode]);
}

/**
 * The tiles that overlap the view (grown by half its size each side). The
 * selector runs on every React Flow store update (each pointer move) as one
 * pass over the tiles (dozens) and returns a string, so nothing re-renders
 * until the set of tiles near the view changes.
 */
export function useVisibleTiles<T extends Box & { key: string }>(
  tiles: ReadonlyMap<string, T>,
): T[] {
  const keys = useStore(
    useCallback(
      (s: ReactFlowState) => {
        const view = viewBox(s.transform, s.width, s.height);
        let found = '';
        for (const tile of tiles.values()) if (overlaps(tile, view)) found += `${tile.key} `;
        return found;
      },
      [tiles],
    ),
  );
  return useMemo(
    () =>
      keys
        .split(' ')
        .filter(Boolean)
        .map((key) => tiles.get(key))
        .filter((t): t is T => t !== undefined),
    [tiles, keys],
  );
}
