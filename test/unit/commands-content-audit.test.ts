/**
 * The content audit (issue 14): review dates, owners and reviews as
 * commands; unused items retired from every pathway in one undoable step
 * (the catalog item stays); the due list; and made content's maintenance
 * hours checked against the make-or-buy decision's "capacity to maintain".
 */
import { describe, expect, it } from 'vitest';
import { runCommand, type Command } from '../../shared/commands/command';
import {
  recordContentReview,
  retireFromPathways,
  setAuditEntry,
  stepsToRetire,
} from '../../shared/commands/content-audit';
import { removeCatalogItems } from '../../shared/commands/content';
import { blankDecision } from '../../shared/commands/make-or-buy';
import { commit, createHistory, undo } from '../../shared/history';
import {
  MAINTENANCE_CAPACITY_HOURS,
  MAINTENANCE_RULE,
  addMonths,
  capacityHours,
  contentAudit,
  maintainRating,
  reviewState,
} from '../../shared/manage/content-audit';
import { createBlankPlan } from '../../shared/plan/create';
import { Plan as PlanSchema, type Plan } from '../../shared/plan/schema';

function run(plan: Plan, command: Command) {
  const outcome = runCommand(plan, command);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome;
}

function refusal(plan: Plan, command: Command): string {
  const outcome = runCommand(plan, command);
  if (outcome.ok) throw new Error('expected a refusal');
  return outcome.reason;
}

function makePlan(): Plan {
  const base = createBlankPlan('Audit', new Date('2027-01-01T00:00:00Z'));
  const make = blankDecision('Regional job-search module', 'mob-make');
  const buy = blankDecision('IT foundations', 'mob-buy');
  return PlanSchema.parse({
    ...base,
    content: {
      catalog: [
        { id: 'made-1', title: 'Regional module', kind: 'inHouseModule' },
        { id: 'made-2', title: 'Local rights clip', kind: 'clip' },
        { id: 'bought', title: 'IT course', kind: 'course' },
        { id: 'other', title: 'Other course', kind: 'course' },
      ],
      decisions: [
        {
          ...make,
          decision: 'make',
          raters: [
            { id: 'r1', name: 'Ana' },
            { id: 'r2', name: 'Ben' },
          ],
          ratings: { r1: { 'mob-make-crit-maintain': 2 }, r2: { 'mob-make-crit-maintain': 3 } },
        },
        { ...buy, decision: 'buy' },
      ],
      pathways: [
        {
          id: 'p1',
          name: 'Pathway one',
          steps: [
            { id: 's1', contentItemId: 'made-1' },
            { id: 's2', contentItemId: 'bought' },
            { id: 's3', contentItemId: 'other' },
          ],
        },
        { id: 'p2', name: 'Pathway two', steps: [{ id: 's4', contentItemId: 'other' }] },
      ],
    },
  });
}

describe('content audit commands', () => {
  const plan = makePlan();

  it('set an item’s review date, owner, decision and maintenance hours, making its entry on first use', () => {
    const first = run(plan, setAuditEntry({ itemId: 'made-2', patch: { owner: 'Dana' } }));
    expect(first.label).toBe('Set owner of “Local rights clip”');
    expect(first.location).toEqual({ section: 'contentInUse', focus: 'made-2' });
    expect(first.coalesceKey).toBe('contentAudit.owner:made-2');
    expect(first.plan.content.audit).toEqual([
      {
        itemId: 'made-2',
        reviewDate: null,
        owner: 'Dana',
        lastReviewed: null,
        decisionId: null,
        maintenanceHoursPerYear: null,
      },
    ]);
    const second = run(
      first.plan,
      setAuditEntry({
        itemId: 'made-2',
        patch: { reviewDate: '2027-03-01', decisionId: 'mob-make', maintenanceHoursPerYear: 30 },
      }),
    );
    expect(second.plan.content.audit).toHaveLength(1);
    expect(second.plan.content.audit[0]).toMatchObject({
      owner: 'Dana',
      reviewDate: '2027-03-01',
      decisionId: 'mob-make',
      maintenanceHoursPerYear: 30,
    });
    expect(second.coalesceKey).toBeNull();
  });

  it('refuse bad dates, hours and decisions, and ignore an item not in the catalog', () => {
    expect(
      refusal(plan, setAuditEntry({ itemId: 'made-1', patch: { reviewDate: '1 March' } })),
    ).toMatch(/calendar date/);
    expect(
      refusal(plan, setAuditEntry({ itemId: 'made-1', patch: { maintenanceHoursPerYear: -4 } })),
    ).toMatch(/0 to 100,000/);
    expect(
      refusal(plan, setAuditEntry({ itemId: 'made-1', patch: { decisionId: 'nope' } })),
    ).toMatch(/not in the plan/);
    expect(run(plan, setAuditEntry({ itemId: 'ghost', patch: { owner: 'X' } })).plan).toBe(plan);
  });

  it('record a review: last review that day, next one a year later unless given', () => {
    const reviewed = run(plan, recordContentReview({ itemId: 'made-1', date: '2027-02-28' }));
    expect(reviewed.label).toBe('Record a review of “Regional module”');
    expect(reviewed.plan.content.audit[0]).toMatchObject({
      lastReviewed: '2027-02-28',
      reviewDate: '2028-02-28',
    });
    const custom = run(
      plan,
      recordContentReview({ itemId: 'made-1', date: '2027-02-28', nextReview: '2027-08-31' }),
    );
    expect(custom.plan.content.audit[0]!.reviewDate).toBe('2027-08-31');
    expect(
      refusal(
        plan,
        recordContentReview({ itemId: 'made-1', date: '2027-02-28', nextReview: '2027-01-01' }),
      ),
    ).toMatch(/after the review/);
  });

  it('retire items from every pathway in one step that one undo puts back; the catalog item stays', () => {
    expect(stepsToRetire(plan, ['other', 'made-1'])).toEqual([
      { pathwayId: 'p1', name: 'Pathway one', steps: 2 },
      { pathwayId: 'p2', name: 'Pathway two', steps: 1 },
    ]);
    const retired = run(
      plan,
      retireFromPathways({ itemIds: ['other', 'made-1'], reason: 'unused for 90 days' }),
    );
    expect(retired.label).toBe('Retire 2 items from pathways (unused for 90 days)');
    expect(retired.plan.content.pathways.map((p) => p.steps.map((s) => s.id))).toEqual([
      ['s2'],
      [],
    ]);
    expect(retired.plan.content.catalog.map((c) => c.id)).toEqual(
      plan.content.catalog.map((c) => c.id),
    );
    const history = commit(createHistory(plan), retired.plan, { name: retired.label }, 0);
    expect(undo(history).present).toBe(plan);
    expect(run(plan, retireFromPathways({ itemIds: ['bought'] })).label).toBe(
      'Retire “IT course” from pathways',
    );
    expect(refusal(plan, retireFromPathways({ itemIds: [] }))).toMatch(/No item/);
  });

  it('deleting a catalog item deletes its audit entry', () => {
    const audited = run(plan, setAuditEntry({ itemId: 'made-1', patch: { owner: 'Dana' } })).plan;
    const deleted = run(audited, removeCatalogItems({ ids: ['made-1'] })).plan;
    expect(deleted.content.audit).toEqual([]);
  });
});

describe('content audit', () => {
  it('states review dates as overdue, due soon (30 days), scheduled or missing', () => {
    expect(reviewState('2027-05-31', '2027-06-01')).toBe('overdue');
    expect(reviewState('2027-06-01', '2027-06-01')).toBe('dueSoon');
    expect(reviewState('2027-07-01', '2027-06-01')).toBe('dueSoon');
    expect(reviewState('2027-07-02', '2027-06-01')).toBe('scheduled');
    expect(reviewState(null, '2027-06-01')).toBe('noDate');
  });

  it('adds calendar months, keeping to the end of a shorter month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2027-11-15', 3)).toBe('2028-02-15');
  });

  it('reads the capacity to maintain as hours a year, interpolating averages', () => {
    expect([1, 2, 3, 4, 5].map(capacityHours)).toEqual([...MAINTENANCE_CAPACITY_HOURS]);
    expect(capacityHours(2.5)).toBe(80);
    expect(MAINTENANCE_RULE).toContain('Capacity to maintain and update content');
    expect(maintainRating(makePlan().content.decisions[0]!)).toBe(2.5);
    expect(maintainRating(makePlan().content.decisions[1]!)).toBeNull();
  });

  it('lists made content and audited items, the ones due for review, and checks maintenance per decision', () => {
    let plan = makePlan();
    for (const command of [
      setAuditEntry({
        itemId: 'made-1',
        patch: { reviewDate: '2027-05-01', decisionId: 'mob-make', maintenanceHoursPerYear: 60 },
      }),
      setAuditEntry({
        itemId: 'made-2',
        patch: { reviewDate: '2027-06-20', decisionId: 'mob-make', maintenanceHoursPerYear: 30 },
      }),
      setAuditEntry({
        itemId: 'bought',
        patch: { reviewDate: '2028-01-01', decisionId: 'mob-buy' },
      }),
    ])
      plan = run(plan, command).plan;
    const audit = contentAudit(plan, '2027-06-01');
    expect(audit.rows.map((r) => [r.item.id, r.made, r.state])).toEqual([
      ['made-1', true, 'overdue'],
      ['made-2', true, 'dueSoon'],
      ['bought', false, 'scheduled'],
    ]);
    expect(audit.due.map((r) => r.item.id)).toEqual(['made-1', 'made-2']);
    expect(audit.maintenance).toEqual([
      {
        decisionId: 'mob-make',
        need: 'Regional job-search module',
        decision: 'make',
        rating: 2.5,
        capacityHours: 80,
        itemIds: ['made-1', 'made-2'],
        hours: 90,
        unestimated: [],
        verdict: 'over',
      },
    ]);
    expect(audit.rows[0]!.maintenance?.verdict).toBe('over');
    expect(audit.rows[2]!.maintenance).toBeNull();

    const lighter = run(
      plan,
      setAuditEntry({ itemId: 'made-1', patch: { maintenanceHoursPerYear: null } }),
    ).plan;
    const within = contentAudit(lighter, '2027-06-01').maintenance[0]!;
    expect(within).toMatchObject({ hours: 30, unestimated: ['made-1'], verdict: 'within' });
  });

  it('says a made decision’s capacity is unrated when nobody rated it', () => {
    let plan = makePlan();
    plan = PlanSchema.parse({
      ...plan,
      content: {
        ...plan.content,
        decisions: plan.content.decisions.map((d) => ({ ...d, ratings: {}, decision: 'make' })),
      },
    });
    plan = run(
      plan,
      setAuditEntry({
        itemId: 'bought',
        patch: { decisionId: 'mob-buy', maintenanceHoursPerYear: 5 },
      }),
    ).plan;
    const audit = contentAudit(plan, '2027-06-01');
    expect(audit.maintenance.map((m) => [m.decisionId, m.verdict])).toEqual([
      ['mob-buy', 'unrated'],
    ]);
    // An in-house module with no entry is listed, without a review date.
    expect(audit.rows.find((r) => r.item.id === 'made-1')).toMatchObject({
      made: true,
      state: 'noDate',
      entry: null,
    });
  });
});
