/**
 * Today's follow-up list and the licences that can be freed
 * (shared/manage/follow-ups.ts): each rule's condition checked against a
 * plain re-statement of it (fast-check over dates, hours, segments and rule
 * orders), one row per learner under the first matching rule, the order of
 * the list, and the words of each reason.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBlankPlan } from '../../shared/plan/create';
import { ContentItem, Pathway, type FollowUpRule, type Plan } from '../../shared/plan/schema';
import type { RosterLearner } from '../../shared/manage/roster';
import {
  dayNumber,
  followUpList,
  followUpReason,
  isoOfDay,
  licenceRelease,
} from '../../shared/manage/follow-ups';

const DAY = 86_400_000;
const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);

function learner(over: Partial<RosterLearner> & { key: string }): RosterLearner {
  return {
    learnerId: '',
    email: `${over.key}@example.org`,
    name: over.key,
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

function rule(over: Partial<FollowUpRule> & Pick<FollowUpRule, 'trigger'>): FollowUpRule {
  return {
    id: `rule-${over.trigger}-${over.afterDays ?? 7}`,
    name: '',
    afterDays: 7,
    pacePercent: 50,
    segmentIds: [],
    channel: 'email',
    message: '',
    active: true,
    ...over,
  };
}

/** A plan with two segments and one pathway of 5 h a week (20 h in total) aimed at the first. */
function planWith(rules: FollowUpRule[]): Plan {
  const plan = createBlankPlan('Follow-ups', new Date('2027-01-01T00:00:00Z'));
  return {
    ...plan,
    learners: [blankSegment('seg-a'), blankSegment('seg-b')],
    content: {
      ...plan.content,
      catalog: [ContentItem.parse({ id: 'item-1', title: 'Course', hours: 20 })],
      pathways: [
        Pathway.parse({
          id: 'path-1',
          name: 'Data basics',
          segmentIds: ['seg-a'],
          hoursPerWeek: 5,
          steps: [{ id: 'step-1', contentItemId: 'item-1' }],
        }),
      ],
    },
    manage: { ...plan.manage, followUps: rules },
  };
}

function blankSegment(id: string): Plan['learners'][number] {
  return {
    id,
    name: id,
    populationType: 'other',
    estimatedSize: null,
    expectedParticipants: null,
    barriers: [],
    barrierNotes: '',
    motivators: '',
    incentives: [],
    persona: null,
  };
}

/** The rule's condition, restated plainly with Date (the oracle). */
function holds(plan: Plan, r: FollowUpRule, l: RosterLearner, today: string): boolean {
  if (!r.active || l.completed) return false;
  if (r.segmentIds.length > 0 && (l.segmentId === null || !r.segmentIds.includes(l.segmentId)))
    return false;
  const started = l.lastActivity !== null || l.hours > 0 || l.coursesCompleted > 0;
  if (r.trigger === 'notStarted') {
    if (started) return false;
    const dates = [l.registered, l.enrolled].filter((d): d is string => d !== null).sort();
    const since = dates[0] ?? l.invited;
    return since !== null && days(since, today) >= r.afterDays;
  }
  if (r.trigger === 'inactive')
    return started && l.lastActivity !== null && days(l.lastActivity, today) >= r.afterDays;
  if (l.enrolled === null) return false;
  const d = days(l.enrolled, today);
  if (d < r.afterDays) return false;
  const pathway =
    plan.content.pathways.find((p) => p.id === l.pathwayId) ??
    plan.content.pathways.find((p) => l.segmentId !== null && p.segmentIds.includes(l.segmentId));
  if (!pathway) return false;
  const expected = Math.min(20, (pathway.hoursPerWeek * d) / 7);
  return l.hours < (r.pacePercent / 100) * expected;
}

const dateArb = fc
  .integer({ min: dayNumber('2026-01-01'), max: dayNumber('2028-12-31') })
  .map((d) => isoOfDay(d));
const maybeDate = fc.option(dateArb, { nil: null });
const learnerArb = (key: string) =>
  fc
    .record({
      invited: maybeDate,
      registered: maybeDate,
      enrolled: maybeDate,
      lastActivity: maybeDate,
      completed: fc.option(dateArb, { nil: null, freq: 5 }),
      hours: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 60, noNaN: true })),
      segmentId: fc.constantFrom(null, 'seg-a', 'seg-b', 'seg-gone'),
      pathwayId: fc.constantFrom(null, 'path-1', 'path-gone'),
    })
    .map((fields) => learner({ key, ...fields }));
const rosterArb = fc
  .integer({ min: 0, max: 30 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => learnerArb(`l${i}`))));
const ruleArb = fc
  .record({
    trigger: fc.constantFrom('notStarted', 'inactive', 'behindPace') as fc.Arbitrary<
      FollowUpRule['trigger']
    >,
    afterDays: fc.integer({ min: 1, max: 365 }),
    pacePercent: fc.integer({ min: 1, max: 100 }),
    segmentIds: fc.constantFrom([], ['seg-a'], ['seg-b'], ['seg-a', 'seg-b']),
    active: fc.boolean(),
  })
  .map((r) => rule({ ...r, segmentIds: [...r.segmentIds] }));
const rulesArb = fc
  .array(ruleArb, { minLength: 0, maxLength: 4 })
  .map((rs) => rs.map((r, i) => ({ ...r, id: `rule-${i}` })));

describe('day numbers', () => {
  it('count days as Date does, and read back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 200_000 }), (d) => {
        const iso = new Date(d * DAY).toISOString().slice(0, 10);
        expect(dayNumber(iso)).toBe(d);
        expect(isoOfDay(d)).toBe(iso);
      }),
    );
    expect(dayNumber(null)).toBeLessThan(-1e9);
    expect(dayNumber('2027-13-01')).toBeLessThan(-1e9);
    expect(dayNumber('not a date')).toBeLessThan(-1e9);
  });
});

describe("today's follow-up list", () => {
  it('lists a learner iff a rule holds, once, under the first rule that holds', () => {
    fc.assert(
      fc.property(rosterArb, rulesArb, dateArb, (roster, rules, today) => {
        const plan = planWith(rules);
        const list = followUpList(plan, roster, today);
        const listed = new Map<number, number>();
        for (let row = 0; row < list.length; row++) {
          expect(listed.has(list.learner[row]!)).toBe(false);
          listed.set(list.learner[row]!, list.rule[row]!);
        }
        roster.forEach((l, i) => {
          const first = rules.findIndex((r) => holds(plan, r, l, today));
          expect(listed.get(i) ?? -1).toBe(first);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('orders rows by rule, then most days first, and counts each rule', () => {
    fc.assert(
      fc.property(rosterArb, rulesArb, dateArb, (roster, rules, today) => {
        const list = followUpList(planWith(rules), roster, today);
        for (let row = 1; row < list.length; row++) {
          const a = list.rule[row - 1]!;
          const b = list.rule[row]!;
          expect(a <= b).toBe(true);
          if (a === b) expect(list.days[row - 1]! >= list.days[row]!).toBe(true);
        }
        const counted = rules.map((_, r) => list.rule.filter((x) => x === r).length);
        expect(list.countByRule).toEqual(counted);
        for (let row = 0; row < list.length; row++)
          expect(list.days[row]).toBeGreaterThanOrEqual(rules[list.rule[row]!]!.afterDays);
      }),
      { numRuns: 200 },
    );
  });

  it('never drops a not-started learner as today moves forward', () => {
    fc.assert(
      fc.property(
        rosterArb,
        fc.integer({ min: 1, max: 365 }),
        dateArb,
        fc.integer({ min: 0, max: 400 }),
        (roster, afterDays, today, later) => {
          const plan = planWith([rule({ trigger: 'notStarted', afterDays })]);
          const before = followUpList(plan, roster, today);
          const after = followUpList(plan, roster, isoOfDay(dayNumber(today) + later));
          const then = new Set(after.learner);
          for (const i of before.learner) expect(then.has(i)).toBe(true);
          expect(after.length).toBeGreaterThanOrEqual(before.length);
        },
      ),
    );
  });

  it('lists nobody when no rule is active', () => {
    fc.assert(
      fc.property(rosterArb, rulesArb, dateArb, (roster, rules, today) => {
        const off = rules.map((r) => ({ ...r, active: false }));
        const list = followUpList(planWith(off), roster, today);
        expect(list.length).toBe(0);
        expect(list.countByRule.every((c) => c === 0)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('says why in words, with the days', () => {
    const roster = [
      learner({ key: 'a', registered: '2027-03-01' }),
      learner({ key: 'b', registered: '2027-02-01', lastActivity: '2027-03-01', hours: 3 }),
      learner({
        key: 'c',
        enrolled: '2027-02-18',
        lastActivity: '2027-03-14',
        hours: 2,
        segmentId: 'seg-a',
      }),
    ];
    const plan = planWith([
      rule({ trigger: 'notStarted', afterDays: 7 }),
      rule({ id: 'r2', trigger: 'inactive', afterDays: 14 }),
      rule({ id: 'r3', trigger: 'behindPace', afterDays: 14, pacePercent: 50 }),
    ]);
    const list = followUpList(plan, roster, '2027-03-15');
    expect(list.length).toBe(3);
    expect([...list.countByRule]).toEqual([1, 1, 1]);
    const reasons = [0, 1, 2].map((row) => followUpReason(plan, list, roster, row));
    expect(reasons[0]).toBe('Registered 14 days ago (1 March 2027), not started yet');
    expect(reasons[1]).toBe('No activity for 14 days (last on 1 March 2027)');
    // 25 days at 5 h a week = 17.9 h expected (below the pathway's 20 h); 2 h is 11 %.
    expect(reasons[2]).toBe(
      '2 h of the 17.9 h expected 25 days after enrolling (11 %; Data basics at 5 h a week)',
    );
  });

  it('computes 100,000 learners in one pass without trouble', () => {
    const roster = Array.from({ length: 100_000 }, (_, i) =>
      learner({
        key: `l${i}`,
        registered: isoOfDay(dayNumber('2027-01-01') + (i % 90)),
        enrolled: i % 3 === 0 ? null : isoOfDay(dayNumber('2027-01-02') + (i % 90)),
        lastActivity: i % 4 === 0 ? null : isoOfDay(dayNumber('2027-01-05') + (i % 120)),
        hours: i % 4 === 0 ? 0 : i % 17,
        segmentId: i % 2 ? 'seg-a' : 'seg-b',
      }),
    );
    const plan = planWith([
      rule({ trigger: 'notStarted', afterDays: 7 }),
      rule({ id: 'r2', trigger: 'inactive', afterDays: 14 }),
      rule({ id: 'r3', trigger: 'behindPace', afterDays: 14 }),
    ]);
    const list = followUpList(plan, roster, '2027-05-01');
    expect(list.length).toBeGreaterThan(50_000);
    expect(list.countByRule.reduce((a, b) => a + b, 0)).toBe(list.length);
  });
});

describe('licences that can be freed', () => {
  it('lists learners holding a licence, not completed, idle for the release days', () => {
    fc.assert(
      fc.property(rosterArb, dateArb, fc.integer({ min: 1, max: 365 }), (roster, today, after) => {
        const plan = planWith([]);
        plan.manage.licenceReleaseAfterDays = after;
        const release = licenceRelease(plan, roster, today);
        const expected = roster.flatMap((l, i) => {
          if (l.completed || (l.registered === null && l.enrolled === null)) return [];
          const ref = l.lastActivity ?? l.enrolled ?? l.registered!;
          return days(ref, today) >= after ? [i] : [];
        });
        expect([...release.learner].sort((a, b) => a - b)).toEqual(expected);
        const holding = roster.filter(
          (l) => !l.completed && (l.registered !== null || l.enrolled !== null),
        ).length;
        expect(release.holding).toBe(holding);
        for (let row = 1; row < release.length; row++)
          expect(release.days[row - 1]! >= release.days[row]!).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
