/**
 * The "Engagement and follow-ups" chapter and its Excel rows
 * (shared/export/engagement-chapter.ts): activities and rules in words,
 * follow-up counts only, and no learner in any of it.
 */
import { describe, expect, it } from 'vitest';
import {
  activityRows,
  countRows,
  engagementBlocks,
  hasEngagement,
  ruleRows,
} from '../../shared/export/engagement-chapter';
import {
  ENGAGEMENT_SUGGESTIONS,
  FOLLOW_UP_SUGGESTIONS,
  activityFrom,
  ruleFrom,
} from '../../shared/manage/engagement-suggestions';
import type { Plan } from '../../shared/plan/schema';
import { samplePlan } from './export-helpers';

const sample = samplePlan();

function planWithEngagement(): Plan {
  const partner = sample.stakeholders.entries[0]!;
  const segment = sample.learners[0]!;
  return {
    ...sample,
    manage: {
      ...sample.manage,
      engagement: [
        {
          ...activityFrom(ENGAGEMENT_SUGGESTIONS[1]!, 'eng-1'),
          owner: 'Ana',
          partnerId: partner.id,
        },
        { ...activityFrom({ kind: 'wraparound' }, 'eng-2'), segmentIds: [segment.id] },
      ],
      followUps: [
        ruleFrom(FOLLOW_UP_SUGGESTIONS[0]!, 'fu-1'),
        { ...ruleFrom(FOLLOW_UP_SUGGESTIONS[1]!, 'fu-2'), message: '', active: false },
      ],
      followUpCounts: [
        { date: '2027-05-01', total: 40, byRule: { 'fu-1': 40 }, licencesFreeable: 12 },
      ],
    },
  };
}

describe('engagement chapter', () => {
  it('is empty for a plan without engagement, rules or counts', () => {
    const bare: Plan = {
      ...sample,
      manage: { ...sample.manage, engagement: [], followUps: [], followUpCounts: [] },
    };
    expect(hasEngagement(bare)).toBe(false);
    expect(engagementBlocks(bare)).toEqual([]);
  });

  it('lists activities with owner, partner and segments, and rules in order', () => {
    const plan = planWithEngagement();
    const activities = activityRows(plan);
    expect(activities[0]).toEqual([
      'Virtual study hall',
      'Community',
      'Weekly, 90 minutes',
      'Ana',
      sample.stakeholders.entries[0]!.name,
      'Every learner',
    ]);
    expect(activities[1]![3]).toBe('Not named');
    expect(activities[1]![5]).toBe(sample.learners[0]!.name);
    const rules = ruleRows(plan);
    expect(rules[0]).toEqual([
      '1. Not started after a week',
      'Not started 7 days after registering (or being invited)',
      'Every learner',
      'E-mail',
      'Written',
      'On',
    ]);
    expect(rules[1]!.slice(3)).toEqual(['Text message', 'Not yet', 'Off']);
  });

  it('gives follow-up counts per day and rule, and no learner', () => {
    const plan = planWithEngagement();
    const counts = countRows(plan);
    expect(counts.headers).toEqual([
      'Date',
      'Learners to follow up',
      'Licences that could be freed',
      'Not started after a week',
      'Quiet for two weeks',
    ]);
    expect(counts.rows).toEqual([['2027-05-01', 40, 12, 40, '']]);
    const text = JSON.stringify(engagementBlocks(plan));
    expect(text).toContain('Follow-up counts');
    expect(text).toContain('1 May 2027');
    expect(text).not.toMatch(/@example\.org|Learner 0/);
    // Message texts are not in the plan's documents.
    expect(text).not.toContain('{firstName}');
  });
});
