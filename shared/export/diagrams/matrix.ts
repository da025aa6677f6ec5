/**
 * The power/interest matrix as a diagram for print: four quadrants, each
 * stakeholder a small numbered marker (the number is its row in the
 * register; the tables by quadrant that follow the figure carry the names),
 * partners hollow, stakeholders filled; a dashed arrow to where the team
 * wants them when that is set and the matrix is not crowded.
 *
 * Legible at any size: the scene is drawn for an A4 portrait page at about
 * 1:1, so its smallest text (the marker numbers included) prints at 8 pt or
 * more. Quadrant names, tick labels and axis labels sit outside the plot in
 * bands of their own, so no marker covers them. Markers that would overlap
 * are moved apart, each to the nearest free spot inside its own quadrant (a
 * deterministic greedy search, so the same plan always gives the same
 * figure); when a quadrant holds more markers than fit, the plot grows.
 */
import type { Stakeholder } from '../../plan/schema';
import { quadrantOf, type Quadrant } from '../../stakeholders/quadrants';
import { englishLocale, type DocLocale } from '../locale';
import { termsOf } from '../terms';
import { isPlaced } from '../../stakeholders/register';
import { GREYS, textWidth, type DiagramScene, type Shape } from './scene';

/** Size of all small text, the marker numbers included (prints at ≥ 8 pt at scale 1). */
const TEXT = 11;
/** Centre of the column that holds the power axis's label, left of the tick labels. */
const AXIS_LABEL_X = 26;
/** Left edge of the plot: the axis label's column, then the tick labels' column. */
const LEFT = 84;
/** Room above the plot for the upper quadrants' names. */
const TOP = 50;
/** The plot's side when the markers fit in it. */
const BASE_SIZE = 540;
/** Room right of the plot (half the "100" tick label). */
const RIGHT = 16;
/**
 * Marker sizes, largest first: a sparse matrix gets the largest whose markers
 * all fit near their positions; a crowded one the smallest (its number still
 * at the figure's smallest text size). A marker's width grows with its number.
 */
const MARKER_STYLES = [
  { height: 20, font: 12.5, pad: 9, stroke: 1.4 },
  { height: 17, font: 11.5, pad: 8, stroke: 1.2 },
  { height: 14, font: TEXT, pad: 6, stroke: 1 },
] as const;
type MarkerStyle = (typeof MARKER_STYLES)[number];
/** Free space kept between markers, and between a marker and its quadrant's edges. */
const GAP = 4;
const INSET = 3;
/** Above this many markers the arrows to wanted positions are left out (they would hide the numbers). */
export const MATRIX_ARROW_LIMIT = 40;

/** An axis-aligned box in scene units. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * The box a shape covers, in scene units. Text is estimated from glyph
 * widths (as the scene is laid out): from a little above the cap height to
 * the descenders.
 */
export function shapeBox(s: Shape): Box {
  switch (s.type) {
    case 'rect':
      return { left: s.x, top: s.y, right: s.x + s.width, bottom: s.y + s.height };
    case 'circle':
      return { left: s.cx - s.r, top: s.cy - s.r, right: s.cx + s.r, bottom: s.cy + s.r };
    case 'line':
      return {
        left: Math.min(s.x1, s.x2),
        top: Math.min(s.y1, s.y2),
        right: Math.max(s.x1, s.x2),
        bottom: Math.max(s.y1, s.y2),
      };
    case 'text': {
      const width = textWidth(s.text, s.size, s.bold);
      const anchor = s.anchor ?? 'start';
      const left = anchor === 'start' ? s.x : anchor === 'middle' ? s.x - width / 2 : s.x - width;
      return { left, top: s.y - s.size * 0.95, right: left + width, bottom: s.y + s.size * 0.25 };
    }
  }
}

/** Whether two boxes overlap (touching edges do not), keeping `gap` between them. */
export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return (
    a.left < b.right + gap &&
    b.left < a.right + gap &&
    a.top < b.bottom + gap &&
    b.top < a.bottom + gap
  );
}

const QUADRANT_BOXES: { id: Quadrant; col: 0 | 1; row: 0 | 1 }[] = [
  { id: 'keepSatisfied', col: 0, row: 0 },
  { id: 'manageClosely', col: 1, row: 0 },
  { id: 'monitor', col: 0, row: 1 },
  { id: 'keepInformed', col: 1, row: 1 },
];

/** One marker to place: where its scores put it, its size, and the box it must stay in. */
interface Marker {
  readonly index: number;
  readonly label: string;
  readonly tx: number;
  readonly ty: number;
  readonly w: number;
  readonly h: number;
  readonly area: Box;
  x: number;
  y: number;
}

const markerBox = (m: { x: number; y: number; w: number; h: number }): Box => ({
  left: m.x - m.w / 2,
  top: m.y - m.h / 2,
  right: m.x + m.w / 2,
  bottom: m.y + m.h / 2,
});

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

/**
 * Places one quadrant's markers in register order, each at its own position
 * when that is free, else at the free spot nearest to it beside a marker
 * already placed (so markers round a crowded spot pack tightly round it).
 * Returns false when a marker finds no such spot.
 */
function placeNearest(markers: Marker[]): boolean {
  const placed: Marker[] = [];
  // Placed boxes by cell of a coarse grid, so a check looks only at its neighbours.
  const CELL = 48;
  const cells = new Map<number, Box[]>();
  const key = (i: number, j: number) => i * 4096 + j;
  const free = (m: Marker, x: number, y: number) => {
    const box = markerBox({ x, y, w: m.w, h: m.h });
    if (box.left < m.area.left - 1e-6 || box.right > m.area.right + 1e-6) return false;
    if (box.top < m.area.top - 1e-6 || box.bottom > m.area.bottom + 1e-6) return false;
    for (
      let i = Math.floor((box.left - GAP) / CELL);
      i <= Math.floor((box.right + GAP) / CELL);
      i++
    )
      for (
        let j = Math.floor((box.top - GAP) / CELL);
        j <= Math.floor((box.bottom + GAP) / CELL);
        j++
      )
        for (const b of cells.get(key(i, j)) ?? [])
          if (boxesOverlap(box, b, GAP - 1e-6)) return false;
    return true;
  };
  const add = (box: Box) => {
    for (let i = Math.floor(box.left / CELL); i <= Math.floor(box.right / CELL); i++)
      for (let j = Math.floor(box.top / CELL); j <= Math.floor(box.bottom / CELL); j++) {
        const list = cells.get(key(i, j));
        if (list) list.push(box);
        else cells.set(key(i, j), [box]);
      }
  };
  for (const m of markers) {
    const x0 = clamp(m.tx, m.area.left + m.w / 2, m.area.right - m.w / 2);
    const y0 = clamp(m.ty, m.area.top + m.h / 2, m.area.bottom - m.h / 2);
    const candidates: [number, number, number][] = [];
    const consider = (x: number, y: number) =>
      candidates.push([(x - m.tx) ** 2 + (y - m.ty) ** 2, x, y]);
    consider(x0, y0);
    for (const p of placed) {
      const dx = (p.w + m.w) / 2 + GAP;
      const dy = (p.h + m.h) / 2 + GAP;
      for (const y of [y0, p.y, p.y - dy / 2, p.y + dy / 2]) {
        consider(p.x - dx, y);
        consider(p.x + dx, y);
      }
      for (const x of [x0, p.x, p.x - dx / 2, p.x + dx / 2]) {
        consider(x, p.y - dy);
        consider(x, p.y + dy);
      }
    }
    candidates.sort((a, b) => a[0] - b[0] || a[2] - b[2] || a[1] - b[1]);
    const spot = candidates.find(([, x, y]) => free(m, x, y));
    if (!spot) return false;
    [, m.x, m.y] = spot;
    placed.push(m);
    add(markerBox(m));
  }
  return true;
}

/**
 * Places a crowded quadrant's markers in rows, which packs them closely:
 * each marker (from the top) takes the row nearest its position that still
 * has room, and within a row the markers keep their left-to-right order as
 * near their positions as the row allows. Returns false when the rows are full.
 */
function placeInRows(markers: Marker[]): boolean {
  if (!markers.length) return true;
  const area = markers[0]!.area;
  const height = markers[0]!.h;
  const pitch = height + GAP;
  const count = Math.floor((area.bottom - area.top + GAP) / pitch);
  if (count < 1) return false;
  const first = area.top + (area.bottom - area.top - (count * pitch - GAP)) / 2 + height / 2;
  const width = area.right - area.left;
  const rows: Marker[][] = Array.from({ length: count }, () => []);
  const used = new Array<number>(count).fill(-GAP);
  const order = [...markers].sort((a, b) => a.ty - b.ty || a.tx - b.tx || a.index - b.index);
  for (const m of order) {
    const nearest = rows
      .map((_, r) => r)
      .sort(
        (a, b) => Math.abs(first + a * pitch - m.ty) - Math.abs(first + b * pitch - m.ty) || a - b,
      );
    const r = nearest.find((row) => used[row]! + GAP + m.w <= width + 1e-6);
    if (r === undefined) return false;
    rows[r]!.push(m);
    used[r]! += GAP + m.w;
  }
  rows.forEach((row, r) => {
    row.sort((a, b) => a.tx - b.tx || a.index - b.index);
    for (const [i, m] of row.entries()) {
      m.y = first + r * pitch;
      const prev = row[i - 1];
      m.x = Math.max(
        clamp(m.tx, area.left + m.w / 2, area.right - m.w / 2),
        prev ? prev.x + (prev.w + m.w) / 2 + GAP : -Infinity,
      );
    }
    // Pushed past the right edge: slide back from the right.
    for (let i = row.length - 1; i >= 0; i--) {
      const m = row[i]!;
      const next = row[i + 1];
      m.x = Math.min(m.x, next ? next.x - (next.w + m.w) / 2 - GAP : area.right - m.w / 2);
    }
  });
  return true;
}

/** A stakeholder's marker on the printed matrix. */
interface MatrixMarker {
  /** Row in the register, from 0; the marker shows index + 1. */
  readonly index: number;
  readonly quadrant: Quadrant;
  /** Centre and size, in scene units. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where the markers go on a plot of side `size`; null when a quadrant cannot hold its markers. */
function layoutMarkers(
  entries: readonly Stakeholder[],
  size: number,
  style: MarkerStyle,
  rowsAllowed: boolean,
): (MatrixMarker & { readonly tx: number; readonly ty: number })[] | null {
  const half = size / 2;
  const byQuadrant = new Map<Quadrant, Marker[]>();
  entries.forEach((entry, index) => {
    // Still in the Unplaced tray: no position yet, so no marker (numbers keep the register's order).
    if (!isPlaced(entry)) return;
    const quadrant = quadrantOf(entry);
    const q = QUADRANT_BOXES.find((b) => b.id === quadrant)!;
    const left = LEFT + q.col * half;
    const top = TOP + q.row * half;
    const label = String(index + 1);
    const w = Math.max(style.height, Math.ceil(textWidth(label, style.font, true) + style.pad));
    const marker: Marker = {
      index,
      label,
      tx: LEFT + (entry.interest / 100) * size,
      ty: TOP + ((100 - entry.power) / 100) * size,
      w,
      h: style.height,
      area: {
        left: left + INSET,
        top: top + INSET,
        right: left + half - INSET,
        bottom: top + half - INSET,
      },
      x: 0,
      y: 0,
    };
    const list = byQuadrant.get(quadrant);
    if (list) list.push(marker);
    else byQuadrant.set(quadrant, [marker]);
  });
  const out: (MatrixMarker & { tx: number; ty: number })[] = [];
  for (const [quadrant, list] of byQuadrant) {
    // Markers covering more than half their quadrant do not fit by the nearest spot: skip the search.
    const area = list[0]!.area;
    const need = list.reduce((sum, m) => sum + (m.w + GAP) * (m.h + GAP), 0);
    const sparse = need <= 0.5 * (area.right - area.left) * (area.bottom - area.top);
    if (!(sparse && placeNearest(list)) && !(rowsAllowed && placeInRows(list))) return null;
    for (const m of list)
      out.push({
        index: m.index,
        quadrant,
        x: m.x,
        y: m.y,
        width: m.w,
        height: m.h,
        tx: m.tx,
        ty: m.ty,
      });
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * The side of the plot, the marker style and the markers: the largest style
 * whose markers all find a spot near their positions; else the smallest,
 * crowded quadrants packed in rows; else the plot grows until every quadrant
 * holds its markers.
 */
function fitMarkers(entries: readonly Stakeholder[]) {
  for (const style of MARKER_STYLES) {
    const markers = layoutMarkers(entries, BASE_SIZE, style, false);
    if (markers) return { size: BASE_SIZE, style, markers };
  }
  const style = MARKER_STYLES[MARKER_STYLES.length - 1]!;
  for (let size = BASE_SIZE; ; size = Math.round(size * 1.1)) {
    const markers = layoutMarkers(entries, size, style, true);
    if (markers) return { size, style, markers };
  }
}

/** The matrix diagram; markers are numbered 1..n in register order. */
export function matrixScene(
  entries: readonly Stakeholder[],
  loc: DocLocale = englishLocale(),
): DiagramScene {
  const d = loc.d;
  const terms = termsOf(loc);
  const { size, style, markers } = fitMarkers(entries);
  const half = size / 2;
  const bottom = TOP + size;
  const shapes: Shape[] = [];
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
    // Outside the plot: above it for the upper quadrants, below the tick labels for the lower.
    const nameY = q.row === 0 ? TOP - 28 : bottom + 40;
    shapes.push(
      {
        type: 'text',
        x: x + half / 2,
        y: nameY,
        text: terms.quadrant(q.id),
        size: 15,
        bold: true,
        anchor: 'middle',
        fill: GREYS.text,
      },
      {
        type: 'text',
        x: x + half / 2,
        y: nameY + 16,
        text: terms.quadrantSummary(q.id),
        size: TEXT,
        anchor: 'middle',
        fill: GREYS.muted,
      },
    );
  }
  // Scale: one "0" at the corner, 50 and 100 along each axis.
  const tick = (x: number, y: number, text: string, anchor: 'middle' | 'end'): Shape => ({
    type: 'text',
    x,
    y,
    text,
    size: TEXT,
    anchor,
    fill: GREYS.muted,
  });
  shapes.push(tick(LEFT - 6, bottom + 15, '0', 'end'));
  for (const v of [50, 100]) {
    shapes.push(
      tick(LEFT + (v / 100) * size, bottom + 15, String(v), 'middle'),
      tick(LEFT - 6, TOP + ((100 - v) / 100) * size + 4, String(v), 'end'),
    );
  }
  // Axis labels: interest below the lower quadrants' names; power in a column
  // of its own left of the tick labels, in the upper half (clear of "50").
  // The arrow is a text of its own: a reader's SVG renderer may set a whole
  // line in the font of its first character, and an arrow's font may have no Arabic.
  const interest = d('diagrams.interestAxis');
  const interestWidth = textWidth(interest, 13, true);
  shapes.push(
    {
      type: 'text',
      x: LEFT + half - 8,
      y: bottom + 84,
      text: interest,
      size: 13,
      bold: true,
      anchor: 'middle',
      fill: GREYS.ink,
    },
    {
      type: 'text',
      x: LEFT + half - 8 + interestWidth / 2 + 6,
      y: bottom + 84,
      text: '→',
      size: 13,
      bold: true,
      fill: GREYS.ink,
    },
  );
  [...d('diagrams.powerAxis').split('\n'), '↑'].forEach((word, i) =>
    shapes.push({
      type: 'text',
      x: AXIS_LABEL_X,
      y: TOP + half / 2 - 24 + i * 15,
      text: word,
      size: i === 0 ? 13 : TEXT,
      bold: i === 0,
      anchor: 'middle',
      fill: GREYS.ink,
    }),
  );

  // Arrows first, so markers are drawn over them and every number stays readable.
  const arrows = markers.length <= MATRIX_ARROW_LIMIT;
  for (const m of markers) {
    const wanted = entries[m.index]!.desiredPosition;
    if (!arrows || !wanted) continue;
    const dx = LEFT + (wanted.interest / 100) * size;
    const dy = TOP + ((100 - wanted.power) / 100) * size;
    if (Math.hypot(dx - m.x, dy - m.y) > style.height * 1.5)
      shapes.push({
        type: 'line',
        x1: m.x,
        y1: m.y,
        x2: dx,
        y2: dy,
        stroke: GREYS.muted,
        strokeWidth: 1.3,
        dash: [5, 4],
        arrow: true,
      });
  }
  for (const m of markers) {
    const partner = entries[m.index]!.relation === 'partner';
    shapes.push(
      {
        type: 'rect',
        x: m.x - m.width / 2,
        y: m.y - m.height / 2,
        width: m.width,
        height: m.height,
        radius: m.height / 2,
        fill: partner ? GREYS.white : GREYS.ink,
        stroke: GREYS.ink,
        strokeWidth: style.stroke,
      },
      {
        type: 'text',
        x: m.x,
        // Digits are about 0.73 em tall: centred on the marker.
        y: m.y + style.font * 0.36,
        text: String(m.index + 1),
        size: style.font,
        bold: true,
        anchor: 'middle',
        fill: partner ? GREYS.ink : GREYS.white,
      },
    );
  }

  // Legend.
  const keyY = bottom + 112;
  const swatch = (x: number, fill: string): Shape => ({
    type: 'rect',
    x,
    y: keyY - 11,
    width: 16,
    height: 14,
    radius: 7,
    fill,
    stroke: GREYS.ink,
    strokeWidth: 1.4,
  });
  // Each key item after the one before it, at least where the English key puts it.
  const stakeholderWord = d('diagrams.stakeholder');
  const partnerWord = d('diagrams.partner');
  const partnerX = Math.max(LEFT + 110, LEFT + 22 + textWidth(stakeholderWord, TEXT) + 16);
  const arrowX = Math.max(LEFT + 200, partnerX + 22 + textWidth(partnerWord, TEXT) + 24);
  shapes.push(
    swatch(LEFT, GREYS.ink),
    { type: 'text', x: LEFT + 22, y: keyY, text: stakeholderWord, size: TEXT, fill: GREYS.text },
    swatch(partnerX, GREYS.white),
    { type: 'text', x: partnerX + 22, y: keyY, text: partnerWord, size: TEXT, fill: GREYS.text },
  );
  if (arrows && markers.some((m) => entries[m.index]!.desiredPosition))
    shapes.push(
      {
        type: 'line',
        x1: arrowX,
        y1: keyY - 4,
        x2: arrowX + 40,
        y2: keyY - 4,
        stroke: GREYS.muted,
        strokeWidth: 1.3,
        dash: [5, 4],
        arrow: true,
      },
      {
        type: 'text',
        x: arrowX + 50,
        y: keyY,
        text: d('diagrams.wanted'),
        size: TEXT,
        fill: GREYS.text,
      },
    );
  shapes.push({
    type: 'text',
    x: LEFT,
    y: keyY + 20,
    text: d('diagrams.markersNote'),
    size: TEXT,
    italic: true,
    fill: GREYS.muted,
  });
  return {
    width: LEFT + size + RIGHT,
    height: keyY + 32,
    shapes,
    alt: d('diagrams.matrixAlt', { count: markers.length }),
  };
}

/** Whether the printed matrix draws the arrows to where the team wants each stakeholder. */
export function matrixDrawsArrows(entries: readonly Stakeholder[]): boolean {
  return entries.filter(isPlaced).length <= MATRIX_ARROW_LIMIT;
}
