/**
 * Card placement for the power/interest matrix, so a room can read every
 * name. Each stakeholder keeps a dot at its exact position; its card is drawn
 * inside the same quadrant, as close to the dot as the other cards allow,
 * with a leader line back to the dot when it had to move.
 *
 * How: per quadrant, a d3-force simulation pulls each card towards its dot
 * while a rectangle-collision force pushes cards apart and off the quadrant
 * label and other stakeholders' dots; positions are clamped to the quadrant
 * after every tick. Leftover overlaps and leader lines that cross a card are
 * repaired by a deterministic search for the nearest free spot. If cards do
 * not fit at the largest type size, the type shrinks step by step down to a
 * minimum legible size; if they do not fit even then, the matrix degrades to
 * numbered dots (placed the same way) with the names in a side list.
 *
 * Deterministic: seeded random source, fixed iteration count, items taken in
 * the order given. The same input always gives the same layout, and a move in
 * one quadrant leaves the cards of the other quadrants where they were.
 */
import { forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { Quadrant } from './quadrants';

/** A stakeholder to place: its dot in pixels, its quadrant, and how wide its name is. */
export interface LayoutItem {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  /** The stakeholder's quadrant (from its scores: a score of 50 is high). */
  readonly quadrant: Quadrant;
  /** Width of the name set in one line at a font size of 1 px (so px per px of font). */
  readonly textWidth: number;
  /**
   * Widths of the name's words and of a space at 1 px, when known: a name
   * that wraps is then broken into lines exactly as the browser does
   * (greedily, at spaces); without them the line count is estimated.
   */
  readonly words?: readonly number[];
  readonly spaceWidth?: number;
}

/** An axis-aligned rectangle in pixels (left, top, width, height). */
export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** How a card is drawn, in multiples of its font size unless said otherwise. */
export interface CardStyle {
  /** Largest and smallest font size of a card's name, in px. */
  readonly fontMax: number;
  readonly fontMin: number;
  /** Horizontal and vertical padding inside a card, in px (border included). */
  readonly padX: number;
  readonly padY: number;
  /** Line height as a multiple of the font size. */
  readonly lineHeight: number;
  /** Widest a card may get, in em; a longer name wraps. */
  readonly maxWidthEm: number;
  /**
   * A narrower width (in em) to try when cards do not fit at `maxWidthEm`:
   * names wrap onto more lines, which packs better round a crowded spot.
   */
  readonly narrowWidthEm?: number;
  /** Most lines a name may wrap to (beyond that it is abbreviated with an ellipsis). */
  readonly maxLines: number;
}

/** Options for `layoutMatrix`. */
export interface LayoutOptions {
  /** Size of the plot in pixels; the quadrants split it in half both ways. */
  readonly width: number;
  readonly height: number;
  readonly card: CardStyle;
  /** Areas cards and number badges keep clear of (quadrant labels). */
  readonly obstacles?: readonly Rect[];
  /** Free space kept between cards, in px (default 4). */
  readonly gap?: number;
  /** Free space kept between a card and its quadrant's edges, in px (default 3). */
  readonly inset?: number;
  /** Size of a stakeholder's dot: other cards keep off it (default 12). */
  readonly markerSize?: number;
  /** Font size of the numbered dots used when cards do not fit (default: the card minimum). */
  readonly badgeFont?: number;
  /** Simulation ticks per quadrant (default 80). */
  readonly iterations?: number;
  /** Seed of the simulation's random source (default 1). */
  readonly seed?: number;
}

/** Where one card (or number badge) goes, in plot pixels. */
export interface CardBox extends Rect {
  /** Lines the name wraps to (1 for a badge). */
  readonly lines: number;
}

/** The laid-out matrix. */
export interface MatrixLayout {
  /** Cards with names, or numbered dots with the names in a side list. */
  readonly mode: 'cards' | 'numbered';
  /** Font size of the card names (or of the numbers), in px. */
  readonly fontSize: number;
  /** Box of each stakeholder's card or badge, by id. */
  readonly boxes: ReadonlyMap<string, CardBox>;
  /** Numbers of the dots in numbered mode (1-based, in reading order), by id. */
  readonly numbers: ReadonlyMap<string, number>;
}

// ---------------------------------------------------------------- geometry

/** The quadrant rectangles of a plot (before any inset). */
export function quadrantRects(width: number, height: number): Record<Quadrant, Rect> {
  const mx = width / 2;
  const my = height / 2;
  return {
    keepSatisfied: { left: 0, top: 0, width: mx, height: my },
    manageClosely: { left: mx, top: 0, width: width - mx, height: my },
    monitor: { left: 0, top: my, width: mx, height: height - my },
    keepInformed: { left: mx, top: my, width: width - mx, height: height - my },
  };
}

/** Whether two rectangles overlap (touching edges do not), keeping `gap` between them. */
export function rectsOverlap(a: Rect, b: Rect, gap = 0): boolean {
  return (
    a.left < b.left + b.width + gap &&
    b.left < a.left + a.width + gap &&
    a.top < b.top + b.height + gap &&
    b.top < a.top + a.height + gap
  );
}

/** Whether `inner` lies inside `outer` (within `eps` px). */
export function rectInside(inner: Rect, outer: Rect, eps = 0.01): boolean {
  return (
    inner.left >= outer.left - eps &&
    inner.top >= outer.top - eps &&
    inner.left + inner.width <= outer.left + outer.width + eps &&
    inner.top + inner.height <= outer.top + outer.height + eps
  );
}

/**
 * The leader line from a dot at (x, y) to its card: the segment from the dot
 * to the point of the card's edge nearest to it; null when the dot is under
 * the card anyway.
 */
export function leaderLine(
  x: number,
  y: number,
  box: Rect,
): { x1: number; y1: number; x2: number; y2: number } | null {
  const right = box.left + box.width;
  const bottom = box.top + box.height;
  if (x >= box.left && x <= right && y >= box.top && y <= bottom) return null;
  return {
    x1: x,
    y1: y,
    x2: Math.min(Math.max(x, box.left), right),
    y2: Math.min(Math.max(y, box.top), bottom),
  };
}

/** Whether the segment (x1,y1)–(x2,y2) passes through the inside of `r` (Liang–Barsky). */
export function segmentCrossesRect(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  r: Rect,
  shrink = 0.5,
): boolean {
  const left = r.left + shrink;
  const right = r.left + r.width - shrink;
  const top = r.top + shrink;
  const bottom = r.top + r.height - shrink;
  if (left >= right || top >= bottom) return false;
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number) => {
    if (p === 0) return q >= 0;
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
    return true;
  };
  return (
    clip(-dx, x1 - left) &&
    clip(dx, right - x1) &&
    clip(-dy, y1 - top) &&
    clip(dy, bottom - y1) &&
    t0 < t1
  );
}

// ---------------------------------------------------------------- sizes

/**
 * Lines a name takes when wrapped greedily at spaces into `inner` px (a word
 * longer than a line breaks anywhere), and the widest line.
 */
export function wrapLines(
  words: readonly number[],
  space: number,
  inner: number,
): { lines: number; widest: number } {
  let lines = 1;
  let current = 0;
  let widest = 0;
  for (const word of words) {
    if (current > 0 && current + space + word <= inner) {
      current += space + word;
    } else {
      if (current > 0) lines++;
      current = word;
      if (word > inner) {
        lines += Math.ceil(word / inner) - 1;
        current = word - inner * (Math.ceil(word / inner) - 1);
        widest = inner;
      }
    }
    widest = Math.max(widest, current);
  }
  return { lines, widest };
}

/**
 * Width, height and line count of a card for a name `textWidth` wide at 1 px
 * (with its `words`, if known), at font size `font`.
 */
export function cardSize(
  textWidth: number,
  font: number,
  style: CardStyle,
  maxWidth = Infinity,
  words?: { readonly widths: readonly number[]; readonly space: number },
): { width: number; height: number; lines: number } {
  const widest = Math.min(style.maxWidthEm * font, maxWidth);
  const inner = Math.max(widest - 2 * style.padX, font);
  const text = textWidth * font;
  // A little slack for sub-pixel rounding in the browser.
  const slack = 2 + text * 0.01;
  const oneLine = Math.ceil(text + 2 * style.padX + slack);
  const line = font * style.lineHeight;
  if (oneLine <= widest) {
    return { width: oneLine, height: Math.ceil(line + 2 * style.padY), lines: 1 };
  }
  if (words && words.widths.length > 0) {
    const wrapped = wrapLines(
      words.widths.map((w) => w * font),
      words.space * font,
      inner - slack,
    );
    const lines = Math.min(style.maxLines, wrapped.lines);
    return {
      width: Math.min(Math.ceil(widest), Math.ceil(wrapped.widest + 2 * style.padX + slack)),
      height: Math.ceil(lines * line + 2 * style.padY),
      lines,
    };
  }
  // Wrapping breaks between words, which wastes part of each line.
  const lines = Math.min(style.maxLines, Math.ceil((text * 1.2) / inner));
  return { width: Math.ceil(widest), height: Math.ceil(lines * line + 2 * style.padY), lines };
}

/** Size of a number badge for `n` at font size `font`. */
function badgeSize(n: number, font: number): { width: number; height: number } {
  const digits = String(n).length;
  const height = Math.ceil(font * 1.5);
  return { width: Math.max(height, Math.ceil(digits * font * 0.62 + font * 0.7)), height };
}

// ---------------------------------------------------------------- placement

/** A deterministic random source (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Node extends SimulationNodeDatum {
  readonly id: string;
  /** The dot. */
  readonly tx: number;
  readonly ty: number;
  readonly w: number;
  readonly h: number;
  readonly lines: number;
  x: number;
  y: number;
}

const boxOf = (n: { x: number; y: number; w: number; h: number }): Rect => ({
  left: n.x - n.w / 2,
  top: n.y - n.h / 2,
  width: n.w,
  height: n.h,
});

/** Clamps a card's centre so the card stays inside `area`. */
function clampInto(n: Node, area: Rect): void {
  n.x = Math.min(Math.max(n.x, area.left + n.w / 2), area.left + area.width - n.w / 2);
  n.y = Math.min(Math.max(n.y, area.top + n.h / 2), area.top + area.height - n.h / 2);
}

interface QuadrantProblem {
  readonly nodes: Node[];
  /** Centre of the whole matrix. */
  readonly centre: { readonly x: number; readonly y: number };
  readonly area: Rect;
  /** Rectangles every card keeps off (labels), plus each dot with its owner. */
  readonly obstacles: readonly Rect[];
  readonly dots: readonly { readonly id: string; readonly rect: Rect }[];
  readonly gap: number;
}

/** Pushes overlapping cards apart, and cards off obstacles and other dots (a d3 force). */
function rectCollide(problem: QuadrantProblem) {
  const { nodes, obstacles, dots, gap } = problem;
  return () => {
    for (let i = 0; i < nodes.length; i++) {
      const a = nodes[i]!;
      for (let j = i + 1; j < nodes.length; j++) {
        const b = nodes[j]!;
        const dx = b.x + b.vx! - (a.x + a.vx!);
        const dy = b.y + b.vy! - (a.y + a.vy!);
        const ox = (a.w + b.w) / 2 + gap - Math.abs(dx);
        const oy = (a.h + b.h) / 2 + gap - Math.abs(dy);
        if (ox <= 0 || oy <= 0) continue;
        // Separate along the axis that needs the smaller push.
        if (ox / (a.w + b.w) < oy / (a.h + b.h)) {
          const s = (dx >= 0 ? 1 : -1) * ox * 0.5;
          a.vx! -= s;
          b.vx! += s;
        } else {
          const s = (dy >= 0 ? 1 : -1) * oy * 0.5;
          a.vy! -= s;
          b.vy! += s;
        }
      }
      const push = (r: Rect, pad: number) => {
        const cx = r.left + r.width / 2;
        const cy = r.top + r.height / 2;
        const dx = a.x + a.vx! - cx;
        const dy = a.y + a.vy! - cy;
        const ox = (a.w + r.width) / 2 + pad - Math.abs(dx);
        const oy = (a.h + r.height) / 2 + pad - Math.abs(dy);
        if (ox <= 0 || oy <= 0) return;
        if (ox < oy) a.vx! += (dx >= 0 ? 1 : -1) * ox;
        else a.vy! += (dy >= 0 ? 1 : -1) * oy;
      };
      for (const o of obstacles) push(o, gap);
      // Other dots only nudge a card (a dot under a card that sits on its
      // own dot is fine; a leader through a card is not, see `conflict`).
      for (const d of dots) {
        if (d.id === a.id) continue;
        const vx = a.vx!;
        const vy = a.vy!;
        push(d.rect, 0);
        a.vx = vx + (a.vx! - vx) * 0.15;
        a.vy = vy + (a.vy! - vy) * 0.15;
      }
    }
  };
}

/**
 * Whether card `a` (at its current position) has a problem with card `b`:
 * the cards overlap, or either one's leader line runs through the other.
 */
function conflict(a: Node, b: Node, gap: number): boolean {
  const ba = boxOf(a);
  const bb = boxOf(b);
  if (rectsOverlap(ba, bb, gap - 0.5)) return true;
  const la = leaderLine(a.tx, a.ty, ba);
  if (la && segmentCrossesRect(la.x1, la.y1, la.x2, la.y2, bb)) return true;
  const lb = leaderLine(b.tx, b.ty, bb);
  return lb !== null && segmentCrossesRect(lb.x1, lb.y1, lb.x2, lb.y2, ba);
}

/** Whether card `n` is clean against `others` (and the quadrant and its obstacles). */
function fits(problem: QuadrantProblem, n: Node, others: readonly Node[]): boolean {
  const box = boxOf(n);
  if (!rectInside(box, problem.area)) return false;
  for (const o of problem.obstacles) if (rectsOverlap(box, o, 0)) return false;
  for (const other of others) if (other !== n && conflict(n, other, problem.gap)) return false;
  return true;
}

/** Whether every card in the quadrant is clean. */
function clean(problem: QuadrantProblem): boolean {
  const { nodes } = problem;
  for (let i = 0; i < nodes.length; i++) {
    if (!fits(problem, nodes[i]!, nodes.slice(i + 1))) return false;
  }
  return true;
}

/** Candidate offsets from the dot for a w×h card, nearest first (cached per size). */
const candidateCache = new Map<string, readonly (readonly [number, number])[]>();
function candidateOffsets(
  w: number,
  h: number,
  area: Rect,
): readonly (readonly [number, number])[] {
  const stepX = Math.max(4, Math.round(w / 5));
  const stepY = Math.max(4, Math.round(h / 2));
  const nx = Math.ceil(area.width / stepX);
  const ny = Math.ceil(area.height / stepY);
  const key = `${stepX}:${stepY}:${nx}:${ny}`;
  const cached = candidateCache.get(key);
  if (cached) return cached;
  const list: [number, number][] = [];
  for (let i = -nx; i <= nx; i++) for (let j = -ny; j <= ny; j++) list.push([i * stepX, j * stepY]);
  list.sort((a, b) => Math.hypot(a[0], a[1]) - Math.hypot(b[0], b[1]));
  if (candidateCache.size > 64) candidateCache.clear();
  candidateCache.set(key, list);
  return list;
}

/** Offsets (from the dot) where card `n` would touch a placed card or the quadrant edge, nearest first. */
function touchingOffsets(
  n: Node,
  placed: readonly { readonly box: Rect }[],
  area: Rect,
  gap: number,
): [number, number][] {
  const list: [number, number][] = [];
  const { w, h, tx, ty } = n;
  const add = (x: number, y: number) => list.push([x - tx, y - ty]);
  const xs = (r: Rect) => [tx, r.left + w / 2, r.left + r.width - w / 2];
  const ys = (r: Rect) => [ty, r.top + h / 2, r.top + r.height - h / 2];
  for (const { box } of placed) {
    for (const x of xs(box)) {
      add(x, box.top - gap - h / 2);
      add(x, box.top + box.height + gap + h / 2);
    }
    for (const y of ys(box)) {
      add(box.left - gap - w / 2, y);
      add(box.left + box.width + gap + w / 2, y);
    }
  }
  add(tx, area.top + h / 2);
  add(tx, area.top + area.height - h / 2);
  add(area.left + w / 2, ty);
  add(area.left + area.width - w / 2, ty);
  return list.sort((a, b) => Math.hypot(a[0], a[1]) - Math.hypot(b[0], b[1]));
}

/** Most card-to-card checks one quadrant's repair may spend (keeps big maps fast). */
const REPAIR_BUDGET = 250_000;

/**
 * Places the cards again one by one, each where the simulation put it if
 * that is clean against the cards already placed, otherwise at the nearest
 * clean spot around its dot — preferring spots that leave other stakeholders'
 * dots uncovered (a leader from a covered dot would cross the card).
 * Deterministic and greedy; returns the card it could not place (none = all clean).
 */
function repairOnce(
  problem: QuadrantProblem,
  first: readonly Node[],
  nodes: readonly Node[],
  budget: { left: number },
): Node[] {
  const { area, dots, obstacles, gap } = problem;
  type Placed = { id: string; box: Rect; leader: ReturnType<typeof leaderLine> };
  const placed: Placed[] = [];
  const placedIds = new Set<string>();
  const failed: Node[] = [];
  // Cards that failed last time go first, then the rest in the given order.
  const order = [...first, ...nodes.filter((n) => !first.includes(n))];
  const coversWaitingDot = (n: Node, box: Rect) => {
    for (const d of dots) {
      if (d.id !== n.id && !placedIds.has(d.id) && rectsOverlap(box, d.rect, 0)) return true;
    }
    return false;
  };
  const clear = (n: Node, box: Rect) => {
    if (!rectInside(box, area)) return false;
    for (const o of obstacles) if (rectsOverlap(box, o, 0)) return false;
    const leader = leaderLine(n.tx, n.ty, box);
    for (const p of placed) {
      if (rectsOverlap(box, p.box, gap - 0.5)) return false;
      if (leader && segmentCrossesRect(leader.x1, leader.y1, leader.x2, leader.y2, p.box))
        return false;
      if (p.leader && segmentCrossesRect(p.leader.x1, p.leader.y1, p.leader.x2, p.leader.y2, box))
        return false;
    }
    return true;
  };
  for (const n of order) {
    const from = { x: n.x, y: n.y };
    let found = false;
    // Spots touching a placed card or the quadrant's edge (so cards can
    // stack snugly beside a crowded spot), merged with a grid round the dot.
    const touching = touchingOffsets(n, placed, area, gap);
    const grid = candidateOffsets(n.w, n.h, area);
    const tries: (readonly [number, number])[] = [[from.x - n.tx, from.y - n.ty]];
    for (let i = 0, j = 0; i < grid.length || j < touching.length;) {
      const g = grid[i];
      const t = touching[j];
      if (t && (!g || Math.hypot(t[0], t[1]) <= Math.hypot(g[0], g[1]))) {
        tries.push(t);
        j++;
      } else {
        tries.push(g!);
        i++;
      }
    }
    for (const strict of [true, false]) {
      for (const [ox, oy] of tries) {
        if (budget.left <= 0) break;
        n.x = n.tx + ox;
        n.y = n.ty + oy;
        clampInto(n, area);
        budget.left -= placed.length + 1;
        const box = boxOf(n);
        if (strict && coversWaitingDot(n, box)) continue;
        if (clear(n, box)) {
          found = true;
          break;
        }
      }
      if (found) break;
    }
    if (!found) {
      failed.push(n);
      return failed;
      n.x = from.x;
      n.y = from.y;
      clampInto(n, area);
    }
    const box = boxOf(n);
    placed.push({ id: n.id, box, leader: leaderLine(n.tx, n.ty, box) });
    placedIds.add(n.id);
  }
  return failed;
}

/**
 * Places the cards again one by one (see `repairOnce`). A card that finds no
 * clean spot — typically one whose dot the others have walled in — goes
 * first in the next round, from the simulated positions again; a few rounds.
 */
function repair(problem: QuadrantProblem): boolean {
  const { nodes, area } = problem;
  const start = nodes.map((n) => ({ x: n.x, y: n.y }));
  // The matrix centre is the quadrant corner nearest the other quadrants.
  const cx = area.left + area.width / 2 < problem.centre.x ? area.left + area.width : area.left;
  const cy = area.top + area.height / 2 < problem.centre.y ? area.top + area.height : area.top;
  const fromCentre = (n: Node) => Math.hypot(n.tx - cx, n.ty - cy);
  const orders: Node[][] = [
    // Nearest their dot after the simulation first.
    [...nodes].sort(
      (a, b) => Math.hypot(a.x - a.tx, a.y - a.ty) - Math.hypot(b.x - b.tx, b.y - b.ty),
    ),
    // Round the crowded middle of the matrix first, then outwards; and the reverse.
    [...nodes].sort((a, b) => fromCentre(a) - fromCentre(b)),
    [...nodes].sort((a, b) => fromCentre(b) - fromCentre(a)),
    // Top to bottom, then left to right.
    [...nodes].sort((a, b) => a.ty - b.ty || a.tx - b.tx),
  ];
  // One budget for every round: a hopeless quadrant gives up quickly.
  const budget = { left: REPAIR_BUDGET };
  for (const order of orders) {
    let first: Node[] = [];
    for (let round = 0; round < 3; round++) {
      nodes.forEach((n, i) => Object.assign(n, start[i]));
      const failed = repairOnce(problem, first, order, budget);
      if (failed.length === 0) return true;
      first = [...failed, ...first.filter((n) => !failed.includes(n))];
    }
  }
  return false;
}

/** Pulls each card straight towards its dot as far as it goes without a new problem. */
function tighten(problem: QuadrantProblem): void {
  for (const n of problem.nodes) {
    const from = { x: n.x, y: n.y };
    for (const t of [1, 0.75, 0.5, 0.25]) {
      n.x = n.tx + (from.x - n.tx) * (1 - t);
      n.y = n.ty + (from.y - n.ty) * (1 - t);
      clampInto(n, problem.area);
      if (fits(problem, n, problem.nodes)) break;
      n.x = from.x;
      n.y = from.y;
    }
  }
}

/** Places the given boxes inside one quadrant; returns whether the result is clean. */
function placeQuadrant(problem: QuadrantProblem, iterations: number, seed: number): boolean {
  const { nodes, area } = problem;
  if (nodes.length === 0) return true;
  for (const n of nodes) clampInto(n, area);
  if (!clean(problem)) {
    const simulation = forceSimulation<Node>(nodes)
      .randomSource(seeded(seed))
      .velocityDecay(0.45)
      .alphaDecay(1 - Math.pow(0.001, 1 / iterations))
      .force('x', forceX<Node>((n) => n.tx).strength(0.06))
      .force('y', forceY<Node>((n) => n.ty).strength(0.06))
      .force('collide', rectCollide(problem))
      .stop();
    for (let i = 0; i < iterations; i++) {
      simulation.tick();
      for (const n of nodes) clampInto(n, area);
    }
  }
  if (!clean(problem) && !repair(problem)) return false;
  tighten(problem);
  return true;
}

/** A fixed seed offset per quadrant, so each quadrant's layout depends on its own cards only. */
const QUADRANT_SEEDS: Record<Quadrant, number> = {
  keepSatisfied: 11,
  manageClosely: 23,
  monitor: 37,
  keepInformed: 41,
};

/**
 * Results of laying out one quadrant, by everything they depend on. Moving
 * one card re-lays only its quadrant(s); the cache is only a speed-up (the
 * same input gives the same result with or without it).
 */
const quadrantCache = new Map<string, { ok: boolean; boxes: CardBox[] }>();

/** Numbers dots in reading order: top to bottom, then left to right. */
function readingOrder(items: readonly LayoutItem[]): Map<string, number> {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1));
  return new Map(sorted.map((item, i) => [item.id, i + 1]));
}

/**
 * Lays out the matrix: cards at the largest font size (from `card.fontMax`
 * down to `card.fontMin`) at which every card fits cleanly in its quadrant,
 * or numbered dots when none does.
 */
export function layoutMatrix(items: readonly LayoutItem[], options: LayoutOptions): MatrixLayout {
  const { width, height, card } = options;
  const gap = options.gap ?? 4;
  const inset = options.inset ?? 3;
  const marker = options.markerSize ?? 12;
  const iterations = options.iterations ?? 80;
  const seed = options.seed ?? 1;
  const quads = quadrantRects(width, height);
  const areas = Object.fromEntries(
    Object.entries(quads).map(([q, r]) => [
      q,
      {
        left: r.left + inset,
        top: r.top + inset,
        width: Math.max(0, r.width - 2 * inset),
        height: Math.max(0, r.height - 2 * inset),
      },
    ]),
  ) as Record<Quadrant, Rect>;
  const byQuadrant = new Map<Quadrant, LayoutItem[]>();
  for (const item of items) {
    const list = byQuadrant.get(item.quadrant);
    if (list) list.push(item);
    else byQuadrant.set(item.quadrant, [item]);
  }
  const obstaclesIn = (area: Rect) =>
    (options.obstacles ?? []).filter((o) => rectsOverlap(o, area, 0));

  const attempt = (
    size: (item: LayoutItem) => { width: number; height: number; lines: number },
  ) => {
    const boxes = new Map<string, CardBox>();
    let clean = true;
    for (const [quadrant, list] of byQuadrant) {
      const area = areas[quadrant];
      const obstacles = obstaclesIn(area);
      const nodes: Node[] = list.map((item) => {
        const s = size(item);
        return {
          id: item.id,
          tx: item.x,
          ty: item.y,
          w: Math.min(s.width, area.width),
          h: Math.min(s.height, area.height),
          lines: s.lines,
          x: item.x,
          y: item.y,
        };
      });
      // The same quadrant laid out the same way before (only another
      // quadrant changed, or the font search came by again): reuse it.
      const key = JSON.stringify([
        nodes.map((n) => [n.id, n.tx, n.ty, n.w, n.h]),
        area,
        obstacles,
        gap,
        marker,
        iterations,
        seed,
      ]);
      let known = quadrantCache.get(key);
      if (!known) {
        // Too many to fit at all: no need to simulate.
        const need = nodes.reduce((sum, n) => sum + (n.w + gap) * (n.h + gap), 0);
        const free =
          area.width * area.height - obstacles.reduce((sum, o) => sum + o.width * o.height, 0);
        const dots = list.map((item) => ({
          id: item.id,
          rect: {
            left: item.x - marker / 2,
            top: item.y - marker / 2,
            width: marker,
            height: marker,
          },
        }));
        const problem: QuadrantProblem = {
          nodes,
          centre: { x: width / 2, y: height / 2 },
          area,
          obstacles,
          dots,
          gap,
        };
        let ok = true;
        if (need > free * 0.85) {
          ok = false;
          for (const n of nodes) clampInto(n, area);
        } else ok = placeQuadrant(problem, iterations, seed + QUADRANT_SEEDS[quadrant]);
        known = { ok, boxes: nodes.map((n) => ({ ...boxOf(n), lines: n.lines })) };
        if (quadrantCache.size >= 400) quadrantCache.delete(quadrantCache.keys().next().value!);
        quadrantCache.set(key, known);
      }
      nodes.forEach((n, i) => boxes.set(n.id, known.boxes[i]!));
      if (!known.ok) clean = false;
      if (!clean) break;
    }
    return { boxes, clean };
  };

  // The largest font at which every card fits: try the largest first (a
  // sparse matrix), then search the range (fitting is monotone in practice).
  const shapes = [card.maxWidthEm, ...(card.narrowWidthEm ? [card.narrowWidthEm] : [])];
  const tryFont = (font: number) => {
    let result: ReturnType<typeof attempt> | null = null;
    for (const maxWidthEm of shapes) {
      const style = { ...card, maxWidthEm };
      result = attempt((item) =>
        cardSize(
          item.textWidth,
          font,
          style,
          areas[item.quadrant].width,
          item.words ? { widths: item.words, space: item.spaceWidth ?? 0.28 } : undefined,
        ),
      );
      if (result.clean) break;
    }
    return result!;
  };
  let best: { font: number; boxes: Map<string, CardBox> } | null = null;
  const top = tryFont(card.fontMax);
  if (top.clean) best = { font: card.fontMax, boxes: top.boxes };
  else {
    let lo = card.fontMin;
    let hi = card.fontMax - 1;
    while (lo <= hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const result = tryFont(mid);
      if (result.clean) {
        best = { font: mid, boxes: result.boxes };
        lo = mid + 1;
      } else hi = mid - 1;
    }
  }
  if (best) return { mode: 'cards', fontSize: best.font, boxes: best.boxes, numbers: new Map() };

  // Numbered dots: badges on a lattice of badge-sized cells per quadrant,
  // each dot taking the free cell nearest to it (so badges never overlap),
  // at the largest badge size for which every quadrant has cells enough.
  const numbers = readingOrder(items);
  const badgeMax = options.badgeFont ?? card.fontMin;
  const widest = Math.max(1, ...numbers.values());
  let result: Map<string, CardBox> | null = null;
  let font = badgeMax;
  for (; font >= 6 && !result; font--) {
    const cell = badgeSize(widest, font);
    const boxes = new Map<string, CardBox>();
    let ok = true;
    for (const [quadrant, list] of byQuadrant) {
      const placedHere = latticeBadges(
        list,
        areas[quadrant],
        obstaclesIn(areas[quadrant]),
        cell,
        gap,
        (item) => badgeSize(numbers.get(item.id) ?? 0, font),
      );
      if (!placedHere) {
        ok = false;
        break;
      }
      for (const [id, box] of placedHere) boxes.set(id, box);
    }
    if (ok) result = boxes;
  }
  if (!result) {
    // More dots than even the smallest badges can hold apart: badges on their dots.
    font = 6;
    result = new Map();
    for (const item of items) {
      const s = badgeSize(numbers.get(item.id) ?? 0, font);
      const n = { x: item.x, y: item.y, w: s.width, h: s.height } as Node;
      clampInto(n, areas[item.quadrant]);
      result.set(item.id, { ...boxOf(n), lines: 1 });
    }
    return { mode: 'numbered', fontSize: font, boxes: result, numbers };
  }
  return { mode: 'numbered', fontSize: font + 1, boxes: result, numbers };
}

/**
 * Number badges for one quadrant on a lattice of `cell`-sized cells: each dot
 * (in reading order) takes the free cell nearest to it; cells under an
 * obstacle stay empty. Null when there are fewer free cells than dots.
 */
function latticeBadges(
  list: readonly LayoutItem[],
  area: Rect,
  obstacles: readonly Rect[],
  cell: { width: number; height: number },
  gap: number,
  size: (item: LayoutItem) => { width: number; height: number },
): Map<string, CardBox> | null {
  const cw = cell.width + gap;
  const ch = cell.height + gap;
  const cols = Math.floor((area.width + gap) / cw);
  const rows = Math.floor((area.height + gap) / ch);
  if (cols <= 0 || rows <= 0) return list.length === 0 ? new Map() : null;
  // Centre the lattice in the quadrant.
  const ox = area.left + (area.width - (cols * cw - gap)) / 2;
  const oy = area.top + (area.height - (rows * ch - gap)) / 2;
  const taken = new Uint8Array(cols * rows);
  let free = cols * rows;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const box = { left: ox + c * cw, top: oy + r * ch, width: cell.width, height: cell.height };
      if (obstacles.some((o) => rectsOverlap(box, o, 0))) {
        taken[r * cols + c] = 1;
        free--;
      }
    }
  if (free < list.length) return null;
  const boxes = new Map<string, CardBox>();
  const order = [...list].sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1));
  for (const item of order) {
    // Search rings of cells round the dot's cell until one is free.
    const c0 = Math.min(cols - 1, Math.max(0, Math.floor((item.x - ox) / cw)));
    const r0 = Math.min(rows - 1, Math.max(0, Math.floor((item.y - oy) / ch)));
    let best: { c: number; r: number; d: number } | null = null;
    for (let ring = 0; ring <= Math.max(cols, rows) && !best; ring++) {
      for (let r = r0 - ring; r <= r0 + ring; r++) {
        for (let c = c0 - ring; c <= c0 + ring; c++) {
          if (Math.max(Math.abs(r - r0), Math.abs(c - c0)) !== ring) continue;
          if (r < 0 || c < 0 || r >= rows || c >= cols || taken[r * cols + c]) continue;
          const d = Math.hypot(
            ox + c * cw + cell.width / 2 - item.x,
            oy + r * ch + cell.height / 2 - item.y,
          );
          if (!best || d < best.d) best = { c, r, d };
        }
      }
    }
    if (!best) return null;
    taken[best.r * cols + best.c] = 1;
    const s = size(item);
    boxes.set(item.id, {
      left: ox + best.c * cw + (cell.width - s.width) / 2,
      top: oy + best.r * ch + (cell.height - s.height) / 2,
      width: s.width,
      height: s.height,
      lines: 1,
    });
  }
  return boxes;
}
