/**
 * Geometry of the canvas as a large graph's static layers draw it: causal
 * links (a curve from the cause's top centre to the effect's bottom centre)
 * and, zoomed far out, the elements themselves as plain boxes. Both are
 * grouped into spatial tiles, so only what is near the view is drawn, and a
 * click finds the element or link under it without asking the browser to
 * hit-test thousands of SVG shapes.
 */
import type { TocLink, TocNode } from '../plan/schema';
import { NODE_SIZE } from './operations';

/** One link's curve and its bounding box (of the control polygon, so it holds the whole curve). */
export interface LinkPath {
  readonly id: string;
  readonly link: TocLink;
  /** SVG path data. */
  readonly d: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly bend: number;
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** An axis-aligned rectangle in canvas units. */
export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Links whose curves start in one square of the canvas, with the box that holds them all. */
export interface LinkTile extends Box {
  readonly key: string;
  readonly paths: readonly LinkPath[];
}

/** The curve of `link` between the two nodes. */
export function linkPath(link: TocLink, from: TocNode, to: TocNode): LinkPath {
  // Cause's top centre to effect's bottom centre, as the handles are.
  const x1 = from.position.x + NODE_SIZE.width / 2;
  const y1 = from.position.y;
  const x2 = to.position.x + NODE_SIZE.width / 2;
  const y2 = to.position.y + NODE_SIZE.height;
  const bend = Math.max(30, Math.abs(y1 - y2) / 2);
  return {
    id: link.id,
    link,
    d: `M${x1},${y1} C${x1},${y1 - bend} ${x2},${y2 + bend} ${x2},${y2}`,
    x1,
    y1,
    x2,
    y2,
    bend,
    minX: Math.min(x1, x2),
    maxX: Math.max(x1, x2),
    minY: Math.min(y1 - bend, y2),
    maxY: Math.max(y1, y2 + bend),
  };
}

type Cached = { from: TocNode; to: TocNode; path: LinkPath };

/**
 * Computes link curves, reusing the previous object for every link whose
 * link and end nodes are unchanged (plans change by structural sharing), so
 * consumers can compare by identity.
 */
export class LinkPathCache {
  private cache = new WeakMap<TocLink, Cached>();

  /** Curves of `links` (except those in `skip`), in link order; links with a missing end are left out. */
  paths(
    nodes: readonly TocNode[],
    links: readonly TocLink[],
    skip: ReadonlySet<string> = new Set(),
  ): LinkPath[] {
    const byId = new Map<string, TocNode>();
    for (const n of nodes) byId.set(n.id, n);
    const out: LinkPath[] = [];
    for (const link of links) {
      if (skip.has(link.id)) continue;
      const from = byId.get(link.source);
      const to = byId.get(link.target);
      if (!from || !to) continue;
      const hit = this.cache.get(link);
      if (hit && hit.from === from && hit.to === to) {
        out.push(hit.path);
        continue;
      }
      const path = linkPath(link, from, to);
      this.cache.set(link, { from, to, path });
      out.push(path);
    }
    return out;
  }
}

/**
 * Groups curves into tiles by the square (of `size` canvas units) their
 * start lies in. A tile equal in content to the one of the same key in
 * `previous` is returned as that same object, so a memoised tile component
 * re-renders only when its links changed.
 */
export function tileLinks(
  paths: readonly LinkPath[],
  size: number,
  previous?: ReadonlyMap<string, LinkTile>,
): Map<string, LinkTile> {
  const groups = new Map<string, LinkPath[]>();
  for (const p of paths) {
    const key = `${Math.floor(p.x1 / size)}:${Math.floor(p.y1 / size)}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(p);
  }
  const tiles = new Map<string, LinkTile>();
  for (const [key, group] of groups) {
    const old = previous?.get(key);
    if (old && old.paths.length === group.length && old.paths.every((p, i) => p === group[i])) {
      tiles.set(key, old);
      continue;
    }
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const p of group) {
      minX = Math.min(minX, p.minX);
      minY = Math.min(minY, p.minY);
      maxX = Math.max(maxX, p.maxX);
      maxY = Math.max(maxY, p.maxY);
    }
    tiles.set(key, { key, paths: group, minX, minY, maxX, maxY });
  }
  return tiles;
}

/** True when the two boxes overlap (touching counts). */
export function overlaps(a: Box, b: Box): boolean {
  return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

/**
 * The part of the canvas on screen, grown by `margin` times its size on every
 * side (so a short pan does not reveal an undrawn edge), from React Flow's
 * transform [x, y, zoom] and the pane's size in pixels.
 */
export function viewBox(
  transform: readonly [number, number, number],
  width: number,
  height: number,
  margin = 0.5,
): Box {
  const [tx, ty, zoom] = transform;
  const w = width / zoom;
  const h = height / zoom;
  const x = -tx / zoom;
  const y = -ty / zoom;
  return {
    minX: x - w * margin,
    minY: y - h * margin,
    maxX: x + w * (1 + margin),
    maxY: y + h * (1 + margin),
  };
}

/** Point on the curve at t (0 → 1). */
function pointAt(p: LinkPath, t: number): { x: number; y: number } {
  const u = 1 - t;
  // Control points: (x1, y1 - bend) and (x2, y2 + bend).
  const x = u * u * u * p.x1 + 3 * u * u * t * p.x1 + 3 * u * t * t * p.x2 + t * t * t * p.x2;
  const y =
    u * u * u * p.y1 +
    3 * u * u * t * (p.y1 - p.bend) +
    3 * u * t * t * (p.y2 + p.bend) +
    t * t * t * p.y2;
  return { x, y };
}

function segmentDistance(
  px: number,
  py: number,
  a: { x: number; y: number },
  b: { x: number; y: number },
): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / len));
  return Math.hypot(px - (a.x + t * dx), py - (a.y + t * dy));
}

/** Distance from a point to the curve (measured on a 32-segment polyline). */
export function distanceToPath(p: LinkPath, x: number, y: number): number {
  let best = Infinity;
  let prev = pointAt(p, 0);
  for (let i = 1; i <= 32; i++) {
    const next = pointAt(p, i / 32);
    best = Math.min(best, segmentDistance(x, y, prev, next));
    prev = next;
  }
  return best;
}

/** The link whose curve passes nearest to (x, y), within `tolerance` canvas units; null if none. */
export function linkAt(
  tiles: Iterable<LinkTile>,
  x: number,
  y: number,
  tolerance: number,
): LinkPath | null {
  const probe = {
    minX: x - tolerance,
    minY: y - tolerance,
    maxX: x + tolerance,
    maxY: y + tolerance,
  };
  let best: LinkPath | null = null;
  let bestDistance = tolerance;
  for (const tile of tiles) {
    if (!overlaps(tile, probe)) continue;
    for (const p of tile.paths) {
      if (!overlaps(p, probe)) continue;
      const distance = distanceToPath(p, x, y);
      if (distance <= bestDistance) {
        best = p;
        bestDistance = distance;
      }
    }
  }
  return best;
}

/** Elements whose top-left corner lies in one square of the canvas, with the box that holds them. */
export interface NodeTile extends Box {
  readonly key: string;
  readonly nodes: readonly TocNode[];
}

/**
 * Groups elements into tiles by the square (of `size` canvas units) their
 * top-left corner lies in, each as a NODE_SIZE box. A tile with the same
 * element objects as the one of the same key in `previous` is returned as
 * that object.
 */
export function tileNodes(
  nodes: readonly TocNode[],
  size: number,
  previous?: ReadonlyMap<string, NodeTile>,
): Map<string, NodeTile> {
  const groups = new Map<string, TocNode[]>();
  for (const n of nodes) {
    const key = `${Math.floor(n.position.x / size)}:${Math.floor(n.position.y / size)}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(n);
  }
  const tiles = new Map<string, NodeTile>();
  for (const [key, group] of groups) {
    const old = previous?.get(key);
    if (old && old.nodes.length === group.length && old.nodes.every((n, i) => n === group[i])) {
      tiles.set(key, old);
      continue;
    }
    tiles.set(key, { key, nodes: group, ...graphBounds(group) });
  }
  return tiles;
}

/** The box holding every element (each NODE_SIZE); a zero box at the origin when there are none. */
export function graphBounds(nodes: readonly TocNode[]): Box {
  if (nodes.length === 0) return { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const { position: p } of nodes) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + NODE_SIZE.width);
    maxY = Math.max(maxY, p.y + NODE_SIZE.height);
  }
  return { minX, minY, maxX, maxY };
}

/** The element drawn at (x, y), the last one in plan order when several overlap; null if none. */
export function nodeAt(
  tiles: Iterable<NodeTile>,
  x: number,
  y: number,
  order?: ReadonlyMap<string, number>,
): TocNode | null {
  let hit: TocNode | null = null;
  for (const tile of tiles) {
    if (x < tile.minX || x > tile.maxX || y < tile.minY || y > tile.maxY) continue;
    for (const node of tile.nodes) {
      const { x: nx, y: ny } = node.position;
      if (x < nx || x > nx + NODE_SIZE.width || y < ny || y > ny + NODE_SIZE.height) continue;
      if (!hit || (order && (order.get(node.id) ?? 0) > (order.get(hit.id) ?? 0))) hit = node;
    }
  }
  return hit;
}

/** Elements whose box overlaps `box`. */
export function nodesIn(tiles: Iterable<NodeTile>, box: Box): TocNode[] {
  const found: TocNode[] = [];
  for (const tile of tiles) {
    if (!overlaps(tile, box)) continue;
    for (const node of tile.nodes) {
      const { x, y } = node.position;
      if (
        overlaps({ minX: x, minY: y, maxX: x + NODE_SIZE.width, maxY: y + NODE_SIZE.height }, box)
      )
        found.push(node);
    }
  }
  return found;
}

/**
 * The viewport ({x, y, zoom}) that shows `box` in a pane of `width` ×
 * `height` pixels with `padding` (a share of the pane) around it, at a zoom
 * between `minZoom` and `maxZoom`.
 */
export function fitViewport(
  box: Box,
  width: number,
  height: number,
  { padding = 0.1, minZoom = 0.02, maxZoom = 1 } = {},
): { x: number; y: number; zoom: number } {
  const w = Math.max(1, box.maxX - box.minX);
  const h = Math.max(1, box.maxY - box.minY);
  const zoom = Math.min(
    maxZoom,
    Math.max(minZoom, Math.min((width * (1 - padding)) / w, (height * (1 - padding)) / h)),
  );
  return {
    x: width / 2 - ((box.minX + box.maxX) / 2) * zoom,
    y: height / 2 - ((box.minY + box.maxY) / 2) * zoom,
    zoom,
  };
}

/** One SVG path that draws several shapes of the same look. */
export interface MergedPath {
  /** What the shapes have in common (a CSS class suffix, stable per look). */
  readonly look: string;
  readonly d: string;
}

/**
 * The links of a tile as a few merged paths, one per look (evidence and
 * whether a rationale is given), plus their arrowheads per colour. The
 * browser then paints and layers a handful of shapes per tile instead of
 * one per link: with thousands of shapes, re-layering the page on each
 * frame of a drag cost milliseconds.
 */
export function mergeLinkPaths(paths: readonly LinkPath[]): MergedPath[] {
  const curves = new Map<string, string[]>();
  const heads = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, d: string) => {
    const list = map.get(key);
    if (list) list.push(d);
    else map.set(key, [d]);
  };
  for (const p of paths) {
    const colour = p.link.rationale ? 'explained' : 'unexplained';
    push(curves, `${p.link.evidence} ${colour}`, p.d);
    // Every curve arrives at the effect's bottom edge going up.
    push(heads, `head ${colour}`, `M${p.x2},${p.y2}l-5,9h10z`);
  }
  return [...curves, ...heads].map(([look, parts]) => ({ look, d: parts.join('') }));
}

/** Corner radius per kind, as the canvas draws elements. */
const CORNER: Partial<Record<TocNode['kind'], number>> = { outcome: 22, intervention: 4 };

/** The look of an element box: its kind, and for outcomes the horizon. */
export function nodeLook(node: Pick<TocNode, 'kind' | 'horizon'>): string {
  return node.kind === 'outcome' ? `outcome ${node.horizon ?? 'short'}` : node.kind;
}

/** The elements of a tile as one merged path of rounded boxes per look. */
export function mergeNodePaths(nodes: readonly TocNode[]): MergedPath[] {
  const { width: w, height: h } = NODE_SIZE;
  const groups = new Map<string, string[]>();
  for (const node of nodes) {
    const r = CORNER[node.kind] ?? 8;
    const { x, y } = node.position;
    const box =
      `M${x + r},${y}h${w - 2 * r}a${r},${r} 0 0 1 ${r},${r}v${h - 2 * r}` +
      `a${r},${r} 0 0 1 ${-r},${r}h${2 * r - w}a${r},${r} 0 0 1 ${-r},${-r}` +
      `v${2 * r - h}a${r},${r} 0 0 1 ${r},${-r}z`;
    const look = nodeLook(node);
    const list = groups.get(look);
    if (list) list.push(box);
    else groups.set(look, [box]);
  }
  return [...groups].map(([look, parts]) => ({ look, d: parts.join('') }));
}
