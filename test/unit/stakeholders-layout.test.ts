/**
 * The matrix card layout (shared/stakeholders/layout.ts), pure: every card
 * inside its stakeholder's quadrant, no two cards overlapping, no leader line
 * through a card, the largest font that fits, numbered dots when nothing
 * fits — and the same input always giving the same layout.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cardSize,
  layoutMatrix,
  leaderLine,
  quadrantRects,
  rectInside,
  rectsOverlap,
  segmentCrossesRect,
  wrapLines,
  type CardStyle,
  type LayoutItem,
  type LayoutOptions,
  type MatrixLayout,
} from '../../shared/stakeholders/layout';
import { quadrantOf } from '../../shared/stakeholders/quadrants';

const STYLE: CardStyle = {
  fontMax: 14,
  fontMin: 11,
  padX: 10,
  padY: 4,
  lineHeight: 1.2,
  maxWidthEm: 16,
  narrowWidthEm: 10,
  maxLines: 3,
};

/** Items at scores (power, interest) on a width×height plot; names ~0.6 em per character. */
function itemsAt(
  points: readonly { power: number; interest: number; name?: string }[],
  width: number,
  height: number,
): LayoutItem[] {
  return points.map((p, i) => {
    const name = p.name ?? `Stakeholder ${i + 1}`;
    return {
      id: `s${i}`,
      x: (p.interest / 100) * width,
      y: ((100 - p.power) / 100) * height,
      quadrant: quadrantOf(p),
      textWidth: name.length * 0.6,
      words: name.split(' ').map((w) => w.length * 0.6),
      spaceWidth: 0.28,
    };
  });
}

/** Every geometric promise of the layout; returns problems found (empty = all kept). */
function problems(items: readonly LayoutItem[], layout: MatrixLayout, o: LayoutOptions): string[] {
  const found: string[] = [];
  const quads = quadrantRects(o.width, o.height);
  for (const item of items) {
    const box = layout.boxes.get(item.id);
    if (!box) {
      found.push(`${item.id}: no box`);
      continue;
    }
    if (!rectInside(box, quads[item.quadrant])) found.push(`${item.id}: outside its quadrant`);
    for (const other of items) {
      if (other.id <= item.id) continue;
      if (rectsOverlap(box, layout.boxes.get(other.id)!, 0))
        found.push(`${item.id} overlaps ${other.id}`);
    }
    if (layout.mode === 'cards') {
      const leader = leaderLine(item.x, item.y, box);
      for (const other of items) {
        if (other.id === item.id || !leader) continue;
        if (
          segmentCrossesRect(
            leader.x1,
            leader.y1,
            leader.x2,
            leader.y2,
            layout.boxes.get(other.id)!,
          )
        )
          found.push(`${item.id}: leader through ${other.id}`);
      }
    }
  }
  return found;
}

const SAMPLE = [
  ['Skills Fund board', 90, 85],
  ['Economy and Labour Department', 80, 60],
  ['Youth Employment Unit', 95, 30],
  ['Riveline Mobile', 55, 70],
  ['Corvane Learning', 60, 80],
  ['Loopwise Devices', 30, 80],
  ['Community College', 45, 70],
  ['Youth Centres Network', 35, 85],
  ['Community Radio', 25, 45],
  ['Creators Collective', 30, 60],
  ['Youth Careers Trust', 40, 90],
  ['Family Childcare Co-op', 20, 70],
  ['Youth Wellbeing Service', 25, 60],
  ['Money Advice Centre', 15, 45],
  ['Stepwell Recruitment', 35, 40],
  ['Chamber of Commerce', 70, 65],
  ['Brackenfield IT Services', 65, 75],
  ['Ardley Freight', 60, 35],
  ['Lower Valley Hospitals', 65, 30],
  ['Orrin Contact Solutions', 40, 30],
  ['Trades Council', 55, 40],
  ['Youth Council', 35, 75],
].map(([name, power, interest]) => ({
  name: name as string,
  power: power as number,
  interest: interest as number,
}));

describe('matrix layout', () => {
  it('lays the sample out as named cards on a 1280×720 section and workshop plot', () => {
    for (const o of [
      { width: 950, height: 420, card: STYLE },
      {
        width: 1200,
        height: 470,
        card: {
          ...STYLE,
          fontMax: 23,
          fontMin: 18,
          padX: 13,
          padY: 5,
          maxWidthEm: 14,
          narrowWidthEm: 8,
        },
      },
    ]) {
      const items = itemsAt(SAMPLE, o.width, o.height);
      const layout = layoutMatrix(items, o);
      expect(layout.mode).toBe('cards');
      expect(layout.fontSize).toBeGreaterThanOrEqual(o.card.fontMin);
      expect(problems(items, layout, o)).toEqual([]);
    }
  });

  it('leaves a lone card on its dot, at the largest font', () => {
    const o = { width: 800, height: 600, card: STYLE };
    const layout = layoutMatrix(itemsAt([{ power: 75, interest: 75 }], 800, 600), o);
    const box = layout.boxes.get('s0')!;
    expect(layout).toMatchObject({ mode: 'cards', fontSize: 14 });
    expect(leaderLine(600, 150, box)).toBeNull();
  });

  it('keeps a card at the midline inside its own quadrant (a score of 50 is high)', () => {
    const o = { width: 800, height: 600, card: STYLE };
    const items = itemsAt([{ power: 50, interest: 50, name: 'On the line' }], 800, 600);
    const layout = layoutMatrix(items, o);
    expect(items[0]!.quadrant).toBe('manageClosely');
    expect(rectInside(layout.boxes.get('s0')!, quadrantRects(800, 600).manageClosely)).toBe(true);
  });

  it('keeps every card in its quadrant, apart, with clear leaders (random maps up to 30)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            power: fc.integer({ min: 0, max: 100 }),
            interest: fc.integer({ min: 0, max: 100 }),
          }),
          { maxLength: 30 },
        ),
        fc.constantFrom(
          { width: 950, height: 420 },
          { width: 1050, height: 460 },
          { width: 1500, height: 640 },
        ),
        (points, size) => {
          const o = {
            ...size,
            card: STYLE,
            obstacles: [{ left: 6, top: 6, width: 175, height: 36 }],
          };
          const items = itemsAt(points, size.width, size.height);
          const layout = layoutMatrix(items, o);
          expect(problems(items, layout, o)).toEqual([]);
          for (const item of items) {
            expect(rectsOverlap(layout.boxes.get(item.id)!, o.obstacles[0]!, 0)).toBe(false);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('shrinks the type before giving up on names, never below the minimum', () => {
    const crowd = Array.from({ length: 14 }, (_, i) => ({
      power: 60 + (i % 4) * 9,
      interest: 55 + Math.floor(i / 4) * 12,
      name: `Regional Employers Forum ${i + 1}`,
    }));
    const o = { width: 1000, height: 460, card: STYLE };
    const items = itemsAt(crowd, 1000, 460);
    const layout = layoutMatrix(items, o);
    expect(layout.mode).toBe('cards');
    expect(layout.fontSize).toBeLessThan(14);
    expect(layout.fontSize).toBeGreaterThanOrEqual(11);
    expect(problems(items, layout, o)).toEqual([]);
  });

  it('degrades to numbered dots, still apart and inside their quadrants, with hundreds', () => {
    let seed = 3;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const points = Array.from({ length: 300 }, () => ({
      power: Math.round(rand() * 100),
      interest: Math.round(rand() * 100),
    }));
    const o = { width: 950, height: 420, card: STYLE };
    const items = itemsAt(points, 950, 420);
    const layout = layoutMatrix(items, o);
    expect(layout.mode).toBe('numbered');
    expect([...layout.numbers.values()].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 300 }, (_, i) => i + 1),
    );
    expect(problems(items, layout, o)).toEqual([]);
  });

  it('gives the same layout for the same input, and moving one card leaves other quadrants be', () => {
    const o = { width: 950, height: 420, card: STYLE };
    const items = itemsAt(SAMPLE, 950, 420);
    const a = layoutMatrix(items, o);
    const b = layoutMatrix(
      items.map((i) => ({ ...i })),
      o,
    );
    expect([...b.boxes]).toEqual([...a.boxes]);
    // Move a Monitor stakeholder within Monitor: the other quadrants keep every card.
    const moved = items.map((i) => (i.id === 's8' ? { ...i, x: i.x - 40 } : i));
    const c = layoutMatrix(moved, o);
    if (c.fontSize === a.fontSize) {
      for (const item of items) {
        if (item.quadrant !== 'monitor') expect(c.boxes.get(item.id)).toEqual(a.boxes.get(item.id));
      }
    }
  });
});

describe('card sizes and geometry', () => {
  it('wraps a long name at spaces, like the browser', () => {
    expect(wrapLines([5, 5, 5], 1, 11)).toEqual({ lines: 2, widest: 11 });
    expect(wrapLines([5, 5, 5], 1, 100)).toEqual({ lines: 1, widest: 17 });
    // A word longer than a line breaks anywhere.
    expect(wrapLines([25], 1, 10).lines).toBe(3);
  });

  it('sizes a short name on one line and a long one on more, never past the widest', () => {
    const short = cardSize(5, 14, STYLE);
    expect(short.lines).toBe(1);
    expect(short.width).toBeGreaterThanOrEqual(5 * 14 + 20);
    const long = cardSize(30, 14, STYLE, Infinity, { widths: [6, 6, 6, 6, 6], space: 0 });
    expect(long.lines).toBeGreaterThan(1);
    expect(long.width).toBeLessThanOrEqual(16 * 14);
    expect(long.height).toBeCloseTo(Math.ceil(long.lines * 14 * 1.2 + 8), 0);
  });

  it('finds leader lines through rectangles', () => {
    const r = { left: 10, top: 10, width: 10, height: 10 };
    expect(segmentCrossesRect(0, 15, 30, 15, r)).toBe(true);
    expect(segmentCrossesRect(0, 0, 30, 0, r)).toBe(false);
    expect(segmentCrossesRect(0, 0, 9, 9, r)).toBe(false);
    expect(leaderLine(5, 15, r)).toEqual({ x1: 5, y1: 15, x2: 10, y2: 15 });
    expect(leaderLine(15, 15, r)).toBeNull();
  });
});
