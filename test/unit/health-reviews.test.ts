/**
 * Plan health for reviews and iteration: a review overdue while the program
 * runs (counted from the last review, or from the Manage start), an
 * assumption broken at its latest review with no decision, and lessons
 * carried into this version still open.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewFindingsOn } from '../../shared/manage/review-health';
import { blankReview } from '../../shared/manage/reviews';
import { readPlanFile } from '../../shared/plan/plan-file';
import type { Plan, Review } from '../../shared/plan/schema';
import { english } from './health-english';

const sample = (() => {
  const text = readFileSync(
    join(import.meta.dirname, '../../resources/sample-plans/youth-digital-skills.upskill.json'),
    'utf8',
  );
  const result = readPlanFile(text);
  if (!result.ok) throw new Error(result.message);
  return result.plan;
})();

function planWith(reviews: Review[], manage = { start: '2027-01-01', end: '2028-12-31' }): Plan {
  return {
    ...sample,
    objective: {
      ...sample.objective,
      timeline: { ...sample.objective.timeline, manage },
    },
    manage: {
      ...sample.manage,
      reviews,
      iteration: { ...sample.manage.iteration, carriedActions: [] },
    },
  };
}

const rules = (plan: Plan, today: string) => reviewFindingsOn(plan, today).map((f) => f.rule);

describe('review health', () => {
  it('asks for a first review three months into the Manage phase, not before', () => {
    const plan = planWith([]);
    expect(rules(plan, '2027-03-31')).toEqual([]);
    const [finding] = reviewFindingsOn(plan, '2027-04-02');
    expect(finding).toMatchObject({
      rule: 'review-overdue',
      severity: 'warning',
      target: { section: 'reviews', elementId: null },
    });
    expect(english(finding!.message)).toContain(
      'No review yet, and the Manage phase started on 1 January 2027',
    );
  });

  it('counts from the latest review, and not outside the Manage phase', () => {
    const review = { ...blankReview(planWith([]), 'r1', '2027-05-10'), assumptions: [] };
    const plan = planWith([review]);
    expect(rules(plan, '2027-08-10')).toEqual([]);
    expect(english(reviewFindingsOn(plan, '2027-08-11')[0]!.message)).toContain(
      'No review since 10 May 2027',
    );
    expect(rules(plan, '2029-02-01')).toEqual([]);
    expect(rules(planWith([], { start: null, end: null } as never), '2027-08-11')).toEqual([]);
  });

  it('flags an assumption broken at its latest review when that review records no decision', () => {
    const base = planWith([]);
    const node = base.theoryOfChange.nodes.find((n) => n.kind === 'assumption')!;
    const broken: Review = {
      ...blankReview(base, 'r1', '2027-03-01'),
      assumptions: [{ nodeId: node.id, status: 'broken', kpiIds: [], note: '' }],
    };
    const finding = reviewFindingsOn(planWith([broken]), '2027-03-02')[0]!;
    expect(finding).toMatchObject({
      id: `assumption-broken-undecided:${node.id}`,
      target: { section: 'reviews', elementId: 'r1' },
    });
    expect(rules(planWith([{ ...broken, decisions: 'Drop the stipend' }]), '2027-03-02')).toEqual(
      [],
    );
    // A later review finding it holding again clears it.
    const later: Review = {
      ...blankReview(base, 'r2', '2027-04-01'),
      assumptions: [{ nodeId: node.id, status: 'holding', kpiIds: [], note: '' }],
    };
    expect(rules(planWith([broken, later]), '2027-04-02')).toEqual([]);
  });

  it('lists carried lessons still open, pointing at the Objective', () => {
    const plan = planWith([], { start: null, end: null } as never);
    plan.manage.iteration.carriedActions = [
      { id: 'a', text: 'Lend laptops', section: 'pathways', done: false },
      { id: 'b', text: 'Done already', section: '', done: true },
    ];
    const [finding] = reviewFindingsOn(plan, '2027-03-02');
    expect(finding).toMatchObject({
      rule: 'carried-lessons-open',
      target: { section: 'objective', elementId: null },
    });
    expect(english(finding!.message)).toContain(
      'A lesson carried from the reviews is still to act on',
    );
    expect(english(finding!.message)).toContain('“Lend laptops”');
  });
});
