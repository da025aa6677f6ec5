/**
 * Content in use (issue 14): which catalog items learners open, finish and
 * ignore, per segment and cohort, from the roster's course rows — counted by
 * hand on a small roster, checked for consistency on a synthetic one, and
 * timed at 100,000 learners.
 */
import { describe, expect, it } from 'vitest';
import { documentLocale } from '../../shared/export/locale';
import { LANGUAGES } from '../../shared/i18n/languages';
import {
  BARELY_TOUCHED_REACH,
  IN_DEMAND_REACH,
  contentUse,
  unusedOnPathways,
  useLevel,
} from '../../shared/manage/content-use';
import type { RosterCourseRow, RosterLearner } from '../../shared/manage/roster';
import { syntheticRoster } from '../../shared/manage/synthetic-roster';
import { createBlankPlan } from '../../shared/plan/create';
import type { Plan } from '../../shared/plan/schema';
import { Plan as PlanSchema } from '../../shared/plan/schema';

function planWith(): Plan {
  const base = createBlankPlan('Content use', new Date('2027-01-01T00:00:00Z'));
  return PlanSchema.parse({
    ...base,
    learners: [
      { id: 'seg-a', name: 'A' },
      { id: 'seg-b', name: 'B' },
    ],
    content: {
      catalog: [
        { id: 'i1', title: 'One' },
        { id: 'i2', title: 'Two' },
        { id: 'i3', title: 'Three' },
        { id: 'i4', title: 'Four (on no pathway)' },
      ],
      pathways: [
        {
          id: 'p1',
          name: 'P1',
          steps: [
            { id: 's1', contentItemId: 'i1' },
            { id: 's2', contentItemId: 'i2' },
          ],
        },
        {
          id: 'p2',
          name: 'P2',
          steps: [
            { id: 's3', contentItemId: 'i3' },
            { id: 's4', contentItemId: 'i1' },
          ],
        },
      ],
    },
    manage: { cohorts: [{ id: 'c1', name: 'C1' }] },
  });
}

function learner(key: string, over: Partial<RosterLearner> = {}): RosterLearner {
  return {
    key,
    learnerId: key,
    email: '',
    name: '',
    segmentId: null,
    cohortId: null,
    pathwayId: null,
    invited: null,
    registered: null,
    enrolled: null,
    completed: null,
    lastActivity: null,
    coursesEnrolled: 0,
    coursesCompleted: 0,
    hours: 0,
    skillScores: {},
    jobOutcome: 'none',
    topLearner: false,
    firstSeen: '2027-01-01',
    updated: '2027-01-01',
    ...over,
  };
}

function row(
  learnerKey: string,
  itemId: string | null,
  over: Partial<RosterCourseRow> = {},
): RosterCourseRow {
  return {
    learnerKey,
    itemId,
    course: itemId ?? 'Unknown course',
    status: 'enrolled',
    hours: 0,
    lastActivity: null,
    completed: null,
    ...over,
  };
}

describe('content in use', () => {
  const plan = planWith();
  // 10 learners: 6 on P1 (segment A, cohort c1), 3 on P2 (segment B), 1 without pathway or
  // segment. b2 has no course row (a one-row-per-learner import): not counted anywhere.
  const learners = [
    ...Array.from({ length: 6 }, (_, i) =>
      learner(`a${i}`, { pathwayId: 'p1', segmentId: 'seg-a', cohortId: 'c1' }),
    ),
    ...Array.from({ length: 3 }, (_, i) =>
      learner(`b${i}`, { pathwayId: 'p2', segmentId: 'seg-b' }),
    ),
    learner('x'),
  ];
  const rows = [
    // i1: 6 opened (5 on P1, 1 on P2), 3 completed, one enrolled only.
    ...[0, 1, 2, 3, 4].map((i) =>
      row(`a${i}`, 'i1', {
        status: i < 3 ? 'completed' : 'inProgress',
        hours: 2,
        lastActivity: '2027-05-01',
        completed: i < 3 ? '2027-05-10' : null,
      }),
    ),
    row('a5', 'i1'),
    row('b0', 'i1', { status: 'inProgress', hours: 1, lastActivity: '2027-06-01' }),
    // i2: one learner opened it (hours, still "enrolled"), on P1 only.
    row('a0', 'i2', { hours: 0.5, lastActivity: '2027-02-01' }),
    // i3: enrolled but never opened.
    row('b1', 'i3'),
    // Not in the catalog.
    row('x', null, { course: 'Old course' }),
    row('a1', null, { course: 'Old course' }),
    row('a2', 'gone', { course: 'Deleted item' }),
  ];
  const use = contentUse(plan, learners, rows, '2027-06-30');
  const item = (id: string) => use.items.find((i) => i.itemId === id)!;

  it('counts enrolled, opened and completed learners and hours per item, in catalog order', () => {
    expect(use.items.map((i) => i.itemId)).toEqual(['i1', 'i2', 'i3', 'i4']);
    expect(item('i1')).toMatchObject({
      enrolled: 7,
      opened: 6,
      completed: 3,
      hours: 11,
      lastUse: '2027-06-01',
    });
    expect(item('i1').completionRate).toBeCloseTo(3 / 7);
    expect(item('i2')).toMatchObject({ enrolled: 1, opened: 1, completed: 0, hours: 0.5 });
    expect(item('i3')).toMatchObject({ enrolled: 1, opened: 0, level: 'neverOpened' });
    expect(item('i4')).toMatchObject({
      enrolled: 0,
      opened: 0,
      completionRate: null,
      level: 'neverOpened',
    });
  });

  it('offers an item to the learners of its pathways and those whose pathway is unknown; an item on no pathway to all', () => {
    expect(item('i1').offered).toBe(9); // P1 (6) + P2 (2 with course rows) + unknown (1)
    expect(item('i2').offered).toBe(7); // P1 + unknown
    expect(item('i3').offered).toBe(3); // P2 + unknown
    expect(item('i4').offered).toBe(9);
    expect(item('i1').pathwayIds).toEqual(['p1', 'p2']);
    expect(item('i4').pathwayIds).toEqual([]);
  });

  it('rates reach against the stated thresholds', () => {
    expect(item('i1').reach).toBeCloseTo(6 / 9);
    expect(item('i1').level).toBe('inDemand');
    expect(item('i2').reach).toBeCloseTo(1 / 7);
    expect(item('i2').level).toBe('inUse');
    expect(use.levels).toEqual({ inDemand: 1, inUse: 1, barelyTouched: 0, neverOpened: 2 });
    expect(useLevel(1, 20)).toBe('barelyTouched');
    expect(useLevel(2, 20)).toBe('inUse');
    expect(useLevel(10, 20)).toBe('inDemand');
    expect(useLevel(0, 20)).toBe('neverOpened');
  });

  it('breaks use down by segment and cohort (last key: none)', () => {
    expect(use.segmentKeys).toEqual(['seg-a', 'seg-b', '']);
    expect(use.cohortKeys).toEqual(['c1', '']);
    const [a, b, none] = item('i1').bySegment;
    expect(a).toMatchObject({ offered: 6, enrolled: 6, opened: 5, completed: 3 });
    expect(b).toMatchObject({ offered: 2, enrolled: 1, opened: 1, completed: 0 });
    expect(none).toMatchObject({ offered: 1, enrolled: 0, opened: 0 });
    expect(item('i1').byCohort[0]).toMatchObject({ offered: 6, opened: 5, level: 'inDemand' });
    expect(item('i1').byCohort[1]).toMatchObject({ offered: 3, opened: 1, level: 'inUse' });
    // Segment counts add up to the item's.
    for (const it of use.items) {
      const sum = (k: 'offered' | 'enrolled' | 'opened' | 'completed') =>
        it.bySegment.reduce((s, g) => s + g[k], 0);
      expect([sum('offered'), sum('enrolled'), sum('opened'), sum('completed')]).toEqual([
        it.offered,
        it.enrolled,
        it.opened,
        it.completed,
      ]);
    }
  });

  it('counts only learners with per-course rows, and says how many have none', () => {
    // New-user finding: learners imported without course rows diluted every item's reach.
    expect([use.learners, use.learnersWithoutRows]).toEqual([9, 1]);
    const diluted = contentUse(
      plan,
      [...learners, ...Array.from({ length: 90 }, (_, i) => learner(`n${i}`, { pathwayId: 'p1' }))],
      rows,
      '2027-06-30',
    );
    expect(diluted.learnersWithoutRows).toBe(91);
    expect(diluted.items.map((i) => [i.offered, i.reach])).toEqual(
      use.items.map((i) => [i.offered, i.reach]),
    );
  });

  it('lists courses that matched no catalog item, most rows first', () => {
    expect(use.unmatched).toEqual([
      { course: 'Old course', rows: 2 },
      { course: 'Deleted item', rows: 1 },
    ]);
  });

  it('finds pathway items unused for a period (no dated use since, or none at all)', () => {
    expect(unusedOnPathways(use, 30).map((i) => i.itemId)).toEqual(['i2', 'i3']);
    expect(unusedOnPathways(use, 180).map((i) => i.itemId)).toEqual(['i3']);
    // i4 is on no pathway: nothing to retire it from.
    expect(unusedOnPathways(use, 365).map((i) => i.itemId)).toEqual(['i3']);
  });

  it('handles an empty roster', () => {
    const empty = contentUse(plan, [], [], '2027-06-30');
    expect(
      empty.items.every((i) => i.level === 'neverOpened' && i.offered === 0 && i.reach === null),
    ).toBe(true);
  });
});

describe('content in use at scale', () => {
  const base = createBlankPlan('Scale', new Date('2027-01-01T00:00:00Z'));
  const plan = PlanSchema.parse({
    ...base,
    learners: Array.from({ length: 5 }, (_, i) => ({ id: `seg-${i}`, name: `Segment ${i}` })),
    content: {
      catalog: Array.from({ length: 30 }, (_, i) => ({ id: `item-${i}`, title: `Item ${i}` })),
      pathways: [0, 1, 2].map((p) => ({
        id: `pw-${p}`,
        name: `Pathway ${p}`,
        steps: Array.from({ length: 8 }, (_, s) => ({
          id: `pw-${p}-s${s}`,
          contentItemId: `item-${p * 8 + s}`,
        })),
      })),
    },
    manage: {
      cohorts: [0, 1, 2].map((c) => ({ id: `cohort-${c}`, name: `Cohort ${c}` })),
    },
  });

  it('counts 100,000 learners × their courses in one quick pass, and the totals agree with the rows', () => {
    const roster = syntheticRoster(plan, { learners: 100_000, seed: 7, asOf: '2027-06-30' });
    expect(roster.courseRows.length).toBeGreaterThan(100_000);
    const started = performance.now();
    const use = contentUse(plan, roster.learners, roster.courseRows, '2027-06-30');
    const ms = performance.now() - started;
    // Generous for a shared 2-core machine; about 100 ms alone.
    expect(ms).toBeLessThan(1500);
    const matched = roster.courseRows.filter(
      (r) => r.itemId !== null && r.itemId.startsWith('item-'),
    );
    expect(use.items.reduce((s, i) => s + i.enrolled, 0)).toBe(matched.length);
    expect(use.items.reduce((s, i) => s + i.completed, 0)).toBe(
      matched.filter((r) => r.status === 'completed').length,
    );
    // Generating 100,000 synthetic learners takes seconds on a busy 2-core machine.
  }, 30_000);
});

describe('the use levels in words', () => {
  it('state the thresholds the levels use, on screen and in documents, in every language', async () => {
    for (const language of LANGUAGES) {
      const loc = await documentLocale(language);
      const args = {
        inDemand: loc.percent(IN_DEMAND_REACH),
        barely: loc.percent(BARELY_TOUCHED_REACH),
      };
      for (const rule of [loc.t('contentInUse:usage.rule', args), loc.d('contentUse.rule', args)]) {
        expect(rule, language).toContain(args.inDemand);
        expect(rule, language).toContain(args.barely);
      }
    }
  });
});
