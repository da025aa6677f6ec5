/** Quadrant history, snapshot movement, card layout and register filtering. */
import { describe, expect, it } from 'vitest';
import { Stakeholder } from '../../shared/plan/schema';
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
  countOf,
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

describe('counts in words', () => {
  it('pluralises with Intl.PluralRules and groups thousands', () => {
    expect(countOf(1, 'stakeholder', 'stakeholders')).toBe('1 stakeholder');
    expect(countOf(0, 'partner', 'partners')).toBe('0 partners');
    expect(countOf(1200, 'stakeholder', 'stakeholders')).toBe('1,200 stakeholders');
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
