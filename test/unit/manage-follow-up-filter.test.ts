/**
 * Issue 14 new-user findings on today's follow-up list: the rule filter
 * follows the rule (by id) when rules are reordered; learners can be shown
 * per cohort, with those of cohorts that have ended left out by default;
 * learners contacted recently are left out for the chosen number of days;
 * and a message says each learner's own days without activity
 * ({daysInactive}) instead of a fixed "two weeks" — a fixed wording is
 * pointed out in the preview and Plan health.
 */
import Papa from 'papaparse';
import { findingText } from '../../shared/health/render';
import { englishTranslator } from '../../shared/i18n/english';
import { formatFor } from '../../shared/i18n/format';
import { describe, expect, it } from 'vitest';
import { createBlankPlan } from '../../shared/plan/create';
import type { FollowUpRule, Plan } from '../../shared/plan/schema';
import type { RosterLearner } from '../../shared/manage/roster';
import { endedCohorts } from '../../shared/manage/cohorts';
import { engagementFindings } from '../../shared/manage/engagement-health';
import {
  fillFollowUp,
  fixedTimeWording,
  followUpCsv,
  unknownFields,
} from '../../shared/manage/follow-up-export';
import { filterFollowUps, followUpList } from '../../shared/manage/follow-ups';

function learner(over: Partial<RosterLearner> & { key: string }): RosterLearner {
  return {
    learnerId: '',
    email: `${over.key}@example.org`,
    name: `${over.key} Person`,
    segmentId: null,
    cohortId: null,
    pathwayId: null,
    invited: null,
    registered: '2026-01-05',
    enrolled: '2026-01-05',
    completed: null,
    lastActivity: '2026-02-01',
    coursesEnrolled: 1,
    coursesCompleted: 0,
    hours: 3,
    skillScores: {},
    jobOutcome: 'none',
    topLearner: false,
    firstSeen: '2026-01-05',
    updated: '2026-01-05',
    ...over,
  };
}

const rule = (
  over: Partial<FollowUpRule> & Pick<FollowUpRule, 'id' | 'trigger'>,
): FollowUpRule => ({
  name: '',
  afterDays: 14,
  pacePercent: 50,
  segmentIds: [],
  channel: 'email',
  message: 'Hi {firstName}',
  active: true,
  ...over,
});

const blank = createBlankPlan('Follow-ups');
const plan: Plan = {
  ...blank,
  manage: {
    ...blank.manage,
    cohorts: [
      { id: 'pilot', name: 'Pilot', start: '2025-09-01', end: '2026-03-31', notes: '' },
      { id: 'c1', name: 'Cohort 1', start: '2026-04-01', end: '2027-03-31', notes: '' },
    ],
    followUps: [
      rule({
        id: 'quiet',
        trigger: 'inactive',
        message: 'Hi {firstName}, {daysInactive} days since we saw you.',
      }),
      rule({ id: 'new', trigger: 'notStarted', afterDays: 7 }),
    ],
  },
};
const TODAY = '2026-09-12';
// Inactive since 1 Feb (223 days): a pilot learner, a cohort 1 learner and one without a cohort;
// one cohort 1 learner who never started (registered 1 May: 134 days).
const learners = [
  learner({ key: 'p1', cohortId: 'pilot' }),
  learner({ key: 'c1a', cohortId: 'c1', lastActivity: '2026-08-01' }),
  learner({
    key: 'c1b',
    cohortId: 'c1',
    registered: '2026-05-01',
    enrolled: null,
    lastActivity: null,
    hours: 0,
  }),
  learner({ key: 'none' }),
];

describe('filtering today’s follow-ups', () => {
  const list = followUpList(plan, learners, TODAY);

  it('leaves out learners of cohorts that ended, unless asked, and shows one cohort on its own', () => {
    expect(endedCohorts(plan, TODAY).map((c) => c.id)).toEqual(['pilot']);
    const keys = (rows: Uint32Array) => [...rows].map((r) => learners[list.learner[r]!]!.key);
    const current = filterFollowUps(plan, list, learners, { ruleId: null, cohort: 'current' });
    expect(keys(current.rows)).toEqual(['none', 'c1a', 'c1b']);
    expect(current.inEndedCohorts).toBe(1);
    expect(current.countByRule).toEqual([2, 1]);
    const all = filterFollowUps(plan, list, learners, { ruleId: null, cohort: 'all' });
    expect(all.total).toBe(4);
    expect(all.inEndedCohorts).toBe(0);
    const c1 = filterFollowUps(plan, list, learners, { ruleId: null, cohort: { id: 'c1' } });
    expect(keys(c1.rows)).toEqual(['c1a', 'c1b']);
    const without = filterFollowUps(plan, list, learners, { ruleId: null, cohort: { id: '' } });
    expect(keys(without.rows)).toEqual(['none']);
  });

  it('filters by the rule’s id, which still holds after the rules are reordered', () => {
    const byId = filterFollowUps(plan, list, learners, { ruleId: 'new', cohort: 'all' });
    expect(byId.ruleIndex).toBe(1);
    expect([...byId.rows].map((r) => learners[list.learner[r]!]!.key)).toEqual(['c1b']);
    const reordered: Plan = {
      ...plan,
      manage: { ...plan.manage, followUps: [...plan.manage.followUps].reverse() },
    };
    const again = followUpList(reordered, learners, TODAY);
    const view = filterFollowUps(reordered, again, learners, { ruleId: 'new', cohort: 'all' });
    expect(view.ruleIndex).toBe(0);
    expect([...view.rows].map((r) => learners[again.learner[r]!]!.key)).toEqual(['c1b']);
    // A rule no longer in the plan: every rule.
    expect(
      filterFollowUps(plan, list, learners, { ruleId: 'gone', cohort: 'all' }).ruleIndex,
    ).toBeNull();
  });

  it('leaves out learners contacted fewer than the chosen days ago', () => {
    const contacted = new Map([
      ['c1a', '2026-09-05'], // 7 days ago: left out for 14 days, shown again after 7
      ['none', '2026-08-01'], // long ago
    ]);
    const view = filterFollowUps(plan, list, learners, {
      ruleId: null,
      cohort: 'all',
      contacted,
      quietDays: 14,
    });
    expect(view.recentlyContacted).toBe(1);
    expect(view.total).toBe(3);
    const week = filterFollowUps(plan, list, learners, {
      ruleId: null,
      cohort: 'all',
      contacted,
      quietDays: 7,
    });
    expect(week.recentlyContacted).toBe(0);
    expect(
      filterFollowUps(plan, list, learners, {
        ruleId: null,
        cohort: 'all',
        contacted,
        quietDays: 0,
      }).recentlyContacted,
    ).toBe(0);
  });

  it('writes each learner’s own days without activity into the message, for the exported rows only', () => {
    const view = filterFollowUps(plan, list, learners, { ruleId: 'quiet', cohort: 'current' });
    const csv = followUpCsv(plan, list, learners, {
      rule: view.ruleIndex,
      style: 'mailchimp',
      rows: view.rows,
    });
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((r) => [r.Email, r.Message])).toEqual([
      ['none@example.org', 'Hi *|FNAME|*, 223 days since we saw you.'],
      ['c1a@example.org', 'Hi *|FNAME|*, 42 days since we saw you.'],
    ]);
  });
});

describe('the {daysInactive} field and fixed time wording', () => {
  it('is a field of follow-up messages, shown as a placeholder in the preview', () => {
    const filled = fillFollowUp(plan, plan.manage.followUps[0]!, TODAY);
    expect(filled.problems).toEqual([]);
    expect(filled.parts).toContainEqual({
      kind: 'learner',
      field: 'daysInactive',
      label: 'days without activity',
    });
    expect(unknownFields(plan.manage.followUps[0]!)).toEqual([]);
  });

  it('points out a fixed time in the message of an inactivity or not-started rule', () => {
    const says = (message: string, trigger: FollowUpRule['trigger'] = 'inactive') =>
      fixedTimeWording(rule({ id: 'x', trigger, message }));
    expect(says('We haven’t seen you for two weeks.')).toBe('for two weeks');
    expect(says('Nothing from you for the past 14 days')).toBe('for the past 14 days');
    expect(says('You last logged in three weeks ago.')).toBe('three weeks ago');
    expect(says('Reply within 7 days, or we call you in the next two days.')).toBeNull();
    expect(says('We haven’t seen you for {daysInactive} days.')).toBeNull();
    expect(says('You are a month into {pathway}, behind for two weeks', 'behindPace')).toBeNull();
    const fixed: Plan = {
      ...plan,
      manage: {
        ...plan.manage,
        followUps: [
          rule({
            id: 'fixed',
            name: 'Quiet',
            trigger: 'inactive',
            message: 'Hi {firstName}, we haven’t seen you for two weeks.',
          }),
        ],
      },
    };
    const finding = engagementFindings(fixed).find((f) => f.rule === 'follow-up-fixed-time');
    expect(finding && findingText(englishTranslator, formatFor('en'), finding)).toBe(
      'Follow-up rule “Quiet”: The message says “for two weeks”, but this rule lists every learner from 14 days up. Write {daysInactive} days instead: the export puts in each learner’s own number.',
    );
    expect(engagementFindings(plan).some((f) => f.rule === 'follow-up-fixed-time')).toBe(false);
  });
});
