/**
 * Printing a diagram legibly: the scale at which it fills a page, and — when
 * that would print its smallest text below the legible minimum — the same
 * diagram cut into page-sized parts at a legible scale. Cuts fall in the
 * gaps between boxes where there are gaps (a theory of change cuts between
 * its levels); every arrow that crosses a cut gets a lettered continuation
 * marker at the cut on both parts, so a reader can follow it onto the next
 * page. Pure: scene units in, scenes out.
 */
import { GREYS, type DiagramScene, type Shape } from './scene';
import { englishLocale, type DocLocale } from '../locale';

/** Printed points per scene unit at scale 1 (a scene unit is a CSS pixel: 1/96 in). */
export const POINTS_PER_UNIT = 0.75;

/** The smallest printed text a reader can be asked to read, in points. */
export const MIN_PRINTED_TEXT_PT = 8;

/** Figures are not enlarged beyond this (a small diagram need not fill a page). */
const MAX_SCALE = 1.25;

/** One page-sized part of a diagram. */
export interface DiagramTile {
  readonly scene: DiagramScene;
  /** Position in the grid of parts, from 0 (row counted from the top). */
  readonly row: number;
  readonly column: number;
}

/** How a diagram prints: its scale and the parts, in reading order (one part when it fits). */
export interface PrintedDiagram {
  readonly scale: number;
  readonly rows: number;
  readonly columns: number;
  readonly tiles: readonly DiagramTile[];
  /** The smallest text in the figure as printed, in points (Infinity without text). */
  readonly smallestTextPt: number;
}

/** The smallest text size in a scene, in scene units (Infinity when it has no text). */
export function smallestText(scene: DiagramScene): number {
  let min = Infinity;
  for (const s of scene.shapes) if (s.type === 'text') min = Math.min(min, s.size);
  return min;
}

/** The extent of a shape along one axis. */
function extent(s: Shape, axis: 'x' | 'y'): [number, number] {
  switch (s.type) {
    case 'rect':
      return axis === 'x' ? [s.x, s.x + s.width] : [s.y, s.y + s.height];
    case 'circle':
      return axis === 'x' ? [s.cx - s.r, s.cx + s.r] : [s.cy - s.r, s.cy + s.r];
    case 'line':
      return axis === 'x'
        ? [Math.min(s.x1, s.x2), Math.max(s.x1, s.x2)]
        : [Math.min(s.y1, s.y2), Math.max(s.y1, s.y2)];
    case 'text':
      // A line of text: roughly a size tall above its baseline; width unknown here.
      return axis === 'x' ? [s.x, s.x] : [s.y - s.size, s.y + s.size * 0.3];
  }
}

/**
 * Where to cut an axis of `length` into parts at most `span` long: at the
 * last gap between boxes before each limit, or at the limit itself when a
 * box is longer than a part. Boxes are the rectangles and circles.
 */
export function cutPositions(
  shapes: readonly Shape[],
  axis: 'x' | 'y',
  length: number,
  span: number,
): number[] {
  const boxes = shapes
    .filter((s) => s.type === 'rect' || s.type === 'circle')
    .map((s) => extent(s, axis))
    // The scene's background is a box the size of the scene.
    .filter(([a, b]) => !(a <= 0 && b >= length));
  const inside = (at: number) => boxes.some(([a, b]) => a < at && at < b);
  const cuts: number[] = [];
  let start = 0;
  while (length - start > span) {
    const limit = start + span;
    let cut = limit;
    // The latest free position at least a quarter of a part after the start.
    const candidates = boxes
      .flatMap(([a, b]) => [a - 6, b + 6])
      .filter((c) => c > start + span / 4 && c <= limit && !inside(c))
      .sort((a, b) => b - a);
    if (candidates.length) cut = candidates[0]!;
    cuts.push(cut);
    start = cut;
  }
  return cuts;
}

/** A continuation marker's radius for letters MARKER_TEXT units high (both grow with the figure's text). */
const MARKER_R = 10;
const MARKER_TEXT = 11;
const letters = (i: number): string =>
  i < 26
    ? String.fromCharCode(65 + i)
    : `${letters(Math.floor(i / 26) - 1)}${String.fromCharCode(65 + (i % 26))}`;

/** Where a line crosses the cut `at` on `axis`, if it does. */
function crossing(s: Extract<Shape, { type: 'line' }>, axis: 'x' | 'y', at: number): number | null {
  const [a1, a2, b1, b2] = axis === 'y' ? [s.y1, s.y2, s.x1, s.x2] : [s.x1, s.x2, s.y1, s.y2];
  if ((a1 - at) * (a2 - at) >= 0) return null;
  return b1 + ((at - a1) / (a2 - a1)) * (b2 - b1);
}

/**
 * How `scene` prints on a page `page` scene-units large at scale 1: one part
 * scaled to fit when its smallest text stays at least `minPt` points, else
 * parts at the scale that prints that text at `minPt`.
 */
export function printDiagram(
  scene: DiagramScene,
  page: { readonly width: number; readonly height: number },
  minPt = MIN_PRINTED_TEXT_PT,
  loc: DocLocale = englishLocale(),
): PrintedDiagram {
  const text = smallestText(scene);
  const fit = Math.min(MAX_SCALE, page.width / scene.width, page.height / scene.height);
  const printed = (scale: number) => text * scale * POINTS_PER_UNIT;
  if (printed(fit) >= minPt || text === Infinity)
    return {
      scale: fit,
      rows: 1,
      columns: 1,
      tiles: [{ scene, row: 0, column: 0 }],
      smallestTextPt: printed(fit),
    };
  const scale = minPt / (text * POINTS_PER_UNIT);
  // Marker letters no smaller than the figure's smallest text (so they print at minPt or more).
  const markerSize = Math.max(MARKER_TEXT, text);
  const markerR = (MARKER_R * markerSize) / MARKER_TEXT;
  const span = { width: page.width / scale, height: page.height / scale };
  const xs = [0, ...cutPositions(scene.shapes, 'x', scene.width, span.width), scene.width];
  const ys = [0, ...cutPositions(scene.shapes, 'y', scene.height, span.height), scene.height];
  // Continuation markers: one letter per arrow crossing a cut, drawn on both sides.
  const markers: { x: number; y: number; label: string }[] = [];
  for (const s of scene.shapes) {
    if (s.type !== 'line') continue;
    for (const at of ys.slice(1, -1)) {
      const x = crossing(s, 'y', at);
      if (x !== null) markers.push({ x, y: at, label: letters(markers.length) });
    }
    for (const at of xs.slice(1, -1)) {
      const y = crossing(s, 'x', at);
      if (y !== null) markers.push({ x: at, y, label: letters(markers.length) });
    }
  }
  const tiles: DiagramTile[] = [];
  for (let row = 0; row < ys.length - 1; row++)
    for (let column = 0; column < xs.length - 1; column++) {
      const [x0, x1, y0, y1] = [xs[column]!, xs[column + 1]!, ys[row]!, ys[row + 1]!];
      const within = (s: Shape) => {
        const [ax, bx] = extent(s, 'x');
        const [ay, by] = extent(s, 'y');
        return bx >= x0 && ax <= x1 && by >= y0 && ay <= y1;
      };
      const moved = scene.shapes.filter(within).map((s) => translate(s, -x0, -y0));
      const here = markers.filter((m) => m.x >= x0 && m.x <= x1 && m.y >= y0 && m.y <= y1);
      for (const m of here) {
        // Inside the part, against the cut it sits on.
        const cx = Math.min(Math.max(m.x - x0, markerR + 1), x1 - x0 - markerR - 1);
        const cy = Math.min(Math.max(m.y - y0, markerR + 1), y1 - y0 - markerR - 1);
        moved.push(
          {
            type: 'circle',
            cx,
            cy,
            r: markerR,
            fill: GREYS.white,
            stroke: GREYS.ink,
            strokeWidth: 1.5,
          },
          {
            type: 'text',
            x: cx,
            y: cy + markerSize * 0.32,
            text: m.label,
            size: markerSize,
            bold: true,
            anchor: 'middle',
            fill: GREYS.ink,
          },
        );
      }
      tiles.push({
        row,
        column,
        scene: {
          width: x1 - x0,
          height: y1 - y0,
          shapes: moved,
          alt: here.length
            ? loc.d('diagrams.tileAltArrows', {
                alt: scene.alt,
                part: tiles.length + 1,
                labels: here.map((m) => m.label).join(loc.d('punctuation.comma')),
              })
            : loc.d('diagrams.tileAltNone', { alt: scene.alt, part: tiles.length + 1 }),
        },
      });
    }
  return { scale, rows: ys.length - 1, columns: xs.length - 1, tiles, smallestTextPt: minPt };
}

function translate(s: Shape, dx: number, dy: number): Shape {
  switch (s.type) {
    case 'rect':
      return { ...s, x: s.x + dx, y: s.y + dy };
    case 'circle':
      return { ...s, cx: s.cx + dx, cy: s.cy + dy };
    case 'line':
      return { ...s, x1: s.x1 + dx, y1: s.y1 + dy, x2: s.x2 + dx, y2: s.y2 + dy };
    case 'text':
      return { ...s, x: s.x + dx, y: s.y + dy };
  }
}
