/**
 * Automatic layout of the theory of change with ELK's layered algorithm:
 * the impact at the top, outcomes by horizon below it, interventions at the
 * bottom; notes (assumptions, external factors) in a row underneath. ELK is
 * passed in, so this module stays pure (tests use the bundled build, the app
 * runs ELK in a Web Worker).
 */
import type { Plan } from '../plan/schema';
import { isNoteKind } from './kinds';
import { NODE_SIZE } from './operations';

/** The part of the ELK graph format we use. */
export interface ElkGraph {
  id: string;
  layoutOptions?: Record<string, string>;
  children?: {
    id: string;
    width: number;
    height: number;
    x?: number;
    y?: number;
    layoutOptions?: Record<string, string>;
  }[];
  edges?: { id: string; sources: string[]; targets: string[] }[];
}

/** Anything with ELK's `layout` method. */
export interface ElkLike {
  layout(graph: ElkGraph): Promise<ElkGraph>;
}

type Toc = Plan['theoryOfChange'];
type Point = { x: number; y: number };

const GAP = 60;

/** Vertical order of kinds when ELK has no links to go by (lower = higher on screen). */
const RANK: Record<string, number> = { impact: 0, outcome: 1, precondition: 2, intervention: 3 };

/**
 * New positions for the given nodes (all nodes when `only` is omitted). A
 * laid-out selection keeps its top-left corner where it was.
 */
export async function layoutTheoryOfChange(
  elk: ElkLike,
  toc: Toc,
  only?: ReadonlySet<string>,
): Promise<Map<string, Point>> {
  const chosen = toc.nodes.filter((n) => !only || only.has(n.id));
  const pathway = chosen.filter((n) => !isNoteKind(n.kind));
  const notes = chosen.filter((n) => isNoteKind(n.kind));
  const ids = new Set(pathway.map((n) => n.id));
  const result = new Map<string, Point>();

  if (pathway.length > 0) {
    const graph = await elk.layout({
      id: 'toc',
      layoutOptions: {
        'elk.algorithm': 'layered',
        // Links point from cause to effect; effects (the impact) go on top.
        'elk.direction': 'UP',
        'elk.layered.spacing.nodeNodeBetweenLayers': '70',
        'elk.spacing.nodeNode': '36',
        'elk.spacing.componentComponent': '60',
        'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
        'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
        'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      },
      children: [...pathway]
        .sort((a, b) => (RANK[a.kind] ?? 9) - (RANK[b.kind] ?? 9))
        .map((n) => ({ id: n.id, width: NODE_SIZE.width, height: NODE_SIZE.height })),
      edges: toc.links
        .filter((l) => ids.has(l.source) && ids.has(l.target))
        .map((l) => ({ id: l.id, sources: [l.source], targets: [l.target] })),
    });
    for (const child of graph.children ?? [])
      result.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  }

  // Notes go in rows under the pathway, as wide as it is.
  const bottom = Math.max(0, ...[...result.values()].map((p) => p.y + NODE_SIZE.height));
  const right = Math.max(
    NODE_SIZE.width * 4,
    ...[...result.values()].map((p) => p.x + NODE_SIZE.width),
  );
  const perRow = Math.max(1, Math.floor((right + GAP) / (NODE_SIZE.width + GAP)));
  notes.forEach((note, i) => {
    result.set(note.id, {
      x: (i % perRow) * (NODE_SIZE.width + GAP),
      y: bottom + GAP * 1.5 + Math.floor(i / perRow) * (NODE_SIZE.height + GAP / 2),
    });
  });

  // Keep a laid-out selection where it was; a full layout starts at the origin.
  const anchor = only
    ? {
        x: Math.min(...chosen.map((n) => n.position.x)),
        y: Math.min(...chosen.map((n) => n.position.y)),
      }
    : { x: 0, y: 0 };
  const minX = Math.min(...[...result.values()].map((p) => p.x));
  const minY = Math.min(...[...result.values()].map((p) => p.y));
  for (const [id, p] of result) {
    result.set(id, { x: Math.round(p.x - minX + anchor.x), y: Math.round(p.y - minY + anchor.y) });
  }
  return result;
}
