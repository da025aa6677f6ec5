/**
 * Maps the domain graph (plan.theoryOfChange) to React Flow nodes and edges.
 * Plans change by structural sharing, so an unchanged domain node keeps its
 * React Flow node object: React Flow then re-renders only what changed.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { ASSUMPTION_STATUS_LABEL } from '../../../../shared/manage/reviews';
import type { AssumptionStatus, TocLink, TocNode } from '../../../../shared/plan/schema';
import { kindLabel } from '../../../../shared/toc/kinds';

/** Data carried by a canvas node: the domain node itself. */
export type TocFlowNode = Node<{ node: TocNode }, 'toc'>;
/** Data carried by a canvas edge: the domain link and the two titles (for its label). */
export type TocFlowEdge = Edge<{ link: TocLink }>;

/** An assumption's status at the latest review, by node id (see shared/manage/reviews.ts). */
export type AssumptionStatusOf = ReadonlyMap<string, { readonly status: AssumptionStatus }>;

/** Screen-reader name of a node; an assumption says how it stood at the latest review. */
function nodeAriaLabel(node: TocNode, statuses?: AssumptionStatusOf): string {
  const name = `${kindLabel(node)}: ${node.title || 'untitled'}`;
  const status = node.kind === 'assumption' ? statuses?.get(node.id)?.status : undefined;
  return status
    ? `${name} (${ASSUMPTION_STATUS_LABEL[status].toLowerCase()} at the latest review)`
    : name;
}

/**
 * Canvas nodes for the domain nodes, reusing `previous` objects whose domain
 * node is unchanged (keeping their selection and measured size).
 */
export function syncFlowNodes(
  previous: readonly TocFlowNode[],
  nodes: readonly TocNode[],
  statuses?: AssumptionStatusOf,
): TocFlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  return nodes.map((node) => {
    const old = byId.get(node.id);
    // Only an assumption's name can change without the node changing (a review marks it).
    const label = node.kind === 'assumption' ? nodeAriaLabel(node, statuses) : null;
    if (old && old.data.node === node && (label === null || old.ariaLabel === label)) return old;
    return {
      id: node.id,
      type: 'toc',
      position: node.position,
      data: { node },
      ariaLabel: label ?? nodeAriaLabel(node),
      selected: old?.selected ?? false,
      ...(old?.measured ? { measured: old.measured } : {}),
    };
  });
}

/**
 * Link colour: at least 3:1 against the canvas so a link reads as a line,
 * whatever its evidence (WCAG 1.4.11) — the theme's --toc-link token
 * (theme/themes.css; #5b6577 on #f8f9fb, about 5.6:1, in the light theme).
 */
export const LINK_STROKE = 'var(--toc-link)';

const EVIDENCE_STROKE: Record<
  TocLink['evidence'],
  { stroke: string; strokeWidth: number; strokeDasharray?: string }
> = {
  strong: { stroke: LINK_STROKE, strokeWidth: 3 },
  moderate: { stroke: LINK_STROKE, strokeWidth: 2 },
  weak: { stroke: LINK_STROKE, strokeWidth: 2, strokeDasharray: '8 5' },
  none: { stroke: LINK_STROKE, strokeWidth: 2, strokeDasharray: '3 4' },
};

/** A link's accessible name: where it runs, "From → To". */
export function linkName(fromTitle: string, toTitle: string): string {
  return `${fromTitle || 'Untitled'} → ${toTitle || 'Untitled'}`;
}

/**
 * Canvas edges for the domain links, reusing unchanged ones. A link is named
 * by its ends ("From → To", so a renamed element renames its links); its
 * rationale is its description.
 */
export function syncFlowEdges(
  previous: readonly TocFlowEdge[],
  links: readonly TocLink[],
  titleOf: (id: string) => string,
): TocFlowEdge[] {
  const byId = new Map(previous.map((e) => [e.id, e]));
  return links.map((link) => {
    const old = byId.get(link.id);
    const name = linkName(titleOf(link.source), titleOf(link.target));
    if (old && old.data?.link === link && old.ariaLabel === name) return old;
    return {
      id: link.id,
      source: link.source,
      target: link.target,
      type: 'default',
      data: { link },
      selected: old?.selected ?? false,
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: LINK_STROKE },
      style: EVIDENCE_STROKE[link.evidence],
      ariaLabel: name,
      domAttributes: {
        'aria-description': link.rationale
          ? `Link. Rationale: ${link.rationale}`
          : 'Link without rationale',
      },
      className: link.rationale ? undefined : 'toc-edge-no-rationale',
    };
  });
}
