/**
 * Label placement for the matrix, so cards stay legible when many
 * stakeholders sit close together. Each stakeholder keeps a marker at its
 * exact position; its card is moved to the nearest free spot (with a leader
 * line back to the marker). When no free spot is near enough, the card is
 * collapsed to its marker and counted on the nearest card ("+2 nearby").
 * Greedy and deterministic: the same positions always give the same layout.
 */

/** A stakeholder to place, at its exact position in pixels. */
export interface LayoutItem {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

/** An axis-aligned rectangle in pixels (left, top, width, height). */
export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Where a card goes relative to its marker. */
export interface Placement {
  /** Offset of the card's centre from the marker, in pixels. */
  readonly dx: number;
  readonly dy: number;
  /** True when the card did not fit and shows only as a marker. */
  readonly collapsed: boolean;
  /** How many collapsed neighbours are counted on this card. */
  readonly clustered: number;
}

/** Options for `layoutCards`. */
export interface LayoutOptions {
  readonly cardWidth: number;
  readonly cardHeight: number;
  readonly width: number;
  readonly height: number;
  /** Areas cards must not cover (e.g. quadrant labels). */
  readonly obstacles?: readonly Rect[];
  /** How far a card may move from its marker, in card sizes (default 2.2). */
  readonly maxDisplacement?: number;
  /** Free space kept between cards, in pixels. */
  readonly gap?: number;
  /**
   * Size of each stakeholder's marker; when set, cards keep clear of other
   * stakeholders' markers so no exact position is hidden under a card.
   */
  readonly markerSize?: number;
  /**
   * Where cards were last time (offsets in pixels). A card goes back onto its
   * marker when it can, otherwise keeps its previous spot if still free, and
   * only then looks for the nearest free spot — so moving one card in a
   * workshop does not reshuffle the labels of the others.
   */
  readonly previous?: ReadonlyMap<string, { readonly dx: number; readonly dy: number }>;
}

function overlaps(a: Rect, b: Rect, gap: number): boolean {
  return (
    a.left < b.left + b.width + gap &&
    b.left < a.left + a.width + gap &&
    a.top < b.top + b.height + gap &&
    b.top < a.top + a.height + gap
  );
}

/** Candidate offsets (in card-size units), nearest in pixels first; cached per size. */
const candidateCache = new Map<string, readonly (readonly [number, number])[]>();
function candidates(
  maxDisplacement: number,
  w: number,
  h: number,
): readonly (readonly [number, number])[] {
  const key = `${maxDisplacement}:${w}:${h}`;
  const cached = candidateCache.get(key);
  if (cached) return cached;
  const list: [number, number][] = [];
  // Quarter-card steps across, half-card steps up and down. Cards are wide
  // and short, so a card may move further (in card units) up or down than
  // sideways before it strays from its marker.
  const maxX = maxDisplacement;
  const maxY = maxDisplacement * 1.5;
  for (let i = -Math.ceil(maxX * 4); i <= Math.ceil(maxX * 4); i++) {
    for (let j = -Math.ceil(maxY * 2); j <= Math.ceil(maxY * 2); j++) {
      const ux = i / 4;
      const uy = j / 2;
      if (Math.hypot(ux / maxX, uy / maxY) <= 1) list.push([ux, uy]);
    }
  }
  list.sort((a, b) => Math.hypot(a[0] * w, a[1] * h) - Math.hypot(b[0] * w, b[1] * h));
  if (candidateCache.size > 20) candidateCache.clear();
  candidateCache.set(key, list);
  return list;
}

/** A grid of buckets so each overlap test looks only at nearby rectangles. */
interface OwnedRect extends Rect {
  readonly owner: string | null;
}

class RectIndex {
  private readonly cells = new Map<number, OwnedRect[]>();
  constructor(
    private readonly cellW: number,
    private readonly cellH: number,
  ) {}
  private keys(r: Rect): number[] {
    const keys: number[] = [];
    const x0 = Math.floor(r.left / this.cellW);
    const x1 = Math.floor((r.left + r.width) / this.cellW);
    const y0 = Math.floor(r.top / this.cellH);
    const y1 = Math.floor((r.top + r.height) / this.cellH);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) keys.push(x * 100_003 + y);
    return keys;
  }
  add(r: OwnedRect): void {
    for (const k of this.keys(r)) {
      const cell = this.cells.get(k);
      if (cell) cell.push(r);
      else this.cells.set(k, [r]);
    }
  }
  /** Whether `r` overlaps anything except what belongs to `owner`. */
  hits(r: Rect, gap: number, owner: string): boolean {
    for (const k of this.keys(r)) {
      const cell = this.cells.get(k);
      if (!cell) continue;
      for (const other of cell) {
        if (other.owner === owner) continue;
        // Markers only need to stay uncovered, not spaced: no gap for them.
        if (overlaps(r, other, other.owner === null ? gap : 0)) return true;
      }
    }
    return false;
  }
}

/**
 * Places cards for `items`, in the order given (put the most important
 * first: they get their exact spot). Cards are kept inside the box.
 */
export function layoutCards(
  items: readonly LayoutItem[],
  options: LayoutOptions,
): Map<string, Placement> {
  const { cardWidth: w, cardHeight: h, width, height } = options;
  const gap = options.gap ?? 2;
  const result = new Map<string, Placement>();
  const index = new RectIndex(Math.max(w, 1), Math.max(h, 1));
  for (const o of options.obstacles ?? []) index.add({ ...o, owner: null });
  const m = options.markerSize ?? 0;
  if (m > 0) {
    for (const item of items) {
      index.add({ left: item.x - m / 2, top: item.y - m / 2, width: m, height: m, owner: item.id });
    }
  }
  const offsets = candidates(options.maxDisplacement ?? 2.2, w, h);
  const placed: { id: string; cx: number; cy: number }[] = [];
  const collapsed: LayoutItem[] = [];

  for (const item of items) {
    let found: Placement | null = null;
    const before = options.previous?.get(item.id);
    const tries =
      before && (before.dx !== 0 || before.dy !== 0)
        ? [offsets[0]!, [before.dx / w, before.dy / h] as const, ...offsets.slice(1)]
        : offsets;
    for (const [ux, uy] of tries) {
      // Keep the card inside the box; the clamped offset is what counts.
      const left = Math.min(Math.max(item.x + ux * w - w / 2, 0), Math.max(width - w, 0));
      const top = Math.min(Math.max(item.y + uy * h - h / 2, 0), Math.max(height - h, 0));
      const rect = { left, top, width: w, height: h };
      if (index.hits(rect, gap, item.id)) continue;
      index.add({ ...rect, owner: null });
      found = {
        dx: left + w / 2 - item.x,
        dy: top + h / 2 - item.y,
        collapsed: false,
        clustered: 0,
      };
      placed.push({ id: item.id, cx: left + w / 2, cy: top + h / 2 });
      break;
    }
    if (found) result.set(item.id, found);
    else collapsed.push(item);
  }

  for (const item of collapsed) {
    result.set(item.id, { dx: 0, dy: 0, collapsed: true, clustered: 0 });
    let best: { id: string; d: number } | null = null;
    for (const p of placed) {
      const d = Math.hypot(p.cx - item.x, p.cy - item.y);
      if (!best || d < best.d) best = { id: p.id, d };
    }
    if (best) {
      const host = result.get(best.id)!;
      result.set(best.id, { ...host, clustered: host.clustered + 1 });
    }
  }
  return result;
}

/**
 * The leader line from a marker (at 0,0) to a card centred at (dx, dy), as
 * the point on the card's edge nearest the marker; null when the marker is
 * under the card anyway.
 */
export function leaderEnd(
  dx: number,
  dy: number,
  cardWidth: number,
  cardHeight: number,
): { x: number; y: number } | null {
  const left = dx - cardWidth / 2;
  const right = dx + cardWidth / 2;
  const top = dy - cardHeight / 2;
  const bottom = dy + cardHeight / 2;
  if (left <= 0 && right >= 0 && top <= 0 && bottom >= 0) return null;
  return { x: Math.min(Math.max(0, left), right), y: Math.min(Math.max(0, top), bottom) };
}

/**
 * A `layoutCards` that remembers its last result: cards whose marker has not
 * moved are offered their previous spot, so one move in a workshop leaves
 * the other labels where the room last saw them.
 */
export function createStableLayout(): (
  items: readonly LayoutItem[],
  options: Omit<LayoutOptions, 'previous'>,
) => Map<string, Placement> {
  let lastKey = '';
  let lastItems = new Map<string, LayoutItem>();
  let lastResult = new Map<string, Placement>();
  return (items, options) => {
    // A different box or card size makes old offsets meaningless.
    const key = `${options.width}x${options.height}/${options.cardWidth}x${options.cardHeight}`;
    const previous = new Map<string, { dx: number; dy: number }>();
    if (key === lastKey) {
      for (const item of items) {
        const before = lastItems.get(item.id);
        const placed = lastResult.get(item.id);
        if (before && placed && !placed.collapsed && before.x === item.x && before.y === item.y) {
          previous.set(item.id, placed);
        }
      }
    }
    const result = layoutCards(items, { ...options, previous });
    lastKey = key;
    lastItems = new Map(items.map((i) => [i.id, i]));
    lastResult = result;
    return result;
  };
}
