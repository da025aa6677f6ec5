/**
 * Plan health across the whole plan (issue 10): pathways, make-or-buy,
 * segments, checkpoints, budget, references, timing — and the sample plan's
 * numbers agreeing with each other.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { produce } from 'immer';
import { describe, expect, it, vi } from 'vitest';
import { summarisePathway } from '../../shared/content/pathways';
import { checkPlanHealth, healthDependencies, HEALTH_INPUTS } from '../../shared/health/check';
import {
  checklistPastDue,
  checklistPastDueOn,
  invitationGaps,
  missingReference,
  overBudget,
  participantsOverPopulation,
  timelineOutOfOrder,
  uncoveredSkills,
  undatedCheckpoint,
  undecidedMakeOrBuy,
  unmeasurableTiming,
  unservedSegment,
} from '../../shared/health/plan-rules';
import { addDays } from '../../shared/stakeholders/schedule';
import { pathwayFacts } from '../../shared/learners/pathway-facts';
import { readPlanFile } from '../../shared/plan/plan-file';
import type { Plan } from '../../shared/plan/schema';
import { english, inEnglish } from './health-english';

const sample: Plan = (() => {
  const result = readPlanFile(
    readFileSync(
      join(import.meta.dirname, '../../resources/sample-plans/youth-digital-skills.upskill.json'),
      'utf8',
    ),
  );
  if (!result.ok) throw new Error(result.message);
  return result.plan;
})();

const edit = (recipe: (draft: Plan) => void) => produce(sample, recipe);

describe('plan health across the whole plan', () => {
  it('the sample passes every rule', () => {
    // On the day it was written: its onboarding steps fall due from February 2027.
    vi.useFakeTimers({ now: new Date(sample.updatedAt), toFake: ['Date'] });
    try {
      expect(checkPlanHealth(sample).map((f) => english(f.message))).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('finds a phase that ends before it starts, and phases that start out of order (a new user saved both)', () => {
    expect(timelineOutOfOrder(sample)).toEqual([]);
    const wrong = edit((d) => {
      d.objective.timeline.plan = { start: '2026-02-01', end: '2025-01-01' };
      d.objective.timeline.launch = { start: '2026-01-15', end: null };
    });
    expect(timelineOutOfOrder(wrong).map(inEnglish)).toEqual([
      expect.objectContaining({
        rule: 'timeline-out-of-order',
        severity: 'error',
        message: expect.stringMatching(
          /^The Plan phase ends \(.+2025\) before it starts \(.+2026\)/,
        ),
        target: { section: 'objective', elementId: null },
      }),
      expect.objectContaining({
        message: expect.stringMatching(/^The Launch phase starts \(.+\) before the Plan phase/),
      }),
    ]);
    expect(checkPlanHealth(wrong).map((f) => f.rule)).toContain('timeline-out-of-order');
  });

  it('finds required skills a pathway leaves uncovered, pointing at the pathway', () => {
    const plan = edit((d) => {
      d.content.pathways[0]!.requiredSkills.push('Soldering');
    });
    const findings = uncoveredSkills(plan);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.target).toEqual({
      section: 'pathways',
      elementId: plan.content.pathways[0]!.id,
    });
    expect(english(findings[0]!.message)).toContain('does not teach 1 required skill: “Soldering”');
  });

  it('finds make-or-buy questions without a decision or a rationale', () => {
    const plan = edit((d) => {
      d.content.decisions[0]!.decision = null;
      d.content.decisions[1]!.rationale = ' ';
    });
    const findings = undecidedMakeOrBuy(plan);
    expect(findings.map((f) => f.target)).toEqual([
      { section: 'makeOrBuy', elementId: plan.content.decisions[0]!.id },
      { section: 'makeOrBuy', elementId: plan.content.decisions[1]!.id },
    ]);
    expect(english(findings[0]!.message)).toMatch(/has no decision:/);
    expect(english(findings[1]!.message)).toMatch(/has no rationale:/);
  });

  it('finds segments no pathway serves', () => {
    const plan = edit((d) => {
      for (const p of d.content.pathways)
        p.segmentIds = p.segmentIds.filter((id) => id !== 'seg-justice');
    });
    expect(unservedSegment(plan).map((f) => f.target)).toEqual([
      { section: 'learners', elementId: 'seg-justice' },
    ]);
  });

  it('finds segments expecting more participants than people', () => {
    const plan = edit((d) => {
      d.learners[0]!.expectedParticipants = 12_000;
    });
    const findings = participantsOverPopulation(plan);
    expect(findings.map((f) => english(f.message))).toEqual([
      `The learner segment “${plan.learners[0]!.name}” expects 12,000 participants out of 9,800 people: participants cannot outnumber the population.`,
    ]);
    expect(findings[0]!.target).toEqual({ section: 'learners', elementId: plan.learners[0]!.id });
  });

  it('finds checkpoints without dates', () => {
    const plan = edit((d) => {
      d.stakeholders.checkpoints[0]!.nextDate = null;
    });
    const findings = undatedCheckpoint(plan);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.target.section).toBe('stakeholders');
  });

  it('compares planned costs with the budget, line by line and in total', () => {
    const plan = edit((d) => {
      d.budget.lines.incentives = 100_000;
      d.budget.total = 500_000;
      d.launch.marketing.licenses = 1000;
    });
    const messages = overBudget(plan).map((f) => english(f.message));
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^The plan’s costs for learner incentives come to €[\d,]+, over the €100,000/,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/more than the total budget of €500,000/),
    );
    expect(messages).toContain(
      '1,900 participants are expected, but only 1,000 licences were bought.',
    );
    expect(overBudget(plan).every((f) => f.target.section === 'objective')).toBe(true);
    // No currency yet, but money in the plan: a suggestion to choose one.
    const noCurrency = edit((d) => {
      d.budget.currency = null;
    });
    expect(overBudget(noCurrency).map((f) => f.severity)).toEqual(['info']);
    // A total budget the lines do not fully share out (a new user saw no word of the rest).
    const unallocated = edit((d) => {
      d.budget.total = (d.budget.total ?? 0) + 10_000;
    });
    expect(overBudget(unallocated).map(inEnglish)).toEqual([
      expect.objectContaining({
        severity: 'info',
        message: expect.stringMatching(/^€10,000 of the total budget of €[\d,]+ is not allocated/),
      }),
    ]);
  });

  it('finds references to elements that no longer exist', () => {
    const plan = edit((d) => {
      d.content.pathways[0]!.steps[0]!.contentItemId = 'gone';
      d.stakeholders.entries[0]!.interventionIds.push('gone');
      d.indicators[0]!.disaggregation.push('gone');
      d.manage.kpis[0]!.indicatorId = 'gone';
    });
    expect(missingReference(plan).map((f) => f.target.section)).toEqual([
      'pathways',
      'logicModel',
      'stakeholders',
      'objective',
    ]);
  });

  it('finds outcome targets dated before learners can finish, not output targets', () => {
    const plan = edit((d) => {
      d.indicators.find((i) => i.id === 'ind-placement-rate')!.target.date = '2027-06-30';
      d.indicators.find((i) => i.id === 'ind-enrolments')!.target.date = '2027-05-31';
    });
    const findings = unmeasurableTiming(plan);
    expect(findings).toHaveLength(1);
    expect(english(findings[0]!.message)).toMatch(
      /^The target date of “Unemployed completers .*” \(30 June 2027\) is before learners starting at launch on 1 April 2027 can finish the 24 weeks of “IT Support Starter Pathway”/,
    );
    expect(findings[0]!.target).toEqual({
      section: 'theoryOfChange',
      elementId: 'toc-out-placement',
    });
  });

  it('counts the pathways of the segments an indicator is reported for', () => {
    // Graduates follow only the data pathway (21 weeks from 1 April: 26 August 2027).
    const plan = edit((d) => {
      const i = d.indicators.find((x) => x.id === 'ind-placement-rate')!;
      i.target.date = '2027-09-01';
      i.disaggregation = ['seg-graduates'];
    });
    expect(unmeasurableTiming(plan)).toEqual([]);
    const everyone = edit((d) => {
      d.indicators.find((x) => x.id === 'ind-placement-rate')!.target.date = '2027-09-01';
    });
    expect(english(unmeasurableTiming(everyone)[0]!.message)).toContain(
      '“IT Support Starter Pathway”',
    );
  });

  it('caches on the timeline of the Objective only: typing its texts never re-checks', () => {
    const read = new Map<string, Set<string>>();
    const watch = <T extends object>(name: string, value: T): T =>
      new Proxy(value, {
        get(target, key, receiver) {
          if (typeof key === 'string') {
            const keys = read.get(name) ?? new Set<string>();
            keys.add(key);
            read.set(name, keys);
          }
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    const plan = {
      ...sample,
      objective: watch('objective', sample.objective),
      launch: watch('launch', sample.launch),
      manage: watch('manage', sample.manage),
    };
    checkPlanHealth(plan);
    // The timeline, and (issue 13) whether the texts the communications'
    // merge fields use are set: the dependency is which of them are set, so
    // typing them re-checks only when one becomes empty or filled (below).
    expect([...read.get('objective')!].sort()).toEqual([
      'organisation',
      'programName',
      'region',
      'timeline',
    ]);
    // Of the launch, the marketing plan, the invitation planner and the onboarding checklist (issue 13).
    expect([...read.get('launch')!].sort()).toEqual([
      'checklist',
      'communications',
      'details',
      'invitations',
      'marketing',
    ]);
    expect([...read.get('manage')!]).toEqual([
      'kpis',
      // Learner progress reads the dated snapshots and the cohorts they are counted under.
      'progress',
      'cohorts',
      'engagement',
      'followUps',
      'reviews',
      'iteration',
    ]);
    // One dependency per input, the launch counted as its three parts.
    // (and the communications, the launch details and which Objective texts are set).
    // (+2: the roster's dated snapshots and the cohorts, issue 14.)
    // (−1: the document language is read for merge values but no finding depends on it.)
    expect(healthDependencies(plan)).toHaveLength(HEALTH_INPUTS.length + 10);
    const typed = { ...sample, objective: { ...sample.objective, programName: 'Digital Futures' } };
    const same = (a: Plan, b: Plan) =>
      healthDependencies(a).every((d, i) => d === healthDependencies(b)[i]);
    expect(same(typed, sample)).toBe(true);
    const cleared = { ...sample, objective: { ...sample.objective, programName: ' ' } };
    expect(same(cleared, sample)).toBe(false);
  });
});

describe('pathway facts for plan-wide checks', () => {
  it('agree with summarisePathway and index the catalog once per content version', () => {
    const frozen = produce(sample, (d) => {
      d.content.pathways[0]!.hoursPerWeek += 1;
    }).content;
    expect(pathwayFacts(frozen)).toBe(pathwayFacts(frozen));
    const facts = pathwayFacts(sample.content);
    for (const f of facts) {
      const summary = summarisePathway(f.pathway, sample.content.catalog);
      expect([f.totalHours, f.weeks, f.costPerLearner, f.uncovered]).toEqual([
        summary.totalHours,
        summary.weeks,
        summary.totalCost,
        summary.uncovered,
      ]);
    }
  });
});

describe('the sample plan’s numbers agree with each other', () => {
  const completion = sample.indicators.find((i) => i.id === 'ind-completion-rate')!;
  const enrolled = sample.indicators.find((i) => i.id === 'ind-enrolments')!.target.value!;

  it('learning hours are at least completers × pathway hours', () => {
    const participants = new Map(sample.learners.map((s) => [s.id, s.expectedParticipants ?? 0]));
    const servedBy = new Map<string, number>();
    for (const p of sample.content.pathways)
      for (const id of p.segmentIds) servedBy.set(id, (servedBy.get(id) ?? 0) + 1);
    let completerHours = 0;
    for (const p of sample.content.pathways) {
      const learners = p.segmentIds.reduce(
        (sum, id) => sum + participants.get(id)! / servedBy.get(id)!,
        0,
      );
      completerHours +=
        learners *
        (completion.target.value! / 100) *
        summarisePathway(p, sample.content.catalog).totalHours;
    }
    const hours = sample.indicators.find((i) => i.id === 'ind-learning-hours')!.target.value!;
    expect(hours).toBeGreaterThanOrEqual(completerHours);
    expect(sample.logicModel.items.find((i) => i.id === 'lm-out-hours')!.title).toContain(
      hours.toLocaleString('en-GB'),
    );
    // Participants are the enrolled learners, within the licences bought.
    expect([...participants.values()].reduce((a, b) => a + b, 0)).toBe(enrolled);
    expect(enrolled).toBeLessThanOrEqual(sample.launch.marketing.licenses!);
  });

  it('placement and retention are measured after most learners can finish', () => {
    const launch = sample.objective.timeline.launch.start!;
    const weeks = Math.max(
      ...sample.content.pathways.map((p) => summarisePathway(p, sample.content.catalog).weeks),
    );
    const finish = addDays(sample.objective.timeline.manage.start!, weeks * 7);
    expect(finish > launch).toBe(true);
    const placement = sample.indicators.find((i) => i.id === 'ind-placement-rate')!;
    const retention = sample.indicators.find((i) => i.id === 'ind-retention-12m')!;
    // Six months after the last learners finish; retention twelve months later.
    expect(placement.target.date! >= addDays(finish, 182)).toBe(true);
    expect(retention.target.date! >= addDays(placement.target.date!, 270)).toBe(true);
    expect(retention.target.date! <= sample.objective.timeline.manage.end!).toBe(true);
  });

  it('has no action overdue on the day it was written (first open)', () => {
    const asOf = sample.updatedAt.slice(0, 10);
    for (const entry of sample.stakeholders.entries)
      for (const action of entry.actions)
        if (!action.done && action.when) expect(action.when > asOf, action.what).toBe(true);
  });
});

describe('invitation planner health (issue 13)', () => {
  const withWaves = (edit: (plan: Plan) => void) =>
    produce(sample, (draft) => {
      draft.launch.marketing.licenses = 1000;
      draft.launch.invitations.ratio = 2;
      edit(draft);
    });

  it('finds nothing in the sample plan', () => {
    expect(invitationGaps(sample)).toEqual([]);
  });

  it('flags a wave with a share of 0 and a wave without a date', () => {
    const plan = withWaves((p) => {
      p.launch.invitations.waves[1]!.share = 0;
      p.launch.invitations.waves[0]!.date = null;
    });
    const rules = invitationGaps(plan).map((f) => [f.rule, f.target]);
    expect(rules).toEqual([
      ['wave-without-date', { section: 'invitations', elementId: 'wave-1' }],
      ['wave-without-share', { section: 'invitations', elementId: 'wave-2' }],
      ['invitations-short', { section: 'invitations', elementId: null }],
    ]);
  });

  it('flags invitations in dated waves short of 1.5 per licence', () => {
    // Wave 2 (700 of 2,000) has no date: 1,300 dated invitations for 1,000 licences, under 1,500.
    const plan = withWaves((p) => {
      p.launch.invitations.waves[1]!.date = null;
    });
    const short = invitationGaps(plan).find((f) => f.rule === 'invitations-short');
    expect(english(short!.message)).toBe(
      'Only 1,300 invitations are scheduled in dated waves for 1,000 licences, fewer than the 1,500 (1.5 per licence) it takes to fill them: date every wave and give it a share.',
    );
    // Dated again: 2,000 ≥ 1,500.
    expect(invitationGaps(withWaves(() => {})).map((f) => f.rule)).toEqual([]);
  });
});

describe('onboarding checklist health (issue 13)', () => {
  it('finds nothing in the sample on the day it was written', () => {
    expect(checklistPastDueOn(sample, sample.updatedAt.slice(0, 10))).toEqual([]);
  });

  it('flags open items past due, not done ones, pointing at the item', () => {
    // 20 March 2027: three open steps are late (due 5, 12 and 19 March).
    const findings = checklistPastDueOn(sample, '2027-03-20');
    // In the checklist's order, which in the sample is by due date.
    expect(findings.map((f) => [f.rule, f.severity, f.target])).toEqual([
      ['checklist-past-due', 'warning', { section: 'onboarding', elementId: 'lc-licence-rule' }],
      ['checklist-past-due', 'warning', { section: 'onboarding', elementId: 'lc-goals' }],
      ['checklist-past-due', 'warning', { section: 'onboarding', elementId: 'lc-source-list' }],
    ]);
    expect(english(findings[1]!.message)).toBe(
      'The onboarding step “Program goals and learning outcomes communicated to partners and learners” was due on 12 March 2027 and is not done: finish it or give it a new date.',
    );
    // Due today is not late yet; done is never late.
    const doneAndToday = edit((d) => {
      d.launch.checklist.find((i) => i.id === 'lc-goals')!.status = 'done';
      d.launch.checklist.find((i) => i.id === 'lc-source-list')!.due = {
        anchor: 'date',
        date: '2027-03-20',
      };
    });
    expect(checklistPastDueOn(doneAndToday, '2027-03-20').map((f) => f.target.elementId)).toEqual([
      'lc-licence-rule',
    ]);
  });

  it('moves with the launch start, and a relative item without one is not late', () => {
    const later = edit((d) => {
      d.objective.timeline.launch.start = '2027-05-03';
    });
    expect(checklistPastDueOn(later, '2027-03-20')).toEqual([]);
    const noStart = edit((d) => {
      d.objective.timeline.launch.start = null;
    });
    expect(checklistPastDueOn(noStart, '2027-03-20')).toEqual([]);
  });

  it('runs on the local date in the plan check', () => {
    vi.useFakeTimers({ now: new Date('2027-03-20T10:00:00'), toFake: ['Date'] });
    try {
      expect(checklistPastDue(sample)).toHaveLength(3);
      expect(checkPlanHealth(sample).filter((f) => f.rule === 'checklist-past-due')).toHaveLength(
        3,
      );
    } finally {
      vi.useRealTimers();
    }
  });
});
