/**
 * For large graphs, the links that are not being edited are drawn here as
 * plain SVG instead of as React Flow edges: each React Flow edge recomputes
 * its geometry on every store update (every pointer move of a drag), which
 * at a thousand links costs more than a frame. Links touching the selection
 * stay live React Flow edges, so dragging shows them following the pointer.
 *
 * The layer is cheap on drag frames by construction:
 * - links are grouped in spatial tiles (shared/toc/link-geometry) and only
 *   the tiles near the view are in the DOM; each tile is memoised and
 *   re-renders only when one of its links or their ends changes;
 * - the layer is its own compositor layer (toc.css), so moving the dragged
 *   element never repaints it;
 * - it takes no pointer events: the browser would hit-test every curve on
 *   every pointer move. A click on the empty canvas asks `pickRef` instead.
 */
import { memo, useEffect, useMemo, useRef, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { TocLink, TocNode } from '../../../../shared/plan/schema';
import {
  LinkPathCache,
  linkAt,
  mergeLinkPaths,
  tileLinks,
  type LinkTile,
} from '../../../../shared/toc/canvas-geometry';
import { useViewportPortal, useVisibleTiles } from './static-layer';

/** Side of a tile in canvas units (a few element widths). */
const TILE_SIZE = 1200;
/** Room around a tile for the stroke and the arrowhead. */
const PAD = 16;

/** Finds the link drawn at a canvas point (within `tolerance` canvas units). */
export type PickLink = (x: number, y: number, tolerance: number) => string | null;

const Tile = memo(function Tile({ tile }: { tile: LinkTile }) {
  const x = tile.minX - PAD;
  const y = tile.minY - PAD;
  const width = tile.maxX - tile.minX + 2 * PAD;
  const height = tile.maxY - tile.minY + 2 * PAD;
  const paths = useMemo(() => mergeLinkPaths(tile.paths), [tile]);
  return (
    <svg
      className="toc-static-tile"
      style={{ left: x, top: y }}
      width={width}
      height={height}
      viewBox={`${x} ${y} ${width} ${height}`}
    >
      {paths.map(({ look, d }) => (
        <path key={look} d={d} className={`toc-static-link ${look}`} />
      ))}
    </svg>
  );
});

/** The static link layer. */
export const StaticLinks = memo(function StaticLinks(props: {
  nodes: readonly TocNode[];
  links: readonly TocLink[];
  /** Links drawn live by React Flow instead. */
  live: ReadonlySet<string>;
  /** Filled with a function that finds the link at a canvas point. */
  pickRef: RefObject<PickLink | null>;
}) {
  const { nodes, links, live, pickRef } = props;
  const cache = useRef<LinkPathCache>(null);
  const previous = useRef<Map<string, LinkTile>>(undefined);
  const tiles = useMemo(() => {
    cache.current ??= new LinkPathCache();
    const next = tileLinks(cache.current.paths(nodes, links, live), TILE_SIZE, previous.current);
    previous.current = next;
    return next;
  }, [nodes, links, live]);

  useEffect(() => {
    pickRef.current = (x, y, tolerance) => linkAt(tiles.values(), x, y, tolerance)?.id ?? null;
    return () => {
      pickRef.current = null;
    };
  }, [pickRef, tiles]);

  const visible = useVisibleTiles(tiles);
  const portal = useViewportPortal();
  if (!portal) return null;

  return createPortal(
    <div className="toc-static-links" aria-hidden="true">
      {visible.map((tile) => (
        <Tile key={tile.key} tile={tile} />
      ))}
    </div>,
    portal,
  );
});
