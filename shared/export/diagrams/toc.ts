/**
 * The theory of change as a diagram: each element where the planner put it
 * on the canvas, kind shown by border style and a label (so it reads in
 * greyscale), links as arrows from cause to effect.
 */
import type { Plan, TocNode } from '../../plan/schema';
import { englishLocale, type DocLocale } from '../locale';
import { termsOf } from '../terms';
import { NODE_SIZE } from '../../toc/operations';
import { GREYS, wrapText, type DiagramScene, type Shape } from './scene';

const PAD = 16;
const TITLE_SIZE = 12.5;
const LABEL_SIZE = 11;
const LINE_HEIGHT = 15;

/** Border and fill per kind: greyscale-readable, the label says the rest. */
const KIND_STYLE: Record<
  TocNode['kind'],
  { fill: string; stroke: string; width: number; dash: number[] }
> = {
  impact: { fill: GREYS.fillDark, stroke: GREYS.ink, width: 3, dash: [] },
  outcome: { fill: GREYS.fill, stroke: GREYS.ink, width: 1.5, dash: [] },
  precondition: { fill: GREYS.fillLight, stroke: GREYS.ink, width: 1.5, dash: [7, 4] },
  intervention: { fill: GREYS.white, stroke: GREYS.ink, width: 2.5, dash: [] },
  assumption: { fill: GREYS.white, stroke: GREYS.muted, width: 1.5, dash: [2, 3] },
  externalFactor: { fill: GREYS.white, stroke: GREYS.muted, width: 1.5, dash: [10, 3, 2, 3] },
};

/** Where a line from the centre of a box towards (tx, ty) leaves the box. */
function boxExit(
  cx: number,
  cy: number,
  tx: number,
  ty: number,
  halfW: number,
  halfH: number,
): [number, number] {
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const scale = 1 / Math.max(Math.abs(dx) / halfW, Math.abs(dy) / halfH);
  return [cx + dx * scale, cy + dy * scale];
}

/**
 * The theory-of-change diagram. `labels: false` leaves titles out — used for
 * very large graphs, whose text would be unreadable at page size anyway.
 */
export function tocScene(
  plan: Plan,
  labels = true,
  loc: DocLocale = englishLocale(),
): DiagramScene {
  const terms = termsOf(loc);
  const { nodes, links } = plan.theoryOfChange;
  const { width: W, height: H } = NODE_SIZE;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    minX = Math.min(minX, n.position.x);
    minY = Math.min(minY, n.position.y);
    maxX = Math.max(maxX, n.position.x + W);
    maxY = Math.max(maxY, n.position.y + H);
  }
  if (nodes.length === 0) {
    minX = minY = 0;
    maxX = W;
    maxY = H;
  }
  const ox = PAD - minX;
  const oy = PAD - minY;
  const shapes: Shape[] = [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // Links first, so boxes sit on top of the lines.
  for (const link of links) {
    const s = byId.get(link.source);
    const t = byId.get(link.target);
    if (!s || !t) continue;
    const sx = s.position.x + ox + W / 2;
    const sy = s.position.y + oy + H / 2;
    const tx = t.position.x + ox + W / 2;
    const ty = t.position.y + oy + H / 2;
    const [x1, y1] = boxExit(sx, sy, tx, ty, W / 2, H / 2);
    const [x2, y2] = boxExit(tx, ty, sx, sy, W / 2 + 2, H / 2 + 2);
    shapes.push({
      type: 'line',
      x1,
      y1,
      x2,
      y2,
      stroke: GREYS.line,
      strokeWidth: 1.4,
      arrow: true,
    });
  }
  for (const n of nodes) {
    const style = KIND_STYLE[n.kind];
    const x = n.position.x + ox;
    const y = n.position.y + oy;
    shapes.push({
      type: 'rect',
      x,
      y,
      width: W,
      height: H,
      radius: n.kind === 'intervention' ? 0 : 8,
      fill: style.fill,
      stroke: style.stroke,
      strokeWidth: style.width,
      dash: style.dash,
    });
    if (!labels) continue;
    shapes.push({
      type: 'text',
      x: x + 10,
      y: y + 16,
      // Against the right edge when it reads right to left (textPlacement).
      lineWidth: W - 20,
      text: terms.tocKind(n).toLocaleUpperCase(loc.language),
      size: LABEL_SIZE,
      bold: true,
      fill: GREYS.muted,
    });
    const lines = wrapText(n.title || loc.d('diagrams.untitled'), W - 20, TITLE_SIZE, 4);
    lines.forEach((line, i) =>
      shapes.push({
        type: 'text',
        x: x + 10,
        y: y + 33 + i * LINE_HEIGHT,
        lineWidth: W - 20,
        text: line,
        size: TITLE_SIZE,
        bold: n.kind === 'impact',
        fill: GREYS.ink,
      }),
    );
  }
  return {
    width: maxX - minX + PAD * 2,
    height: maxY - minY + PAD * 2,
    shapes,
    alt: loc.d('diagrams.tocAlt', { elements: nodes.length, links: links.length }),
  };
}
