/**
 * Maps the domain graph (plan.theoryOfChange) to React Flow nodes and edges.
 * Plans change by structural sharing, so an unchanged domain node keeps its
 * React Flow node object: React Flow then re-renders only what changed.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { AssumptionStatus, TocLink, TocNode } from '../../../../shared/plan/schema';
import { i18n } from '../../i18n/i18n';
import { fillable, tocKindLabel } from './labels';

/** Data carried by a canvas node: the domain node itself. */
export type TocFlowNode = Node<{ node: TocNode }, 'toc'>;
/** Data carried by a canvas edge: the domain link and the two titles (for its label). */
export type TocFlowEdge = Edge<{ link: TocLink }>;

/** An assumption's status at the latest review, by node id (see shared/manage/reviews.ts). */
export type AssumptionStatusOf = ReadonlyMap<string, { readonly status: AssumptionStatus }>;

/**
 * Screen-reader names of nodes in the UI's language ("Outcome: Graduates
 * hired"); an assumption says how it stood at the latest review. The
 * messages are read once per sync, not once per node.
 */
function nodeNamer(): (node: TocNode, statuses?: AssumptionStatusOf) => string {
  const name = fillable((slots) => i18n.t('toc:canvas.nodeName', slots), ['kind', 'title']);
  const withStatus = new Map<AssumptionStatus, (...values: string[]) => string>();
  const untitled = i18n.t('toc:untitledLower');
  return (node, statuses) => {
    const kind = tocKindLabel(node);
    const title = node.title || untitled;
    const status = node.kind === 'assumption' ? statuses?.get(node.id)?.status : undefined;
    if (!status) return name(kind, title);
    let named = withStatus.get(status);
    if (!named) {
      named = fillable(
        (slots) => i18n.t('toc:canvas.nodeNameWithStatus', { ...slots, status }),
        ['kind', 'title'],
      );
      withStatus.set(status, named);
    }
    return named(kind, title);
  };
}

/**
 * Canvas nodes for the domain nodes, reusing `previous` objects whose domain
 * node is unchanged (keeping their selection and measured size). `relabel`
 * names every node again (the UI's language changed).
 */
export function syncFlowNodes(
  previous: readonly TocFlowNode[],
  nodes: readonly TocNode[],
  statuses?: AssumptionStatusOf,
  relabel = false,
): TocFlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  const nodeAriaLabel = nodeNamer();
  return nodes.map((node) => {
    const old = byId.get(node.id);
    // Only an assumption's name can change without the node changing (a review marks it).
    const label = node.kind === 'assumption' || relabel ? nodeAriaLabel(node, statuses) : null;
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

/** Accessible names of links in the UI's language: where each runs, "From → To". */
export function linkNamer(): (fromTitle: string, toTitle: string) => string {
  const name = fillable((slots) => i18n.t('toc:canvas.linkName', slots), ['from', 'to']);
  const untitled = i18n.t('toc:untitled');
  return (fromTitle, toTitle) => name(fromTitle || untitled, toTitle || untitled);
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
  const linkName = linkNamer();
  const described = fillable((slots) => i18n.t('toc:canvas.linkRationale', slots), ['rationale']);
  const noRationale = i18n.t('toc:canvas.linkNoRationale');
  return links.map((link) => {
    const old = byId.get(link.id);
    const name = linkName(titleOf(link.source), titleOf(link.target));
    const description = link.rationale ? described(link.rationale) : noRationale;
    if (
      old &&
      old.data?.link === link &&
      old.ariaLabel === name &&
      old.domAttributes?.['aria-description'] === description
    )
      return old;
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
      domAttributes: { 'aria-description': description },
      className: link.rationale ? undefined : 'toc-edge-no-rationale',
    };
  });
}
