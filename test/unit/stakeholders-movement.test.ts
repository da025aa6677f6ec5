/** Quadrant history, snapshot movement, card layout and register filtering. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Stakeholder } from '../../shared/plan/schema';
import { createStableLayout, layoutCards, leaderEnd } from '../../shared/stakeholders/layout';
import {
  HISTORY_LIMIT,
  movementSince,
  positionsOf,
  quadrantMoves,
  recordMove,
  summariseMovement,
} from '../../shared/stakeholders/movement';
import {
  categoryOf,
  countByQuadrant,
  engagementItems,
  matchesFilter,
  overdueCount,
  sortEntries,
} from '../../shared/stakeholders/register';

const T1 = '2026-11-20T10:00:00.000Z';
const T2 = '2026-11-21T10:00:00.000Z';

describe('quadrant history', () => {
  it('records nothing for a move within a quadrant', () => {
    expect(recordMove([], { power: 60, interest: 60 }, { power: 90, interest: 90 }, T1)).toEqual(
      [],
    );
  });

  it('records the start and the end of the first quadrant change', () => {
    const h = recordMove([], { power: 40, interest: 60 }, { power: 50, interest: 60 }, T1);
    expect(h).toEqual([
      { at: T1, power: 40, interest: 60 },
      { at: T1, power: 50, interest: 60 },
    ]);
    expect(quadrantMoves(h)).toEqual([
      { at: T1, from: 'keepInformed', to: 'manageClosely', position: { power: 50, interest: 60 } },
    ]);
  });

  it('chains later moves and lists them newest first', () => {
    let h = recordMove([], { power: 40, interest: 60 }, { power: 70, interest: 60 }, T1);
    h = recordMove(h, { power: 75, interest: 60 }, { power: 75, interest: 20 }, T2);
    expect(h).toHaveLength(3);
    expect(quadrantMoves(h).map((m) => `${m.from}>${m.to}`)).toEqual([
      'manageClosely>keepSatisfied',
      'keepInformed>manageClosely',
    ]);
  });

  it('keeps at most HISTORY_LIMIT records', () => {
    let h = recordMove([], { power: 0, interest: 0 }, { power: 90, interest: 90 }, T1);
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) {
      const from = i % 2 ? { power: 0, interest: 0 } : { power: 90, interest: 90 };
      const to = i % 2 ? { power: 90, interest: 90 } : { power: 0, interest: 0 };
      h = recordMove(h, from, to, T2);
    }
    expect(h).toHaveLength(HISTORY_LIMIT);
  });
});

describe('movement since a snapshot', () => {
  const snapshot = {
    a: { power: 20, interest: 20 },
    b: { power: 60, interest: 60 },
    gone: { power: 10, interest: 10 },
  };
  it('lists moved and new stakeholders, ignoring tiny moves and deleted ones', () => {
    const moves = movementSince(snapshot, [
      { id: 'a', power: 70, interest: 20 },
      { id: 'b', power: 60.5, interest: 60 },
      { id: 'new', power: 50, interest: 50 },
    ]);
    expect(moves).toEqual([
      {
        id: 'a',
        from: { power: 20, interest: 20 },
        to: { power: 70, interest: 20 },
        distance: 50,
        quadrantChanged: true,
      },
      {
        id: 'new',
        from: null,
        to: { power: 50, interest: 50 },
        distance: 0,
        quadrantChanged: false,
      },
    ]);
    expect(summariseMovement(moves)).toEqual({ moved: 1, quadrantChanged: 1, added: 1 });
  });

  it('does not treat inherited object keys as snapshot entries', () => {
    expect(movementSince({}, [{ id: 'toString', power: 1, interest: 1 }])[0]?.from).toBeNull();
  });

  it('takes positions for a snapshot', () => {
    expect(positionsOf([{ id: 'x', power: 1, interest: 2 }])).toEqual({
      x: { power: 1, interest: 2 },
    });
  });
});

describe('card layout', () => {
  const options = { cardWidth: 100, cardHeight: 30, width: 800, height: 600 };

  it('leaves a lone card on its marker', () => {
    const layout = layoutCards([{ id: 'a', x: 400, y: 300 }], options);
    expect(layout.get('a')).toEqual({ dx: 0, dy: 0, collapsed: false, clustered: 0 });
  });

  it('keeps cards inside the box', () => {
    const layout = layoutCards([{ id: 'a', x: 0, y: 0 }], options);
    expect(layout.get('a')).toMatchObject({ dx: 50, dy: 15 });
  });

  it('moves overlapping cards apart, first come first placed', () => {
    const layout = layoutCards(
      [
        { id: 'a', x: 400, y: 300 },
        { id: 'b', x: 405, y: 302 },
      ],
      options,
    );
    expect(layout.get('a')).toMatchObject({ dx: 0, dy: 0 });
    const b = layout.get('b')!;
    expect(b.collapsed).toBe(false);
    expect(Math.abs(b.dy - -2) >= 30 || Math.abs(b.dx + 5) >= 100).toBe(true);
  });

  it('never overlaps placed cards and collapses the rest into counts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.nat(800), y: fc.nat(600) }), { maxLength: 120 }),
        (points) => {
          const items = points.map((p, i) => ({ id: `s${i}`, ...p }));
          const layout = layoutCards(items, options);
          const rects = items
            .filter((it) => !layout.get(it.id)!.collapsed)
            .map((it) => {
              const p = layout.get(it.id)!;
              return { l: it.x + p.dx - 50, t: it.y + p.dy - 15 };
            });
          for (let i = 0; i < rects.length; i++) {
            const a = rects[i]!;
            expect(a.l).toBeGreaterThanOrEqual(-1e-9);
            expect(a.t).toBeGreaterThanOrEqual(-1e-9);
            for (let j = i + 1; j < rects.length; j++) {
              const b = rects[j]!;
              expect(Math.abs(a.l - b.l) >= 100 || Math.abs(a.t - b.t) >= 30).toBe(true);
            }
          }
          const collapsed = items.filter((it) => layout.get(it.id)!.collapsed).length;
          const counted = [...layout.values()].reduce((n, p) => n + p.clustered, 0);
          expect(counted).toBe(rects.length ? collapsed : 0);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('respects obstacles', () => {
    const layout = layoutCards([{ id: 'a', x: 50, y: 15 }], {
      ...options,
      obstacles: [{ left: 0, top: 0, width: 200, height: 40 }],
    });
    expect(layout.get('a')!.dy).toBeGreaterThanOrEqual(40);
  });

  it("keeps cards off other stakeholders' markers but lets a card sit on its own", () => {
    const items = [
      { id: 'a', x: 400, y: 300 },
      { id: 'b', x: 430, y: 305 },
    ];
    const layout = layoutCards(items, { ...options, markerSize: 12 });
    const rect = (id: string) => {
      const it = items.find((i) => i.id === id)!;
      const p = layout.get(id)!;
      return { l: it.x + p.dx - 50, t: it.y + p.dy - 15, r: it.x + p.dx + 50, b: it.y + p.dy + 15 };
    };
    const covers = (r: ReturnType<typeof rect>, x: number, y: number) =>
      r.l < x + 6 && r.r > x - 6 && r.t < y + 6 && r.b > y - 6;
    expect(covers(rect('a'), 430, 305)).toBe(false);
    expect(covers(rect('b'), 400, 300)).toBe(false);
    expect(layout.get('b')!.collapsed).toBe(false);
  });

  it('keeps labels where they were when an unrelated card moves', () => {
    const items = [
      { id: 'a', x: 400, y: 300 },
      { id: 'b', x: 405, y: 300 },
      { id: 'c', x: 395, y: 302 },
      { id: 'far', x: 100, y: 500 },
    ];
    const first = layoutCards(items, options);
    // Without memory, a different order would reshuffle; with it, nothing moves.
    const moved = [items[3]!, { ...items[0]! }, items[2]!, items[1]!].map((i) =>
      i.id === 'far' ? { ...i, x: 700, y: 100 } : i,
    );
    const previous = new Map([...first].map(([id, p]) => [id, { dx: p.dx, dy: p.dy }]));
    const second = layoutCards(moved, { ...options, previous });
    for (const id of ['a', 'b', 'c']) expect(second.get(id)).toEqual(first.get(id));
  });

  it('puts a card back on its marker once the spot is free again', () => {
    const crowded = layoutCards(
      [
        { id: 'a', x: 400, y: 300 },
        { id: 'b', x: 405, y: 300 },
      ],
      options,
    );
    expect(crowded.get('b')).not.toMatchObject({ dx: 0, dy: 0 });
    const previous = new Map([...crowded].map(([id, p]) => [id, { dx: p.dx, dy: p.dy }]));
    const alone = layoutCards([{ id: 'b', x: 405, y: 300 }], { ...options, previous });
    expect(alone.get('b')).toMatchObject({ dx: 0, dy: 0 });
  });

  it('draws a leader line only when the marker is outside the card', () => {
    expect(leaderEnd(0, 0, 100, 30)).toBeNull();
    expect(leaderEnd(0, 40, 100, 30)).toEqual({ x: 0, y: 25 });
    expect(leaderEnd(120, 0, 100, 30)).toEqual({ x: 70, y: 0 });
  });
});

describe('register', () => {
  const entry = (over: Partial<Record<string, unknown>>) =>
    Stakeholder.parse({ id: 'x', name: 'X', ...over });
  const entries = [
    entry({ id: 'a', name: 'Beta Trust', power: 80, interest: 20, owner: 'Zed' }),
    entry({
      id: 'b',
      name: 'alpha college',
      relation: 'partner',
      partnerType: 'outreach',
      power: 20,
      interest: 90,
      notes: 'Runs the radio show',
      nextCheckpoint: '2026-01-01',
    }),
    entry({
      id: 'c',
      name: 'Gamma',
      relation: 'partner',
      partnerType: null,
      power: 50,
      interest: 50,
    }),
  ];

  it('categorises partners by type and untyped partners as other', () => {
    expect(entries.map(categoryOf)).toEqual(['stakeholder', 'outreach', 'other']);
  });

  it('searches all text fields and filters by category and quadrant', () => {
    const f = { search: '', hiddenCategories: [] as never[] };
    expect(entries.filter((e) => matchesFilter(e, { ...f, search: 'RADIO show' }))).toHaveLength(1);
    expect(
      entries.filter((e) => matchesFilter(e, { ...f, hiddenCategories: ['stakeholder'] })),
    ).toHaveLength(2);
    expect(
      entries.filter((e) => matchesFilter(e, { ...f, quadrant: 'manageClosely' })).map((e) => e.id),
    ).toEqual(['c']);
  });

  it('sorts by a column in either direction, undated checkpoints last', () => {
    expect(sortEntries(entries, 'name', 'ascending').map((e) => e.id)).toEqual(['b', 'a', 'c']);
    expect(sortEntries(entries, 'power', 'descending').map((e) => e.id)).toEqual(['a', 'c', 'b']);
    expect(sortEntries(entries, 'quadrant', 'ascending').map((e) => e.id)).toEqual(['c', 'a', 'b']);
    expect(sortEntries(entries, 'nextCheckpoint', 'ascending')[0]?.id).toBe('b');
  });

  it('counts per quadrant', () => {
    expect(countByQuadrant(entries)).toEqual({
      manageClosely: 1,
      keepSatisfied: 1,
      keepInformed: 1,
      monitor: 0,
    });
  });

  it('lists engagement items with overdue first', () => {
    const withActions = [
      entry({
        id: 'a',
        name: 'A',
        actions: [
          { id: 'a1', what: 'Later', when: '2027-05-01' },
          { id: 'a2', what: 'Late', when: '2026-11-01' },
          { id: 'a3', what: 'Done late', when: '2026-10-01', done: true },
        ],
        nextCheckpoint: '2026-11-10',
      }),
    ];
    const items = engagementItems(withActions, '2026-11-22');
    expect(items.map((i) => `${i.what}:${i.status.state}`)).toEqual([
      'Late:overdue',
      'Checkpoint:overdue',
      'Later:scheduled',
      'Done late:done',
    ]);
    expect(overdueCount(withActions[0]!, '2026-11-22')).toBe(2);
  });
});

describe('stable layout', () => {
  it('keeps other labels in place when one card moves, and starts afresh on resize', () => {
    const layout = createStableLayout();
    const options = { cardWidth: 100, cardHeight: 30, width: 800, height: 600 };
    const items = [
      { id: 'a', x: 400, y: 300 },
      { id: 'b', x: 405, y: 300 },
      { id: 'c', x: 395, y: 302 },
    ];
    const first = layout(items, options);
    // 'a' moves away: b and c could now sit on their markers, but only the
    // first of them that fits goes home; the other keeps its spot if free.
    const second = layout([{ id: 'a', x: 700, y: 500 }, items[1]!, items[2]!], options);
    expect(second.get('b')).toMatchObject({ dx: 0, dy: 0 });
    expect(second.get('c')).toEqual(first.get('c'));
    const resized = layout(items, { ...options, width: 900 });
    expect(resized.get('a')).toMatchObject({ dx: 0, dy: 0 });
  });
});
