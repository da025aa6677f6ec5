/**
 * The power/interest matrix as a diagram: four labelled quadrants, each
 * stakeholder as a numbered marker (the number is its row in the register
 * table beside it, so names never overlap), partners hollow, stakeholders
 * filled; a dashed arrow to where the team wants them when that is set.
 */
import type { Stakeholder } from '../../plan/schema';
import { QUADRANT_INFO, type Quadrant } from '../../stakeholders/quadrants';
import { isPlaced } from '../../stakeholders/register';
import { GREYS, type DiagramScene, type Shape } from './scene';

const LEFT = 78;
/** Room above the plot for the upper quadrants' names (outside the plot, so no marker covers them). */
const TOP = 62;
const SIZE = 560;
const R = 12;

const QUADRANT_BOXES: { id: Quadrant; col: 0 | 1; row: 0 | 1 }[] = [
  { id: 'keepSatisfied', col: 0, row: 0 },
  { id: 'manageClosely', col: 1, row: 0 },
  { id: 'monitor', col: 0, row: 1 },
  { id: 'keepInformed', col: 1, row: 1 },
];

/** Screen position of a power/interest pair inside the plot. */
function place(power: number, interest: number): [number, number] {
  return [LEFT + (interest / 100) * SIZE, TOP + ((100 - power) / 100) * SIZE];
}

/** The matrix diagram; markers are numbered 1..n in register order. */
export function matrixScene(entries: readonly Stakeholder[]): DiagramScene {
  const shapes: Shape[] = [];
  const half = SIZE / 2;
  for (const q of QUADRANT_BOXES) {
    const x = LEFT + q.col * half;
    const y = TOP + q.row * half;
    shapes.push({
      type: 'rect',
      x,
      y,
      width: half,
      height: half,
      fill:
        q.id === 'manageClosely' ? GREYS.fillDark : q.id === 'monitor' ? GREYS.white : GREYS.fill,
      stroke: GREYS.ink,
      strokeWidth: 1.2,
    });
    const info = QUADRANT_INFO[q.id];
    shapes.push(
      {
        type: 'text',
        x: x + half / 2,
        // Outside the plot: above it for the upper quadrants, below for the lower.
        y: q.row === 0 ? TOP - 26 : TOP + SIZE + 24,
        text: info.label,
        size: 17,
        bold: true,
        anchor: 'middle',
        fill: GREYS.text,
      },
      {
        type: 'text',
        x: x + half / 2,
        y: q.row === 0 ? TOP - 9 : TOP + SIZE + 41,
        text: info.summary,
        size: 11,
        anchor: 'middle',
        fill: GREYS.muted,
      },
    );
  }
  // Axes and scale.
  shapes.push(
    {
      type: 'text',
      x: LEFT + half,
      y: TOP + SIZE + 68,
      text: 'Interest in the program →',
      size: 13,
      bold: true,
      anchor: 'middle',
      fill: GREYS.ink,
    },
    {
      type: 'text',
      x: LEFT - 10,
      y: TOP + SIZE + 16,
      text: '0',
      size: 11,
      anchor: 'end',
      fill: GREYS.muted,
    },
  );
  for (const v of [50, 100]) {
    const [x] = place(0, v);
    const [, y] = place(v, 0);
    shapes.push(
      {
        type: 'text',
        x,
        y: TOP + SIZE + 16,
        text: String(v),
        size: 11,
        anchor: 'middle',
        fill: GREYS.muted,
      },
      {
        type: 'text',
        x: LEFT - 8,
        y: y + 4,
        text: String(v),
        size: 11,
        anchor: 'end',
        fill: GREYS.muted,
      },
    );
  }
  // The power axis label, written letter-free of rotation: stacked words.
  ['Power', 'over the', 'program', '↑'].forEach((word, i) =>
    shapes.push({
      type: 'text',
      x: 34,
      // Above the midline, clear of its "50".
      y: TOP + half / 2 - 24 + i * 15,
      text: word,
      size: i === 0 ? 13 : 11,
      bold: i === 0,
      anchor: 'middle',
      fill: GREYS.ink,
    }),
  );

  // Markers: identical positions are fanned out so every number stays visible.
  const taken: [number, number][] = [];
  const markers: Shape[] = [];
  const arrows: Shape[] = [];
  entries.forEach((entry, index) => {
    // Still in the Unplaced tray: no position yet, so no marker (numbers keep the register's order).
    if (!isPlaced(entry)) return;
    let [x, y] = place(entry.power, entry.interest);
    for (
      let step = 0;
      step < 24 && taken.some(([tx, ty]) => Math.hypot(tx - x, ty - y) < R * 1.6);
      step++
    ) {
      const angle = step * 2.4;
      const radius = R * 1.7 * Math.sqrt(step + 1);
      [x, y] = place(entry.power, entry.interest);
      x += Math.cos(angle) * radius;
      y += Math.sin(angle) * radius;
    }
    x = Math.min(LEFT + SIZE - R, Math.max(LEFT + R, x));
    y = Math.min(TOP + SIZE - R, Math.max(TOP + R, y));
    taken.push([x, y]);
    if (entry.desiredPosition) {
      const [dx, dy] = place(entry.desiredPosition.power, entry.desiredPosition.interest);
      if (Math.hypot(dx - x, dy - y) > R * 2)
        arrows.push({
          type: 'line',
          x1: x,
          y1: y,
          x2: dx,
          y2: dy,
          stroke: GREYS.muted,
          strokeWidth: 1.3,
          dash: [5, 4],
          arrow: true,
        });
    }
    const partner = entry.relation === 'partner';
    const label = String(index + 1);
    markers.push(
      {
        type: 'circle',
        cx: x,
        cy: y,
        r: label.length > 2 ? R + 2 : R,
        fill: partner ? GREYS.white : GREYS.ink,
        stroke: GREYS.ink,
        strokeWidth: 1.8,
      },
      {
        type: 'text',
        x,
        y: y + 4,
        text: label,
        size: 11,
        bold: true,
        anchor: 'middle',
        fill: partner ? GREYS.ink : GREYS.white,
      },
    );
  });
  shapes.push(...arrows, ...markers);

  // Key.
  const keyY = TOP + SIZE + 96;
  shapes.push(
    { type: 'circle', cx: LEFT + 10, cy: keyY - 4, r: 7, fill: GREYS.ink, stroke: GREYS.ink },
    { type: 'text', x: LEFT + 24, y: keyY, text: 'Stakeholder', size: 11, fill: GREYS.text },
    {
      type: 'circle',
      cx: LEFT + 130,
      cy: keyY - 4,
      r: 7,
      fill: GREYS.white,
      stroke: GREYS.ink,
      strokeWidth: 1.8,
    },
    { type: 'text', x: LEFT + 144, y: keyY, text: 'Partner', size: 11, fill: GREYS.text },
    {
      type: 'line',
      x1: LEFT + 230,
      y1: keyY - 4,
      x2: LEFT + 270,
      y2: keyY - 4,
      stroke: GREYS.muted,
      strokeWidth: 1.3,
      dash: [5, 4],
      arrow: true,
    },
    {
      type: 'text',
      x: LEFT + 280,
      y: keyY,
      text: 'Where the team wants them',
      size: 11,
      fill: GREYS.text,
    },
    {
      type: 'text',
      x: LEFT,
      y: keyY + 20,
      text: 'Numbers refer to the register',
      size: 11,
      italic: true,
      fill: GREYS.muted,
    },
  );
  return {
    width: LEFT + SIZE + 24,
    height: keyY + 34,
    shapes,
    alt: `Power/interest matrix with ${entries.filter(isPlaced).length} stakeholders and partners placed in four quadrants: manage closely, keep satisfied, keep informed and monitor.`,
  };
}
