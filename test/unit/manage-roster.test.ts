/**
 * Issue 14: the roster's stored form, its counts and snapshots (aggregation
 * by segment and cohort), re-import merging (fast-check: idempotent, no
 * learner lost, matched by platform id else e-mail) and the synthetic roster.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countsOf,
  decodeCourseRows,
  decodeLearners,
  encodeCourseRows,
  encodeLearners,
  learnerKey,
  mergeCourseRows,
  mergeLearners,
  snapshotOf,
  type RosterCourseRow,
  type RosterLearner,
} from '../../shared/manage/roster';
import { syntheticRoster } from '../../shared/manage/synthetic-roster';
import { readPlanFile } from '../../shared/plan/plan-file';
import { ProgressSnapshot } from '../../shared/plan/schema';

const sample = (() => {
  const text = readFileSync(
    join(
      import.meta.dirname,
      '..',
      '..',
      'resources',
      'sample-plans',
      'youth-digital-skills.upskill.json',
    ),
    'utf8',
  );
  const result = readPlanFile(text);
  if (!result.ok) throw new Error(result.message);
  return result.plan;
})();

function learner(over: Partial<RosterLearner> = {}): RosterLearner {
  const base: RosterLearner = {
    key: '',
    learnerId: '',
    email: 'a@example.org',
    name: 'A',
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
    firstSeen: '2026-01-01',
    updated: '2026-01-01',
    ...over,
  };
  return { ...base, key: learnerKey(base.learnerId, base.email) };
}

describe('stored form', () => {
  it('round-trips learners and course rows', () => {
    const { learners, courseRows } = syntheticRoster(sample, {
      learners: 300,
      seed: 7,
      asOf: '2026-06-30',
    });
    learners[3] = { ...learners[3]!, topLearner: true, jobOutcome: 'selfEmployed' };
    expect(decodeLearners(encodeLearners(learners))).toEqual(learners);
    expect(decodeCourseRows(encodeCourseRows(courseRows))).toEqual(courseRows);
  });

  it('keeps any text, including quotes and non-Latin names', () => {
    const odd = [
      learner({
        name: 'Zoë "Z" O’Brien',
        email: 'zoe@example.org',
        skillScores: { 'SQL "basics"': 80 },
      }),
      learner({ name: '陈伟', learnerId: 'x,1', email: '' }),
    ];
    expect(decodeLearners(encodeLearners(odd))).toEqual(odd);
  });
});

describe('counts and snapshots', () => {
  const asOf = '2026-03-31';
  const roster = [
    learner({ email: 'inv@example.org', invited: '2026-01-05' }),
    learner({ email: 'reg@example.org', registered: '2026-01-10' }),
    // Enrolled, active (activity 29 days before the snapshot: in the window).
    learner({
      email: 'act@example.org',
      enrolled: '2026-01-12',
      lastActivity: '2026-03-02',
      hours: 10.25,
      segmentId: 's1',
      cohortId: 'c1',
    }),
    // Enrolled, inactive (30 days before: out of the window).
    learner({
      email: 'quiet@example.org',
      enrolled: '2026-01-12',
      lastActivity: '2026-03-01',
      hours: 2,
      segmentId: 's1',
    }),
    learner({
      email: 'done@example.org',
      completed: '2026-03-20',
      lastActivity: '2026-03-20',
      jobOutcome: 'placed',
      hours: 40,
      cohortId: 'c1',
    }),
    // Enrols after the snapshot date: only invited then.
    learner({ email: 'later@example.org', invited: '2026-03-01', enrolled: '2026-04-10' }),
  ];

  it('counts a funnel where a later stage implies the earlier ones', () => {
    expect(countsOf(roster, asOf)).toEqual({
      learners: 6,
      invited: 6,
      registered: 4,
      enrolled: 3,
      active: 2,
      completed: 1,
      placed: 1,
      hours: 52.3,
    });
  });

  it('aggregates by segment and cohort, adding up to the total, and is a valid plan snapshot', () => {
    const snap = snapshotOf(roster, asOf, '2026-04-01T08:00:00.000Z');
    expect(ProgressSnapshot.parse(snap)).toEqual(snap);
    expect(snap.bySegment.s1!.learners).toBe(2);
    expect(snap.bySegment['']!.learners).toBe(4);
    expect(snap.byCohort.c1).toMatchObject({ learners: 2, completed: 1, active: 2 });
    expect(JSON.stringify(snap)).not.toContain('@example.org');
  });

  it('per-group counts add up to the total for any roster (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 1e6 }), (n, seed) => {
        const { learners } = syntheticRoster(sample, {
          learners: n,
          seed,
          asOf,
          courseRows: false,
        });
        const snap = snapshotOf(learners, asOf, '2026-04-01T08:00:00.000Z');
        const sum = (groups: Record<string, { learners: number; completed: number }>) =>
          Object.values(groups).reduce((s, c) => [s[0]! + c.learners, s[1]! + c.completed], [0, 0]);
        expect(sum(snap.bySegment)).toEqual([snap.total.learners, snap.total.completed]);
        expect(sum(snap.byCohort)).toEqual([snap.total.learners, snap.total.completed]);
        const t = snap.total;
        expect(
          t.invited >= t.registered && t.registered >= t.enrolled && t.enrolled >= t.active,
        ).toBe(true);
        expect(t.enrolled).toBeGreaterThanOrEqual(t.completed);
      }),
      { numRuns: 40 },
    );
  });
});

describe('merging a newer import', () => {
  it('matches by platform id, else by e-mail case and spaces ignored; newer values win', () => {
    const roster = [
      learner({ learnerId: 'P1', email: 'one@example.org', hours: 3, topLearner: true }),
      learner({ email: 'Two@Example.org', hours: 1, segmentId: 's1' }),
    ];
    const incoming = [
      learner({ learnerId: 'P1', email: 'one.new@example.org', hours: 9 }),
      learner({ learnerId: 'P2', email: '  two@example.ORG ', hours: 5 }),
      learner({ email: 'three@example.org' }),
    ];
    const { learners, added, matched, renamed, importKeys } = mergeLearners(roster, incoming, {
      date: '2026-02-01',
    });
    expect(added).toBe(1);
    expect(matched).toBe(2);
    expect(learners).toHaveLength(3);
    expect(learners[0]).toMatchObject({
      key: 'id:P1',
      email: 'one.new@example.org',
      hours: 9,
      topLearner: true,
      firstSeen: '2026-01-01',
      updated: '2026-02-01',
    });
    // Matched by e-mail, gained a platform id (its key changes); an empty segment erases nothing.
    expect(learners[1]).toMatchObject({ key: 'id:P2', hours: 5, segmentId: 's1' });
    expect(renamed.get('email:two@example.org')).toBe('id:P2');
    expect(importKeys.get('email:three@example.org')).toBeUndefined();
    expect(learners[2]).toMatchObject({ firstSeen: '2026-02-01', updated: '2026-02-01' });
  });

  it('never matches two different platform ids by their shared e-mail', () => {
    const roster = [learner({ learnerId: 'A', email: 'shared@example.org' })];
    const { learners } = mergeLearners(
      roster,
      [learner({ learnerId: 'B', email: 'shared@example.org' })],
      { date: '2026-02-01' },
    );
    expect(learners.map((l) => l.key)).toEqual(['id:A', 'id:B']);
  });

  it('takes only the fields the import carries, and an older export only fills gaps', () => {
    const roster = [
      learner({ email: 'x@example.org', hours: 8, coursesEnrolled: 2, updated: '2026-03-01' }),
    ];
    const carried = mergeLearners(
      roster,
      [learner({ email: 'x@example.org', hours: 0, coursesEnrolled: 0, name: 'X Newer' })],
      { date: '2026-04-01', fields: ['email', 'name', 'hours'] },
    ).learners[0]!;
    expect(carried).toMatchObject({ hours: 0, coursesEnrolled: 2, name: 'X Newer' });
    const older = mergeLearners(
      roster,
      [learner({ email: 'x@example.org', hours: 1, pathwayId: 'p1' })],
      { date: '2026-02-01' },
    ).learners[0]!;
    expect(older).toMatchObject({ hours: 8, pathwayId: 'p1', updated: '2026-03-01' });
  });

  const arbLearner = fc
    .record({
      id: fc.option(fc.constantFrom('P1', 'P2', 'P3', 'P4', 'P5'), { nil: '' }),
      email: fc.constantFrom('a@x.org', 'A@X.org ', 'b@x.org', 'c@x.org', 'd@x.org', ''),
      hours: fc.integer({ min: 0, max: 100 }),
      segmentId: fc.option(fc.constantFrom('s1', 's2'), { nil: null }),
      lastActivity: fc.option(fc.constantFrom('2026-01-02', '2026-02-03'), { nil: null }),
      top: fc.boolean(),
    })
    .filter((r) => r.id !== '' || r.email !== '')
    .map((r) =>
      learner({
        learnerId: r.id,
        email: r.email,
        hours: r.hours,
        segmentId: r.segmentId,
        lastActivity: r.lastActivity,
        topLearner: r.top,
      }),
    );
  const arbDate = fc.constantFrom('2026-01-15', '2026-02-15', '2026-03-15');

  it('is idempotent, loses no learner, and keeps every key reachable (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(arbLearner, { maxLength: 8 }),
        fc.array(arbLearner, { maxLength: 8 }),
        arbDate,
        (rosterIn, incoming, date) => {
          // A stored roster has one learner per key (as an import leaves it).
          const roster = mergeLearners([], rosterIn, { date: '2026-01-01' }).learners;
          const once = mergeLearners(roster, incoming, { date });
          const twice = mergeLearners(once.learners, incoming, { date });
          expect(twice.learners).toEqual(once.learners);
          expect(twice.added).toBe(0);
          const result = new Set(once.learners.map((l) => l.key));
          const fromRoster = (k: string) => once.renamed.get(k) ?? k;
          const fromImport = (k: string) => once.importKeys.get(k) ?? k;
          for (const l of roster) expect(result.has(fromRoster(l.key))).toBe(true);
          for (const l of incoming) expect(result.has(fromImport(l.key))).toBe(true);
          expect(once.learners.length).toBeGreaterThanOrEqual(roster.length);
          expect(once.learners.length).toBe(roster.length + once.added);
          // Top learners stay marked.
          for (const l of roster.filter((r) => r.topLearner))
            expect(once.learners.find((m) => m.key === fromRoster(l.key))!.topLearner).toBe(true);
          // Every listed learner's values are the newest: updated on the import's date.
          for (const l of incoming)
            expect(once.learners.find((m) => m.key === fromImport(l.key))!.updated >= date).toBe(
              true,
            );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('matches every learner of a re-exported roster by id or by e-mail alone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.boolean(), (n, withIds) => {
        const { learners } = syntheticRoster(sample, {
          learners: n,
          seed: n,
          asOf: '2026-03-01',
          courseRows: false,
        });
        const stored = withIds ? learners : learners.map((l) => learner({ ...l, learnerId: '' }));
        const reexport = stored.map((l) => ({
          ...l,
          email: withIds ? 'changed' + l.email : ` ${l.email.toUpperCase()} `,
        }));
        const merged = mergeLearners(stored, reexport, { date: '2026-04-01' });
        expect(merged.added).toBe(0);
        expect(merged.matched).toBe(n);
      }),
      { numRuns: 30 },
    );
  });

  it('replaces the course rows of the learners an import lists, re-keyed', () => {
    const row = (learnerKey: string, course: string): RosterCourseRow => ({
      learnerKey,
      itemId: null,
      course,
      status: 'enrolled',
      hours: 1,
      lastActivity: null,
      completed: null,
    });
    const out = mergeCourseRows(
      [row('id:A', 'Old A'), row('email:b@x.org', 'Old B'), row('id:C', 'Old C')],
      [row('id:A', 'New A'), row('email:bee@x.org', 'New B')],
      {
        renamed: new Map([['email:b@x.org', 'id:B']]),
        importKeys: new Map([['email:bee@x.org', 'id:B']]),
      },
    );
    expect(out.map((r) => `${r.learnerKey} ${r.course}`)).toEqual([
      'id:C Old C',
      'id:A New A',
      'id:B New B',
    ]);
  });
});

describe('the synthetic roster', () => {
  it('is deterministic, obviously fake, within the plan and realistically spread', () => {
    const a = syntheticRoster(sample, { learners: 2000, seed: 3, asOf: '2026-06-30' });
    const b = syntheticRoster(sample, { learners: 2000, seed: 3, asOf: '2026-06-30' });
    expect(a).toEqual(b);
    expect(a.learners[0]).toMatchObject({
      name: 'Learner 00001',
      email: 'learner00001@example.org',
      learnerId: 'L00001',
    });
    const segments = new Set(sample.learners.map((s) => s.id));
    const pathways = new Set(sample.content.pathways.map((p) => p.id));
    const catalog = new Set(sample.content.catalog.map((c) => c.id));
    for (const l of a.learners) {
      if (l.segmentId !== null) expect(segments.has(l.segmentId)).toBe(true);
      if (l.pathwayId !== null) expect(pathways.has(l.pathwayId)).toBe(true);
      for (const d of [l.invited, l.registered, l.enrolled, l.completed, l.lastActivity])
        if (d) expect(d <= '2026-06-30').toBe(true);
      expect(l.hours).toBeGreaterThanOrEqual(0);
      expect(l.coursesCompleted).toBeLessThanOrEqual(l.coursesEnrolled);
    }
    for (const r of a.courseRows) if (r.itemId) expect(catalog.has(r.itemId)).toBe(true);
    const c = countsOf(a.learners, '2026-06-30');
    const share = (x: number) => x / c.learners;
    expect(share(c.registered)).toBeGreaterThan(0.7);
    expect(share(c.enrolled)).toBeGreaterThan(0.6);
    expect(share(c.completed)).toBeGreaterThan(0.1);
    expect(share(c.completed)).toBeLessThan(0.5);
    expect(share(c.active)).toBeGreaterThan(0.15);
    expect(c.placed).toBeGreaterThan(0);
    expect(c.placed).toBeLessThan(c.completed);
    expect(new Set(a.learners.map((l) => l.segmentId)).size).toBeGreaterThan(2);
    expect(syntheticRoster(sample, { learners: 50, seed: 4, asOf: '2026-06-30' })).not.toEqual(
      syntheticRoster(sample, { learners: 50, seed: 3, asOf: '2026-06-30' }),
    );
  });
});
