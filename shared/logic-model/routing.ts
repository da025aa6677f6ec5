/**
 * Orthogonal arrow routing for the logic-model lanes (pure geometry).
 *
 * Cards sit in columns (lanes) separated by empty gutters. An arrow leaves its
 * card's side, turns in the gutter next to it, and — when it has lanes to
 * cross — runs through them along a horizontal corridor that no card in those
 * lanes occupies (between two cards, or below the last one), then turns again
 * in the gutter beside its target. So no arrow passes over or behind a card
 * other than its two ends, and a skipped column never reads as a chain
 * through the cards in it. Arrows sharing a gutter get their own tracks.
 */

/** A box in diagram coordinates. */
export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** A point of a route. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A lane's horizontal extent (the column its cards sit in). */
export interface LaneSpan {
  readonly left: number;
  readonly right: number;
}

/** A card and the lane (index into the lane spans) it sits in. */
export interface RoutedCard {
  readonly lane: number;
  readonly box: Rect;
}

/** An arrow to route. */
export interface RoutedLink {
  readonly id: string;
  readonly source: string;
  readonly target: string;
}

/** Gap left before the arrowhead touches its card, so the head stays visible. */
export const HEAD_GAP = 3;
/** Clearance kept between a corridor and the cards it passes. */
const CLEARANCE = 3;
/** Spacing of parallel tracks in one gutter. */
const TRACK_SPACING = 5;

type Side = 'right' | 'left';

interface Leg {
  /** Gutter index g lies between lane g-1 and lane g (0 = before the first lane). */
  gutter: number;
  linkId: string;
}

function gutterX(lanes: readonly LaneSpan[], gutter: number): { centre: number; width: number } {
  const before = lanes[gutter - 1];
  const after = lanes[gutter];
  if (before && after)
    return { centre: (before.right + after.left) / 2, width: after.left - before.right };
  if (before) return { centre: before.right + 12, width: 20 };
  return { centre: after!.left - 12, width: 20 };
}

/**
 * A y for a horizontal run through the given lanes that touches no card in
 * them: the free corridor closest to the two ends' heights.
 */
export function freeCorridor(
  cards: readonly RoutedCard[],
  lanes: ReadonlySet<number>,
  sy: number,
  ty: number,
): number {
  const blocks = cards
    .filter((c) => lanes.has(c.lane))
    .map((c) => [c.box.top - CLEARANCE, c.box.top + c.box.height + CLEARANCE] as const)
    .sort((a, b) => a[0] - b[0]);
  const free = (y: number) => blocks.every(([a, b]) => y <= a || y >= b);
  const candidates = [sy, ty, (sy + ty) / 2];
  for (const [a, b] of blocks) {
    candidates.push(a - 4, b + 4);
  }
  // Midpoints of gaps between consecutive blocks read best (centred between cards).
  const merged: [number, number][] = [];
  for (const [a, b] of blocks) {
    const last = merged.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  for (let i = 0; i + 1 < merged.length; i += 1)
    candidates.push((merged[i]![1] + merged[i + 1]![0]) / 2);
  if (merged.length) {
    candidates.push(merged.at(-1)![1] + 8, merged[0]![0] - 8);
  }
  let best = merged.length ? merged.at(-1)![1] + 8 : sy;
  let bestCost = Infinity;
  for (const y of candidates) {
    if (!free(y)) continue;
    const cost = Math.abs(y - sy) + Math.abs(y - ty) + Math.abs(y - sy) * 0.01;
    if (cost < bestCost) {
      bestCost = cost;
      best = y;
    }
  }
  return best;
}

interface Plan {
  link: RoutedLink;
  start: Point;
  end: Point;
  side: Side;
  /** Gutters used, in order: first leaves the source, last reaches the target. */
  gutters: number[];
  corridor: number | null;
}

/**
 * Routes every link between cards in lanes; links whose ends are unknown are
 * left out. Each route is a list of points joined by horizontal and vertical
 * segments, from the source card's edge to just before the target's edge.
 */
export function routeArrows(
  lanes: readonly LaneSpan[],
  cards: ReadonlyMap<string, RoutedCard>,
  links: readonly RoutedLink[],
): Map<string, Point[]> {
  const all = [...cards.values()];
  const plans: Plan[] = [];
  for (const link of links) {
    const s = cards.get(link.source);
    const t = cards.get(link.target);
    if (!s || !t || link.source === link.target) continue;
    const sy = s.box.top + s.box.height / 2;
    const ty = t.box.top + t.box.height / 2;
    if (t.lane > s.lane) {
      const crossing = new Set<number>();
      for (let l = s.lane + 1; l < t.lane; l += 1) crossing.add(l);
      plans.push({
        link,
        side: 'right',
        start: { x: s.box.left + s.box.width, y: sy },
        end: { x: t.box.left - HEAD_GAP, y: ty },
        gutters: crossing.size ? [s.lane + 1, t.lane] : [s.lane + 1],
        corridor: crossing.size ? freeCorridor(all, crossing, sy, ty) : null,
      });
    } else if (t.lane < s.lane) {
      const crossing = new Set<number>();
      for (let l = t.lane + 1; l < s.lane; l += 1) crossing.add(l);
      plans.push({
        link,
        side: 'left',
        start: { x: s.box.left, y: sy },
        end: { x: t.box.left + t.box.width + HEAD_GAP, y: ty },
        gutters: crossing.size ? [s.lane, t.lane + 1] : [s.lane],
        corridor: crossing.size ? freeCorridor(all, crossing, sy, ty) : null,
      });
    } else {
      // Within a lane: out to the gutter on the right and back.
      plans.push({
        link,
        side: 'right',
        start: { x: s.box.left + s.box.width, y: sy },
        end: { x: t.box.left + t.box.width + HEAD_GAP, y: ty },
        gutters: [s.lane + 1],
        corridor: null,
      });
    }
  }

  // Give each arrow its own track in every gutter it turns in.
  const legs = new Map<number, Leg[]>();
  for (const plan of plans)
    for (const g of plan.gutters) {
      const list = legs.get(g) ?? [];
      list.push({ gutter: g, linkId: plan.link.id });
      legs.set(g, list);
    }
  const trackX = (g: number, linkId: string): number => {
    const list = legs.get(g) ?? [];
    const { centre, width } = gutterX(lanes, g);
    const n = list.length;
    const spacing = Math.min(TRACK_SPACING, Math.max(1, (width - 8) / Math.max(1, n)));
    const i = list.findIndex((l) => l.linkId === linkId);
    return centre + (i - (n - 1) / 2) * spacing;
  };

  const routes = new Map<string, Point[]>();
  for (const plan of plans) {
    const { start, end } = plan;
    const points: Point[] = [start];
    const [g1, g2] = plan.gutters;
    const x1 = trackX(g1!, plan.link.id);
    points.push({ x: x1, y: start.y });
    if (plan.corridor !== null && g2 !== undefined) {
      const x2 = trackX(g2, plan.link.id);
      points.push({ x: x1, y: plan.corridor }, { x: x2, y: plan.corridor }, { x: x2, y: end.y });
    } else {
      points.push({ x: x1, y: end.y });
    }
    points.push(end);
    routes.set(plan.link.id, simplify(points));
  }
  return routes;
}

/** Drops repeated points and points in the middle of a straight run. */
export function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out.at(-1);
    if (last && Math.abs(last.x - p.x) < 0.01 && Math.abs(last.y - p.y) < 0.01) continue;
    const prev = out.at(-2);
    if (
      prev &&
      last &&
      ((Math.abs(prev.x - last.x) < 0.01 && Math.abs(last.x - p.x) < 0.01) ||
        (Math.abs(prev.y - last.y) < 0.01 && Math.abs(last.y - p.y) < 0.01))
    )
      out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

/** True when the segment a–b passes through the inside of the box (edges excluded). */
export function segmentHitsBox(a: Point, b: Point, box: Rect, inset = 0.5): boolean {
  const left = box.left + inset;
  const right = box.left + box.width - inset;
  const top = box.top + inset;
  const bottom = box.top + box.height - inset;
  if (left >= right || top >= bottom) return false;
  // Liang–Barsky clipping of the segment against the box.
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const edges: [number, number][] = [
    [-dx, a.x - left],
    [dx, right - a.x],
    [-dy, a.y - top],
    [dy, bottom - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q <= 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 >= t1) return false;
    }
  }
  return true;
}

/** An SVG path through the route's points with softly rounded corners. */
export function roundedPath(points: readonly Point[], radius = 6): string {
  if (points.length === 0) return '';
  const f = (n: number) => Math.round(n * 10) / 10;
  let d = `M ${f(points[0]!.x)} ${f(points[0]!.y)}`;
  for (let i = 1; i < points.length; i += 1) {
    const p = points[i]!;
    const next = points[i + 1];
    if (!next) {
      d += ` L ${f(p.x)} ${f(p.y)}`;
      break;
    }
    const prev = points[i - 1]!;
    const inLen = Math.hypot(p.x - prev.x, p.y - prev.y);
    const outLen = Math.hypot(next.x - p.x, next.y - p.y);
    const r = Math.min(radius, inLen / 2, outLen / 2);
    const ax = p.x - ((p.x - prev.x) / (inLen || 1)) * r;
    const ay = p.y - ((p.y - prev.y) / (inLen || 1)) * r;
    const bx = p.x + ((next.x - p.x) / (outLen || 1)) * r;
    const by = p.y + ((next.y - p.y) / (outLen || 1)) * r;
    d += ` L ${f(ax)} ${f(ay)} Q ${f(p.x)} ${f(p.y)} ${f(bx)} ${f(by)}`;
  }
  return d;
}
