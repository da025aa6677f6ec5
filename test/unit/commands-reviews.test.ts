/**
 * Reviews & cohorts without React: a new review pre-lists every
 * theory-of-change assumption with its status from the last review; marking
 * an assumption, actions, cohorts (deleting one clears it from reviews and
 * kept versions), and "Start next cohort" as one undoable step that keeps the
 * snapshot in the list, bumps the version, carries open actions and adds the
 * next cohort.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registeredCommandTypes, runCommand, type Command } from '../../shared/commands/command';
import {
  carriedActions,
  cohorts,
  reviewActions,
  reviews,
  setAssumptionCheck,
  startNextCohort,
} from '../../shared/commands/reviews';
import { commit, createHistory, undo } from '../../shared/history';
import {
  actionsToCarry,
  assumptionStandings,
  blankReview,
  latestReview,
  reviewsNewestFirst,
} from '../../shared/manage/reviews';
import { readPlanFile } from '../../shared/plan/plan-file';
import type { Plan, TocNode } from '../../shared/plan/schema';

const sample = (() => {
  const text = readFileSync(
    join(import.meta.dirname, '../../resources/sample-plans/youth-digital-skills.upskill.json'),
    'utf8',
  );
  const result = readPlanFile(text);
  if (!result.ok) throw new Error(result.message);
  return result.plan;
})();

function run(plan: Plan, command: Command) {
  const outcome = runCommand(plan, command);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome;
}

const node = (id: string, kind: TocNode['kind'], title: string): TocNode => ({
  id,
  kind,
  horizon: null,
  title,
  description: '',
  position: { x: 0, y: 0 },
});

/** A plan with two assumptions and one outcome, no reviews. */
const base: Plan = {
  ...sample,
  theoryOfChange: {
    narrative: '',
    nodes: [
      node('a1', 'assumption', 'Employers hire from short courses'),
      node('o1', 'outcome', 'Youth employed'),
      node('a2', 'assumption', 'Learners have a laptop'),
    ],
    links: [],
  },
  manage: { ...sample.manage, reviews: [], cohorts: [] },
};

describe('reviews', () => {
  it('register their commands', () => {
    expect(registeredCommandTypes()).toEqual(
      expect.arrayContaining([
        'review.add',
        'review.update',
        'review.remove',
        'review.setAssumption',
        'reviewAction.add',
        'cohort.add',
        'cohort.remove',
        'carriedAction.update',
        'iteration.startNextCohort',
      ]),
    );
  });

  it('a first review lists every assumption as holding', () => {
    const review = blankReview(base, 'r1', '2026-03-01');
    expect(review.assumptions).toEqual([
      { nodeId: 'a1', status: 'holding', kpiIds: [], note: '' },
      { nodeId: 'a2', status: 'holding', kpiIds: [], note: '' },
    ]);
  });

  it('a new review takes each assumption’s status, note and evidence from the last review', () => {
    let plan = run(base, reviews.add({ item: blankReview(base, 'r1', '2026-03-01') })).plan;
    const marked = run(
      plan,
      setAssumptionCheck({
        reviewId: 'r1',
        nodeId: 'a2',
        patch: { status: 'atRisk', note: 'A third share a phone', kpiIds: ['k1'] },
      }),
    );
    expect(marked.label).toBe('Edit judgement of assumption “Learners have a laptop”');
    expect(marked.location).toEqual({ section: 'reviews', focus: 'r1' });
    plan = marked.plan;
    const second = blankReview(plan, 'r2', '2026-06-01');
    expect(second.assumptions[1]).toEqual({
      nodeId: 'a2',
      status: 'atRisk',
      kpiIds: ['k1'],
      note: 'A third share a phone',
    });
    expect(second.assumptions[0]!.status).toBe('holding');
  });

  it('the latest review by date wins, whatever the list order', () => {
    const older = { ...blankReview(base, 'old', '2026-01-01') };
    older.assumptions = [{ nodeId: 'a1', status: 'broken', kpiIds: [], note: '' }];
    const newer = { ...blankReview(base, 'new', '2026-05-01') };
    newer.assumptions = [{ nodeId: 'a1', status: 'holding', kpiIds: [], note: '' }];
    const list = [newer, older];
    expect(reviewsNewestFirst(list).map((r) => r.id)).toEqual(['new', 'old']);
    expect(assumptionStandings(list).get('a1')?.status).toBe('holding');
    // Memoised per list: the same map for the same array.
    expect(assumptionStandings(list)).toBe(assumptionStandings(list));
    expect(latestReview({ ...base, manage: { ...base.manage, reviews: list } })?.id).toBe('new');
  });

  it('setting an assumption not yet listed adds it; an unknown review is refused', () => {
    const plan = run(
      base,
      reviews.add({ item: { ...blankReview(base, 'r1', '2026-03-01'), assumptions: [] } }),
    ).plan;
    const next = run(
      plan,
      setAssumptionCheck({ reviewId: 'r1', nodeId: 'a1', patch: { status: 'broken' } }),
    ).plan;
    expect(next.manage.reviews[0]!.assumptions).toEqual([
      { nodeId: 'a1', status: 'broken', kpiIds: [], note: '' },
    ]);
    const refused = runCommand(
      plan,
      setAssumptionCheck({ reviewId: 'x', nodeId: 'a1', patch: {} }),
    );
    expect(refused.ok).toBe(false);
  });

  it('edits a review’s fields and actions with step names', () => {
    let plan = run(base, reviews.add({ item: blankReview(base, 'r1', '2026-03-01') })).plan;
    const edited = run(plan, reviews.update({ id: 'r1', patch: { decisions: 'Lend laptops' } }));
    expect(edited.label).toBe('Edit decisions of “Review of 2026-03-01”');
    plan = edited.plan;
    plan = run(
      plan,
      reviewActions.add({
        parentId: 'r1',
        item: { id: 'act1', text: 'Add a laptop loan step', section: 'pathways', done: false },
      }),
    ).plan;
    plan = run(
      plan,
      reviewActions.update({ parentId: 'r1', id: 'act1', patch: { done: true } }),
    ).plan;
    expect(plan.manage.reviews[0]!.actions[0]).toMatchObject({ id: 'act1', done: true });
  });
});

describe('cohorts', () => {
  it('deleting a cohort clears it from reviews and kept versions; one undo brings all back', () => {
    let plan = run(
      base,
      cohorts.add({ item: { id: 'c1', name: 'Spring', start: null, end: null, notes: '' } }),
    ).plan;
    plan = run(
      plan,
      reviews.add({ item: { ...blankReview(plan, 'r1', '2026-03-01'), cohortId: 'c1' } }),
    ).plan;
    plan = run(
      plan,
      startNextCohort({
        versionId: 'v1',
        keptName: 'Version 1',
        keptAt: '2026-06-01T10:00:00.000Z',
        keptCohortId: 'c1',
        nextVersionName: 'Version 2',
        nextCohort: null,
      }),
    ).plan;
    const outcome = run(plan, cohorts.remove({ ids: ['c1'] }));
    expect(outcome.plan.manage.cohorts).toEqual([]);
    expect(outcome.plan.manage.reviews[0]!.cohortId).toBeNull();
    expect(outcome.plan.manage.iteration.previousVersions[0]!.cohortId).toBeNull();
    const history = commit(createHistory(plan), outcome.plan, { name: outcome.label }, 0);
    expect(undo(history).present).toBe(plan);
  });
});

describe('start next cohort', () => {
  const withReview = (() => {
    let plan = run(base, reviews.add({ item: blankReview(base, 'r1', '2026-03-01') })).plan;
    const actions = [
      { id: 'x1', text: 'Lend laptops', section: 'pathways', done: false },
      { id: 'x2', text: 'Already done', section: '', done: true },
    ];
    for (const item of actions) plan = run(plan, reviewActions.add({ parentId: 'r1', item })).plan;
    return plan;
  })();

  const args = {
    versionId: 'v1',
    keptName: 'Version 1 — Spring',
    keptAt: '2026-06-01T10:00:00.000Z',
    keptCohortId: null,
    nextVersionName: 'Version 2',
    nextCohort: { id: 'c2', name: 'Autumn', start: '2026-09-01', end: null, notes: '' },
  };

  it('keeps the version, bumps the number, carries open actions and adds the cohort in one step', () => {
    const outcome = run(withReview, startNextCohort(args));
    const { iteration, cohorts: list } = outcome.plan.manage;
    expect(outcome.label).toBe('Start next cohort “Autumn”');
    expect(iteration.previousVersions).toEqual([
      { id: 'v1', name: 'Version 1 — Spring', keptAt: '2026-06-01T10:00:00.000Z', cohortId: null },
    ]);
    expect(iteration.versionNumber).toBe(withReview.manage.iteration.versionNumber + 1);
    expect(iteration.versionName).toBe('Version 2');
    expect(iteration.carriedActions).toEqual([
      { id: 'x1', text: 'Lend laptops', section: 'pathways', done: false },
    ]);
    expect(list.map((c) => c.id)).toEqual(['c2']);

    const history = commit(createHistory(withReview), outcome.plan, { name: outcome.label }, 0);
    expect(undo(history).present).toBe(withReview);
  });

  it('keeps carried actions still open, drops done ones, and refuses the same version twice', () => {
    let plan = run(withReview, startNextCohort(args)).plan;
    plan = run(
      plan,
      carriedActions.add({
        item: { id: 'old-done', text: 'Done before', section: '', done: true },
      }),
    ).plan;
    const again = runCommand(plan, startNextCohort(args));
    expect(again.ok).toBe(false);
    plan = run(
      plan,
      reviewActions.add({
        parentId: 'r1',
        item: { id: 'x3', text: 'Call employers', section: '', done: false },
      }),
    ).plan;
    plan = run(plan, startNextCohort({ ...args, versionId: 'v2', nextCohort: null })).plan;
    expect(plan.manage.iteration.carriedActions.map((a) => a.id)).toEqual(['x1', 'x3']);
    expect(plan.manage.iteration.previousVersions.map((v) => v.id)).toEqual(['v1', 'v2']);
    // A lesson ticked off is not carried again while its review is the latest.
    plan = run(plan, carriedActions.update({ id: 'x1', patch: { done: true } })).plan;
    plan = run(plan, startNextCohort({ ...args, versionId: 'v3', nextCohort: null })).plan;
    plan = run(plan, startNextCohort({ ...args, versionId: 'v4', nextCohort: null })).plan;
    expect(plan.manage.iteration.carriedActions).toEqual([
      { id: 'x1', text: 'Lend laptops', section: 'pathways', done: true },
      { id: 'x3', text: 'Call employers', section: '', done: false },
    ]);
    // A newer review's lessons replace the ticked ones of the older review.
    plan = run(
      plan,
      reviews.add({
        item: {
          ...blankReview(plan, 'r2', '2026-09-01'),
          actions: [{ id: 'y1', text: 'Open a second study hall', section: '', done: false }],
        },
      }),
    ).plan;
    plan = run(plan, startNextCohort({ ...args, versionId: 'v5', nextCohort: null })).plan;
    expect(plan.manage.iteration.carriedActions.map((a) => a.id)).toEqual(['x3', 'y1']);
  });
  const action = (id: string, done = false) => ({ id, text: `Action ${id}`, section: '', done });
  const addReview = (plan: Plan, id: string, date: string, actions: ReturnType<typeof action>[]) =>
    run(plan, reviews.add({ item: { ...blankReview(plan, id, date), actions } })).plan;

  it('carries the open actions of every review, not only the latest (a newer review with no actions yet)', () => {
    // The reported case: a new review is added, then the next cohort started.
    const plan = addReview(withReview, 'r2', '2026-04-01', []);
    const toCarry = actionsToCarry(plan);
    expect(toCarry.actions.map((a) => a.id)).toEqual(['x1']);
    expect(toCarry.reviews.map((r) => r.id)).toEqual(['r1']);
    const after = run(plan, startNextCohort(args)).plan;
    expect(after.manage.iteration.carriedActions).toEqual([
      { id: 'x1', text: 'Lend laptops', section: 'pathways', done: false },
    ]);
  });

  it('after a kept version, carries every review since it, oldest first, once per action id', () => {
    let plan = run(withReview, startNextCohort(args)).plan; // v1 kept on 1 June 2026
    plan = addReview(plan, 'r2', '2026-07-01', [action('a'), action('shared'), action('d', true)]);
    plan = addReview(plan, 'r3', '2026-08-01', [action('shared'), action('b')]);
    plan = addReview(plan, 'r4', '2026-09-01', []);
    // A review dated before v1 was kept (not the latest) is not carried from again.
    plan = addReview(plan, 'r0', '2026-02-01', [action('old')]);
    const toCarry = actionsToCarry(plan);
    expect(toCarry.actions.map((a) => a.id)).toEqual(['a', 'shared', 'b']);
    expect(toCarry.reviews.map((r) => r.id)).toEqual(['r2', 'r3']);
    plan = run(plan, startNextCohort({ ...args, versionId: 'v2', nextCohort: null })).plan;
    expect(plan.manage.iteration.carriedActions.map((a) => a.id)).toEqual([
      'x1',
      'a',
      'shared',
      'b',
    ]);
    expect(actionsToCarry(plan).actions).toEqual([]);
  });

  it('a review dated the day a version was kept counts as since it', () => {
    let plan = run(withReview, startNextCohort(args)).plan;
    plan = addReview(plan, 'r2', '2026-06-01', [action('same-day')]);
    plan = addReview(plan, 'r3', '2026-07-01', []);
    expect(actionsToCarry(plan).actions.map((a) => a.id)).toEqual(['same-day']);
  });
});
