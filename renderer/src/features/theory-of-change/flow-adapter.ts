/**
 * Maps the domain graph (plan.theoryOfChange) to React Flow nodes and edges.
 * Plans change by structural sharing, so an unchanged domain node keeps its
 * React Flow node object: React Flow then re-renders only what changed.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { TocLink, TocNode } from '../../../../shared/plan/schema';
import { kindLabel } from '../../../../shared/toc/kinds';

/** Data carried by a canvas node: the domain node itself. */
export type TocFlowNode = Node<{ node: TocNode }, 'toc'>;
/** Data carried by a canvas edge: the domain link and the two titles (for its label). */
export type TocFlowEdge = Edge<{ link: TocLink }>;

/** Screen-reader name of a node. */
function nodeAriaLabel(node: TocNode): string {
  return `${kindLabel(node)}: ${node.title || 'untitled'}`;
}

/**
 * Canvas nodes for the domain nodes, reusing `previous` objects whose domain
 * node is unchanged (keeping their selection and measured size).
 */
export function syncFlowNodes(
  previous: readonly TocFlowNode[],
  nodes: readonly TocNode[],
): TocFlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  return nodes.map((node) => {
    const old = byId.get(node.id);
    if (old && old.data.node === node) return old;
    return {
      id: node.id,
      type: 'toc',
      position: node.position,
      data: { node },
      ariaLabel: nodeAriaLabel(node),
      selected: old?.selected ?? false,
      ...(old?.measured ? { measured: old.measured } : {}),
    };
  });
}

const EVIDENCE_STROKE: Record<
  TocLink['evidence'],
  { strokeWidth: number; strokeDasharray?: string }
> = {
  strong: { strokeWidth: 3 },
  moderate: { strokeWidth: 2 },
  weak: { strokeWidth: 2, strokeDasharray: '8 5' },
  none: { strokeWidth: 1.5, strokeDasharray: '2 4' },
};

/** Canvas edges for the domain links, reusing unchanged ones. */
export function syncFlowEdges(
  previous: readonly TocFlowEdge[],
  links: readonly TocLink[],
): TocFlowEdge[] {
  const byId = new Map(previous.map((e) => [e.id, e]));
  return links.map((link) => {
    const old = byId.get(link.id);
    if (old && old.data?.link === link) return old;
    return {
      id: link.id,
      source: link.source,
      target: link.target,
      type: 'default',
      data: { link },
      selected: old?.selected ?? false,
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
      style: EVIDENCE_STROKE[link.evidence],
      ariaLabel: link.rationale ? `Link: ${link.rationale}` : 'Link without rationale',
      className: link.rationale ? undefined : 'toc-edge-no-rationale',
    };
  });
}
