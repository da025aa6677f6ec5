/**
 * The onboarding checklist's dates and counts: an item's due date resolved
 * against the launch start and where it stands today (overdue, due within a
 * week, scheduled, done, no date, launch start missing), the counts the
 * section header and sidebar badge show, relative dates in words, and the
 * partners offered (program & technology partners first).
 */
import { describe, expect, it } from 'vitest';
import {
  checklistAlerts,
  checklistItemDue,
  describeAlerts,
  describeChecklistDue,
  describeLaunchDateRule,
  describeOffset,
  partnerGroups,
  partnerNames,
} from '../../shared/launch/checklist';
import { createBlankPlan } from '../../shared/plan/create';
import type { ChecklistItem, Plan, Stakeholder } from '../../shared/plan/schema';
import { Stakeholder as StakeholderSchema } from '../../shared/plan/schema';

const item = (patch: Partial<ChecklistItem>): ChecklistItem => ({
  id: 'lc-x',
  label: 'Item',
  step: null,
  status: 'notStarted',
  owner: '',
  due: { anchor: 'launch', offsetDays: -14 },
  notes: '',
  partnerIds: [],
  ...patch,
});

const START = '2027-04-01';

describe('checklistItemDue', () => {
  it('resolves a relative date against the launch start and says where it stands', () => {
    // 14 days before 1 April 2027 = 18 March 2027.
    expect(checklistItemDue(item({}), START, '2027-03-01')).toEqual({
      date: '2027-03-18',
      state: 'scheduled',
      days: 17,
    });
    expect(checklistItemDue(item({}), START, '2027-03-11').state).toBe('dueSoon'); // 7 days ahead
    expect(checklistItemDue(item({}), START, '2027-03-10').state).toBe('scheduled'); // 8 days ahead
    expect(checklistItemDue(item({}), START, '2027-03-18')).toMatchObject({
      state: 'dueSoon',
      days: 0,
    });
    expect(checklistItemDue(item({}), START, '2027-03-19')).toMatchObject({
      state: 'overdue',
      days: -1,
    });
  });

  it('a done item is never overdue; an item without a date or launch start says so', () => {
    expect(checklistItemDue(item({ status: 'done' }), START, '2027-05-01').state).toBe('done');
    expect(checklistItemDue(item({ due: null }), START, '2027-05-01').state).toBe('noDate');
    expect(checklistItemDue(item({}), null, '2027-05-01')).toEqual({
      date: null,
      state: 'needsLaunchStart',
      days: null,
    });
    // A fixed date needs no launch start.
    const fixed = item({ due: { anchor: 'date', date: '2027-01-05' } });
    expect(checklistItemDue(fixed, null, '2027-01-10')).toEqual({
      date: '2027-01-05',
      state: 'overdue',
      days: -5,
    });
  });

  it('blocked and in-progress items count like not started', () => {
    for (const status of ['blocked', 'inProgress'] as const)
      expect(checklistItemDue(item({ status }), START, '2027-03-20').state).toBe('overdue');
  });
});

describe('checklistAlerts', () => {
  it('counts overdue and due-soon open items of the plan today', () => {
    const plan: Plan = createBlankPlan('Alerts');
    plan.objective.timeline.launch.start = START;
    plan.launch.checklist = [
      item({ id: 'a', due: { anchor: 'launch', offsetDays: -30 } }), // 2 Mar: overdue on 20 Mar
      item({ id: 'b', due: { anchor: 'launch', offsetDays: -20 }, status: 'done' }),
      item({ id: 'c', due: { anchor: 'launch', offsetDays: -7 } }), // 25 Mar: due soon
      item({ id: 'd', due: { anchor: 'launch', offsetDays: 0 } }), // 1 Apr: 12 days ahead
      item({ id: 'e', due: null }),
    ];
    const alerts = checklistAlerts(plan, '2027-03-20');
    expect(alerts).toEqual({ overdue: 1, dueSoon: 1 });
    expect(describeAlerts(alerts)).toBe('1 overdue, 1 due this week');
    expect(describeAlerts({ overdue: 0, dueSoon: 0 })).toBe('');
    // Without a launch start nothing relative can be late.
    plan.objective.timeline.launch.start = null;
    expect(checklistAlerts(plan, '2027-03-20')).toEqual({ overdue: 0, dueSoon: 0 });
  });
});

describe('wording', () => {
  it('says relative dates and due states in words', () => {
    expect(describeOffset(-14)).toBe('14 days before launch');
    expect(describeOffset(0)).toBe('On launch day');
    expect(describeOffset(1)).toBe('1 day after launch');
    expect(describeOffset(3)).toBe('3 days after launch');
    expect(describeLaunchDateRule({ anchor: 'date', date: '2027-01-01' })).toBe('Fixed date');
    expect(describeLaunchDateRule(null)).toBe('No due date');
    expect(describeChecklistDue({ date: '2027-01-01', state: 'overdue', days: -3 })).toBe(
      'Overdue by 3 days',
    );
    expect(describeChecklistDue({ date: '2027-01-01', state: 'dueSoon', days: 0 })).toBe(
      'Due today',
    );
    expect(describeChecklistDue({ date: null, state: 'needsLaunchStart', days: null })).toBe(
      'Launch start not set',
    );
  });
});

describe('partners offered', () => {
  const entry = (patch: Partial<Stakeholder>): Stakeholder =>
    StakeholderSchema.parse({ id: 'x', name: 'X', ...patch });

  it('lists program & technology partners first, then other partners, then stakeholders', () => {
    const plan = createBlankPlan('Partners');
    plan.stakeholders.entries = [
      entry({ id: 'funder', name: 'Skills Fund' }),
      entry({ id: 'radio', name: 'Radio', relation: 'partner', partnerType: 'outreach' }),
      entry({
        id: 'lms',
        name: 'Corvane Learning',
        relation: 'partner',
        partnerType: 'programTechnology',
      }),
    ];
    expect(partnerGroups(plan).map((g) => [g.label, g.entries.map((e) => e.id)] as const)).toEqual([
      ['Program & technology partners', ['lms']],
      ['Other partners', ['radio']],
      ['Other stakeholders', ['funder']],
    ]);
    expect(partnerNames(plan, ['lms', 'gone', 'funder'])).toEqual([
      'Corvane Learning',
      'Skills Fund',
    ]);
  });
});
