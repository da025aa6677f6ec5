/**
 * Level of detail for large graphs zoomed far out, where elements are
 * plain shapes without text: the elements are drawn here as SVG boxes
 * instead of as React Flow nodes. Thousands of mounted React Flow nodes cost
 * on every pointer move of a drag (a store selector per node and per
 * handle, React walking every sibling, the browser re-layering every
 * element's paint chunk); boxes in a few memoised tiles on their own
 * compositor layer cost nothing while nothing changes.
 *
 * Only the selection and its neighbours stay React Flow nodes (so they can
 * be dragged, moved with the keyboard, and their links drawn live). The
 * editor finds the box under a click or a press, or inside a selection
 * rectangle, with `pickRef` and selects it (which makes it a node).
 */
import { memo, useEffect, useMemo, useRef, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { TocNode } from '../../../../shared/plan/schema';
import {
  mergeNodePaths,
  nodeAt,
  nodesIn,
  tileNodes,
  type Box,
  type NodeTile,
} from '../../../../shared/toc/canvas-geometry';
import { NODE_SIZE } from '../../../../shared/toc/operations';
import { useViewportPortal, useVisibleTiles } from './static-layer';

/** Side of a tile in canvas units. */
const TILE_SIZE = 1200;
/** Room around a tile for the border. */
const PAD = 4;

/** Finds drawn elements: at a canvas point, or wholly inside a canvas box. */
export interface PickNode {
  at(x: number, y: number): TocNode | null;
  inside(box: Box): TocNode[];
}

const Tile = memo(function Tile({ tile }: { tile: NodeTile }) {
  const x = tile.minX - PAD;
  const y = tile.minY - PAD;
  const width = tile.maxX - tile.minX + 2 * PAD;
  const height = tile.maxY - tile.minY + 2 * PAD;
  const paths = useMemo(() => mergeNodePaths(tile.nodes), [tile]);
  return (
    <svg
      className="toc-static-tile"
      style={{ left: x, top: y }}
      width={width}
      height={height}
      viewBox={`${x} ${y} ${width} ${height}`}
    >
      {paths.map(({ look, d }) => (
        <path key={look} d={d} className={`toc-static-node ${look}`} />
      ))}
    </svg>
  );
});

/** The static element layer (far zoom, large graphs). */
export const StaticNodes = memo(function StaticNodes(props: {
  nodes: readonly TocNode[];
  /** Elements drawn as React Flow nodes instead. */
  live: ReadonlySet<string>;
  /** Filled with a function that finds the element at a canvas point. */
  pickRef: RefObject<PickNode | null>;
}) {
  const { nodes, live, pickRef } = props;
  const previous = useRef<Map<string, NodeTile>>(undefined);
  const tiles = useMemo(() => {
    const shown = live.size ? nodes.filter((n) => !live.has(n.id)) : nodes;
    const next = tileNodes(shown, TILE_SIZE, previous.current);
    previous.current = next;
    return next;
  }, [nodes, live]);

  useEffect(() => {
    pickRef.current = {
      at: (x, y) => nodeAt(tiles.values(), x, y),
      inside: (box) =>
        nodesIn(tiles.values(), box).filter(
          ({ position: p }) =>
            p.x >= box.minX &&
            p.y >= box.minY &&
            p.x + NODE_SIZE.width <= box.maxX &&
            p.y + NODE_SIZE.height <= box.maxY,
        ),
    };
    return () => {
      pickRef.current = null;
    };
  }, [pickRef, tiles]);

  const visible = useVisibleTiles(tiles);
  const portal = useViewportPortal();
  if (!portal) return null;
  return createPortal(
    <div className="toc-static-nodes" aria-hidden="true">
      {visible.map((tile) => (
        <Tile key={tile.key} tile={tile} />
      ))}
    </div>,
    portal,
  );
});
