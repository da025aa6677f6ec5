/**
 * Plan health for the Launch marketing plan (issue 13): channels that reach
 * no segment, segments no channel reaches, stories without consent, more
 * journey steps than the target, and marketing spend over the outreach line.
 */
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { checkPlanHealth } from '../../shared/health/check';
import { marketingGaps } from '../../shared/health/plan-rules';
import { HEALTH_RULES } from '../../shared/health/types';
import type { Plan } from '../../shared/plan/schema';
import { samplePlan } from './export-helpers';
import { english } from './health-english';

const sample = samplePlan();
const edit = (recipe: (draft: Plan) => void) => produce(sample, recipe);

describe('marketing plan health', () => {
  it('the sample has no marketing gaps', () => {
    expect(marketingGaps(sample)).toEqual([]);
  });

  it('finds a channel reaching no segment and the segment it left unreached', () => {
    const plan = edit((d) => {
      for (const c of d.launch.marketing.channels)
        c.segmentIds = c.segmentIds.filter((id) => id !== 'seg-justice');
      d.launch.marketing.channels[0]!.segmentIds = [];
    });
    const findings = marketingGaps(plan);
    const first = sample.launch.marketing.channels[0]!;
    expect(findings.filter((f) => f.rule === HEALTH_RULES.channelReachesNoSegment)).toEqual([
      expect.objectContaining({
        id: `channel-reaches-no-segment:${first.id}`,
        severity: 'warning',
        target: { section: 'marketing', elementId: first.id },
      }),
    ]);
    const unreached = findings.filter((f) => f.rule === HEALTH_RULES.segmentNotReached);
    expect(unreached.map((f) => f.target.elementId)).toEqual(['seg-justice']);
    expect(english(unreached[0]!.message)).toContain(
      'No marketing channel reaches the learner segment',
    );
    // Without any channel, the gap is the whole plan's: no finding per segment.
    expect(
      marketingGaps(edit((d) => void (d.launch.marketing.channels = []))).filter(
        (f) => f.rule === HEALTH_RULES.segmentNotReached,
      ),
    ).toEqual([]);
  });

  it('finds stories without consent and a journey over its target, through the whole check too', () => {
    const plan = edit((d) => {
      d.launch.marketing.stories[1]!.consentGiven = false;
      d.launch.marketing.journeySteps.push('Create a password');
    });
    const findings = checkPlanHealth(plan);
    const story = findings.find((f) => f.rule === HEALTH_RULES.storyWithoutConsent)!;
    expect(story.target).toEqual({
      section: 'marketing',
      elementId: sample.launch.marketing.stories[1]!.id,
    });
    expect(english(story.message)).toContain('left out of every export');
    const journey = findings.find((f) => f.rule === HEALTH_RULES.journeyOverTarget)!;
    expect(english(journey.message)).toBe(
      'Learners take 4 steps from invitation to first lesson, more than the target of 3: every extra step loses learners.',
    );
  });

  it('asks for the date and the record of a consent that is only ticked', () => {
    const plan = edit((d) => {
      const [first, second] = d.launch.marketing.stories;
      first!.consentDate = null;
      first!.consentNote = '';
      second!.consentNote = ' ';
    });
    const messages = marketingGaps(plan)
      .filter((f) => f.rule === HEALTH_RULES.storyConsentUndocumented)
      .map((f) => [f.target.elementId, english(f.message)]);
    const [first, second] = sample.launch.marketing.stories;
    expect(messages).toEqual([
      [
        first!.id,
        `The learner story “${first!.title}” is marked as consented but has no consent date and does not say where the consent is kept: a funder or the learner may ask to see it.`,
      ],
      [
        second!.id,
        `The learner story “${second!.title}” is marked as consented but does not say where the consent is kept: a funder or the learner may ask to see it.`,
      ],
    ]);
  });

  it('marketing spend over the outreach line is an over-budget finding', () => {
    const plan = edit((d) => {
      d.budget.lines.outreach = 60_000;
    });
    const over = checkPlanHealth(plan).find((f) => f.id === 'over-budget:outreach');
    expect(english(over!.message)).toBe(
      'The plan’s costs for outreach and marketing come to €63,500, over the €60,000 budgeted for that line.',
    );
  });
});
