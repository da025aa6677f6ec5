/**
 * The logic model as a diagram: the six chain lanes as columns left to
 * right (inputs → impact), items stacked in plan order, arrows between
 * linked items; assumptions and external factors in a strip underneath.
 */
import type { LogicItem, Plan } from '../../plan/schema';
import { CHAIN_LANES, NOTE_LANES } from '../../logic-model/lanes';
import { GREYS, wrapText, type DiagramScene, type Shape } from './scene';
import { englishLocale, type DocLocale } from '../locale';
import { termsOf } from '../terms';

const COL = 144;
const GAP = 24;
const PAD = 16;
const HEAD = 44;
const SIZE = 11.5;
const LINE = 14;
const MAX_LINES = 6;

const byOrder = (a: LogicItem, b: LogicItem) => a.order - b.order;

/** The logic-model diagram; `labels: false` draws empty boxes (very large models). */
export function logicModelScene(
  plan: Plan,
  labels = true,
  loc: DocLocale = englishLocale(),
): DiagramScene {
  const terms = termsOf(loc);
  const items = plan.logicModel.items;
  const shapes: Shape[] = [];
  const boxes = new Map<string, { x: number; y: number; w: number; h: number }>();
  let bottom = 0;
  CHAIN_LANES.forEach((lane, col) => {
    const x = PAD + col * (COL + GAP);
    shapes.push(
      { type: 'rect', x, y: PAD, width: COL, height: HEAD - 8, radius: 4, fill: GREYS.ink },
      {
        type: 'text',
        x: x + COL / 2,
        y: PAD + 23,
        text:
          lane.id === 'longTermOutcome' ? loc.d('diagrams.longTermOutcomes') : terms.lane(lane.id),
        size: 12,
        bold: true,
        anchor: 'middle',
        fill: GREYS.white,
      },
    );
    let y = PAD + HEAD + 4;
    for (const item of items.filter((i) => i.lane === lane.id).sort(byOrder)) {
      const lines = labels
        ? wrapText(item.title || loc.d('diagrams.untitled'), COL - 16, SIZE, MAX_LINES)
        : [];
      const h = labels ? 12 + lines.length * LINE : 26;
      shapes.push({
        type: 'rect',
        x,
        y,
        width: COL,
        height: h,
        radius: 4,
        fill: col >= 3 ? GREYS.fill : GREYS.white,
        stroke: GREYS.ink,
        strokeWidth: col >= 3 ? 1.6 : 1.1,
        // Outputs are "counted things": a dashed border tells them apart in greyscale.
        dash: lane.id === 'output' ? [6, 3] : [],
      });
      lines.forEach((text, i) =>
        shapes.push({
          type: 'text',
          x: x + 8,
          y: y + 17 + i * LINE,
          lineWidth: COL - 16,
          text,
          size: SIZE,
          fill: GREYS.ink,
        }),
      );
      boxes.set(item.id, { x, y, w: COL, h });
      y += h + 10;
    }
    bottom = Math.max(bottom, y);
  });
  const arrows: Shape[] = [];
  for (const link of plan.logicModel.links) {
    const s = boxes.get(link.source);
    const t = boxes.get(link.target);
    if (!s || !t || s.x === t.x) continue;
    const forward = t.x > s.x;
    arrows.push({
      type: 'line',
      x1: forward ? s.x + s.w : s.x,
      y1: s.y + s.h / 2,
      x2: forward ? t.x - 1 : t.x + t.w + 1,
      y2: t.y + t.h / 2,
      stroke: GREYS.line,
      strokeWidth: 1.1,
      arrow: true,
    });
  }
  shapes.unshift(...arrows);

  const width = PAD * 2 + CHAIN_LANES.length * COL + (CHAIN_LANES.length - 1) * GAP;
  const y = bottom + 14;
  const notes = NOTE_LANES.map((lane) => ({
    lane,
    items: items.filter((i) => i.lane === lane.id).sort(byOrder),
  })).filter((n) => n.items.length > 0);
  const noteWidth = (width - PAD * 2 - GAP) / 2;
  let noteBottom = y;
  notes.forEach(({ lane, items: laneItems }, i) => {
    const x = PAD + i * (noteWidth + GAP);
    const texts = labels
      ? laneItems.flatMap((item) => wrapText(`• ${item.title}`, noteWidth - 20, SIZE, 2))
      : [];
    const h = 30 + Math.min(texts.length, 40) * LINE;
    shapes.push(
      {
        type: 'rect',
        x,
        y,
        width: noteWidth,
        height: h,
        radius: 4,
        fill: GREYS.fillLight,
        stroke: GREYS.muted,
        strokeWidth: 1.2,
        dash: lane.id === 'assumption' ? [2, 3] : [10, 3, 2, 3],
      },
      {
        type: 'text',
        x: x + 10,
        y: y + 19,
        text: terms.lane(lane.id),
        size: 12,
        bold: true,
        fill: GREYS.ink,
      },
    );
    texts.slice(0, 40).forEach((text, j) =>
      shapes.push({
        type: 'text',
        x: x + 10,
        y: y + 38 + j * LINE,
        lineWidth: noteWidth - 20,
        text,
        size: SIZE,
        fill: GREYS.text,
      }),
    );
    noteBottom = Math.max(noteBottom, y + h);
  });
  return {
    width,
    height: (notes.length ? noteBottom : bottom) + PAD,
    shapes,
    alt: loc.d('diagrams.logicModelAlt', {
      items: items.length,
      arrows: plan.logicModel.links.length,
    }),
  };
}
