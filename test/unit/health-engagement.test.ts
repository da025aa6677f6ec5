/** Plan health for engagement activities and follow-up rules (shared/manage/engagement-health.ts). */
import { describe, expect, it } from 'vitest';
import { engagementFindings, shadowedRuleFindings } from '../../shared/manage/engagement-health';
import {
  FOLLOW_UP_SUGGESTIONS,
  activityFrom,
  ruleFrom,
} from '../../shared/manage/engagement-suggestions';
import type { Plan } from '../../shared/plan/schema';
import { samplePlan } from './export-helpers';
import { english } from './health-english';

const sample = samplePlan();

function withRules(plan: Plan, rules: Plan['manage']['followUps']): Plan {
  return { ...plan, manage: { ...plan.manage, followUps: rules } };
}

describe('plan health: engagement and follow-ups', () => {
  const base: Plan = {
    ...sample,
    manage: { ...sample.manage, engagement: [], followUps: [] },
  };
  const rules = (plan: Plan) => engagementFindings(plan).map((f) => f.rule);

  it('says nothing for a plan without engagement or follow-ups', () => {
    expect(engagementFindings(base)).toEqual([]);
  });

  it('flags a rule without a message, unknown fields, and no rule switched on', () => {
    const silent = { ...ruleFrom(FOLLOW_UP_SUGGESTIONS[0]!, 'fu-1'), message: '' };
    const typo = { ...ruleFrom(FOLLOW_UP_SUGGESTIONS[1]!, 'fu-2'), message: 'Hi {first name}' };
    const plan = withRules(base, [silent, typo]);
    const found = engagementFindings(plan);
    expect(found.map((f) => f.rule)).toEqual([
      'follow-up-without-message',
      'follow-up-unknown-fields',
    ]);
    expect(english(found[1]!.message)).toContain('“{first name}”');
    expect(found[0]!.target).toEqual({ section: 'engagement', elementId: 'fu-1' });
    const off = withRules(base, [{ ...silent, active: false }]);
    expect(rules(off)).toEqual(['no-active-follow-up']);
  });

  it('flags an activity without owner and segments whose barriers call for wraparound services', () => {
    const segment = {
      ...sample.learners[0]!,
      barriers: ['noDevice' as const, 'caregiving' as const],
    };
    const hall = activityFrom({ kind: 'community' }, 'eng-1');
    const plan: Plan = {
      ...base,
      learners: [segment],
      manage: { ...base.manage, engagement: [hall] },
    };
    const found = engagementFindings(plan);
    expect(found.map((f) => f.rule)).toEqual([
      'no-active-follow-up',
      'engagement-without-owner',
      'wraparound-missing',
    ]);
    expect(english(found[2]!.message)).toContain('device and data support');
    const served: Plan = {
      ...plan,
      manage: {
        ...plan.manage,
        engagement: [
          { ...hall, owner: 'Ana' },
          {
            ...activityFrom({ kind: 'wraparound' }, 'eng-2'),
            owner: 'Ben',
            segmentIds: [segment.id],
          },
        ],
      },
    };
    expect(rules(served)).toEqual(['no-active-follow-up']);
  });
});

describe('a follow-up rule another one hides', () => {
  const base: Plan = { ...sample, manage: { ...sample.manage, engagement: [], followUps: [] } };
  const week = { ...ruleFrom(FOLLOW_UP_SUGGESTIONS[0]!, 'fu-7'), afterDays: 7 };
  const fortnight = { ...week, id: 'fu-14', name: 'Coach call', afterDays: 14 };

  it('flags a later rule with the same trigger, for the same learners, at more days', () => {
    const found = shadowedRuleFindings(withRules(base, [week, fortnight]));
    expect(found.map((f) => [f.rule, f.target.elementId])).toEqual([
      ['follow-up-shadowed', 'fu-14'],
    ]);
    expect(english(found[0]!.message)).toContain('“Coach call” never lists anyone');
  });

  it('is quiet for an escalation in the right order, other segments, or a rule switched off', () => {
    expect(shadowedRuleFindings(withRules(base, [fortnight, week]))).toEqual([]);
    const segment = sample.learners[0]!.id;
    expect(
      shadowedRuleFindings(withRules(base, [{ ...week, segmentIds: [segment] }, fortnight])),
    ).toEqual([]);
    expect(
      shadowedRuleFindings(withRules(base, [{ ...week, active: false }, fortnight])).map(
        (f) => f.rule,
      ),
    ).toEqual([]);
  });

  it('for behind pace, only when the earlier rule asks for a higher share', () => {
    const pace = {
      ...ruleFrom(FOLLOW_UP_SUGGESTIONS[2]!, 'fu-p1'),
      afterDays: 21,
      pacePercent: 40,
    };
    const later = { ...pace, id: 'fu-p2', afterDays: 28, pacePercent: 60 };
    expect(shadowedRuleFindings(withRules(base, [pace, later]))).toEqual([]);
    const found = shadowedRuleFindings(
      withRules(base, [later, { ...pace, id: 'fu-p3', afterDays: 35 }]),
    );
    expect(found.map((f) => f.target.elementId)).toEqual(['fu-p3']);
  });
});
