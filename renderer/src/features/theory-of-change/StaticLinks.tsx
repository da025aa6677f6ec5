/**
 * For large graphs, the links that are not being edited are drawn here as
 * one plain SVG layer instead of as React Flow edges. Each React Flow edge
 * recomputes its geometry on every store update (every pointer move of a
 * drag), which at a thousand links costs more than a frame; this layer
 * re-renders only when the plan changes. Links touching the selection stay
 * live React Flow edges, so dragging shows them following the pointer.
 */
import { ViewportPortal } from '@xyflow/react';
import { memo } from 'react';
import type { TocLink, TocNode } from '../../../../shared/plan/schema';
import { NODE_SIZE } from '../../../../shared/toc/operations';

const DASH: Record<TocLink['evidence'], string | undefined> = {
  strong: undefined,
  moderate: undefined,
  weak: '8 5',
  none: '2 4',
};

/** The static link layer. */
export const StaticLinks = memo(function StaticLinks(props: {
  nodes: readonly TocNode[];
  links: readonly TocLink[];
  /** Links drawn live by React Flow instead. */
  live: ReadonlySet<string>;
  onSelect: (linkId: string) => void;
}) {
  const byId = new Map(props.nodes.map((n) => [n.id, n]));
  return (
    <ViewportPortal>
      <svg className="toc-static-links" aria-hidden="true" width="1" height="1">
        <defs>
          <marker
            id="toc-static-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill="#8a94a6" />
          </marker>
        </defs>
        {props.links.map((link) => {
          if (props.live.has(link.id)) return null;
          const from = byId.get(link.source);
          const to = byId.get(link.target);
          if (!from || !to) return null;
          // Cause's top centre to effect's bottom centre, as the handles are.
          const x1 = from.position.x + NODE_SIZE.width / 2;
          const y1 = from.position.y;
          const x2 = to.position.x + NODE_SIZE.width / 2;
          const y2 = to.position.y + NODE_SIZE.height;
          const bend = Math.max(30, Math.abs(y1 - y2) / 2);
          return (
            <path
              key={link.id}
              d={`M${x1},${y1} C${x1},${y1 - bend} ${x2},${y2 + bend} ${x2},${y2}`}
              className={link.rationale ? 'toc-static-link' : 'toc-static-link no-rationale'}
              strokeWidth={link.evidence === 'strong' ? 3 : 2}
              strokeDasharray={DASH[link.evidence]}
              markerEnd="url(#toc-static-arrow)"
              onClick={() => props.onSelect(link.id)}
            />
          );
        })}
      </svg>
    </ViewportPortal>
  );
});
