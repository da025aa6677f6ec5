import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HEAD_GAP,
  routeArrows,
  roundedPath,
  segmentHitsBox,
  simplify,
  type LaneSpan,
  type Point,
  type RoutedCard,
  type RoutedLink,
} from '../../shared/logic-model/routing';

const LANE_WIDTH = 160;
const GUTTER = 46;

/** Six lanes of cards stacked with 10 px gaps, heights as given. */
function diagram(heights: number[][]): { lanes: LaneSpan[]; cards: Map<string, RoutedCard> } {
  const lanes = heights.map((_, i) => ({
    left: 16 + i * (LANE_WIDTH + GUTTER),
    right: 16 + i * (LANE_WIDTH + GUTTER) + LANE_WIDTH,
  }));
  const cards = new Map<string, RoutedCard>();
  heights.forEach((column, lane) => {
    let top = 40;
    column.forEach((h, i) => {
      cards.set(`c${lane}-${i}`, {
        lane,
        box: { left: lanes[lane]!.left, top, width: LANE_WIDTH, height: h },
      });
      top += h + 10;
    });
  });
  return { lanes, cards };
}

function segments(points: readonly Point[]): [Point, Point][] {
  return points.slice(1).map((p, i) => [points[i]!, p]);
}

/** Every card the route passes through, other than its two ends. */
function crossed(
  route: readonly Point[],
  link: RoutedLink,
  cards: ReadonlyMap<string, RoutedCard>,
): string[] {
  const hit: string[] = [];
  for (const [id, card] of cards) {
    if (id === link.source || id === link.target) continue;
    if (segments(route).some(([a, b]) => segmentHitsBox(a, b, card.box))) hit.push(id);
  }
  return hit;
}

describe('logic-model arrow routing', () => {
  it('routes a forward arrow from the right edge to just before the left edge, orthogonally', () => {
    const { lanes, cards } = diagram([[60], [60, 60]]);
    const link = { id: 'l', source: 'c0-0', target: 'c1-1' };
    const route = routeArrows(lanes, cards, [link]).get('l')!;
    const s = cards.get('c0-0')!.box;
    const t = cards.get('c1-1')!.box;
    expect(route[0]).toEqual({ x: s.left + s.width, y: s.top + s.height / 2 });
    expect(route.at(-1)).toEqual({ x: t.left - HEAD_GAP, y: t.top + t.height / 2 });
    for (const [a, b] of segments(route)) expect(a.x === b.x || a.y === b.y).toBe(true);
    // The turn is in the gutter between the two lanes.
    expect(route[1]!.x).toBeGreaterThan(lanes[0]!.right);
    expect(route[1]!.x).toBeLessThan(lanes[1]!.left);
  });

  it('takes an arrow that skips a lane around the cards in it, not through them', () => {
    // The sample's shape: an output skips the short-term lane to an intermediate outcome.
    const { lanes, cards } = diagram([
      [70, 70, 70, 70, 70],
      [80, 80, 80],
      [60, 60, 60],
    ]);
    const link = { id: 'skip', source: 'c0-4', target: 'c2-2' };
    const route = routeArrows(lanes, cards, [link]).get('skip')!;
    expect(crossed(route, link, cards)).toEqual([]);
    // A straight line would have crossed a card in the middle lane.
    const straight: Point[] = [route[0]!, route.at(-1)!];
    expect(crossed(straight, link, cards).length).toBeGreaterThan(0);
  });

  it('routes backward and same-lane arrows around cards too', () => {
    const { lanes, cards } = diagram([[50, 50], [50, 50, 50, 50], [50, 50, 50], [50]]);
    const links = [
      { id: 'back', source: 'c3-0', target: 'c0-1' },
      { id: 'same', source: 'c1-0', target: 'c1-3' },
    ];
    const routes = routeArrows(lanes, cards, links);
    for (const link of links) expect(crossed(routes.get(link.id)!, link, cards)).toEqual([]);
    const back = routes.get('back')!;
    expect(back[0]!.x).toBe(cards.get('c3-0')!.box.left);
    expect(back.at(-1)!.x).toBe(LANE_WIDTH + 16 + HEAD_GAP);
  });

  it('gives arrows sharing a gutter their own tracks', () => {
    const { lanes, cards } = diagram([
      [50, 50],
      [50, 50],
    ]);
    const routes = routeArrows(lanes, cards, [
      { id: 'a', source: 'c0-0', target: 'c1-1' },
      { id: 'b', source: 'c0-1', target: 'c1-0' },
    ]);
    expect(routes.get('a')![1]!.x).not.toBe(routes.get('b')![1]!.x);
  });

  it('never crosses a card, for any column heights and any links', () => {
    const arb = fc
      .array(fc.array(fc.integer({ min: 30, max: 140 }), { minLength: 0, maxLength: 7 }), {
        minLength: 6,
        maxLength: 6,
      })
      .chain((heights) => {
        const ids = heights.flatMap((col, lane) => col.map((_, i) => `c${lane}-${i}`));
        const link =
          ids.length > 1
            ? fc.record({ source: fc.constantFrom(...ids), target: fc.constantFrom(...ids) })
            : fc.constant(null);
        return fc.tuple(fc.constant(heights), fc.array(link, { maxLength: 12 }));
      });
    fc.assert(
      fc.property(arb, ([heights, pairs]) => {
        const { lanes, cards } = diagram(heights);
        const links = pairs
          .filter((p): p is { source: string; target: string } => !!p && p.source !== p.target)
          .map((p, i) => ({ id: `l${i}`, ...p }));
        const routes = routeArrows(lanes, cards, links);
        for (const link of links) {
          const route = routes.get(link.id)!;
          expect(crossed(route, link, cards)).toEqual([]);
          for (const [a, b] of segments(route)) expect(a.x === b.x || a.y === b.y).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('simplifies straight runs and draws rounded corners', () => {
    expect(
      simplify([
        { x: 0, y: 0 },
        { x: 5, y: 0 },
        { x: 10, y: 0 },
        { x: 10, y: 0 },
        { x: 10, y: 8 },
      ]),
    ).toEqual([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 8 },
    ]);
    expect(
      roundedPath([
        { x: 0, y: 0 },
        { x: 20, y: 0 },
        { x: 20, y: 20 },
      ]),
    ).toBe('M 0 0 L 14 0 Q 20 0 20 6 L 20 20');
  });

  it('detects a segment through a box but not one along its edge', () => {
    const box = { left: 0, top: 0, width: 10, height: 10 };
    expect(segmentHitsBox({ x: -5, y: 5 }, { x: 15, y: 5 }, box)).toBe(true);
    expect(segmentHitsBox({ x: -5, y: 0 }, { x: 15, y: 0 }, box)).toBe(false);
    expect(segmentHitsBox({ x: 10, y: 5 }, { x: 30, y: 5 }, box)).toBe(false);
  });
});
