/**
 * Plan-health rules beyond the theory of change and the logic model: content
 * and pathways, learners, make-or-buy, checkpoints, the budget, references
 * between sections, and whether outcome targets can be measured in time.
 * Same contract as rules.ts: a pure function of the plan, one sentence per
 * finding, each pointing at the element to fix.
 */
import { coverage, journeyVerdict, looksLikeContactDetails } from '../launch/marketing';
import { RATIO_MIN, invitationSummary, invitationsNeeded } from '../launch/invitations';
import { checklistItemDue } from '../launch/checklist';
import { communicationFindings } from '../launch/communication-health';
import { kpiFindings } from '../manage/kpi-health';
import { engagementFindings } from '../manage/engagement-health';
import { rosterFindings } from '../manage/roster-health';
import { reviewFindings } from '../manage/review-health';
import { contentFindings, skillsFirstFindings } from '../manage/content-health';
import { launchStart } from '../launch/onboarding';
import { pathwayFacts } from '../learners/pathway-facts';
import { BUDGET_LINES, budgetLinesTotal, plannedCosts } from '../learners/budget';
import { OUTCOME_LANES } from '../logic-model/lanes';
import { clipText } from '../text-length';
import { addDays, localToday } from '../stakeholders/schedule';
import { indexPlan, type PlanIndex } from './plan-index';
import type { Plan } from '../plan/schema';
import type { HealthRule } from './rules';
import { date, figure, list, message, money as moneyValue, phrase, quoted } from './words';
import { HEALTH_RULES, type Finding } from './types';

/** Required skills a pathway's steps do not teach. */
export const uncoveredSkills: HealthRule = (plan) => {
  const findings: Finding[] = [];
  for (const { pathway, uncovered } of pathwayFacts(plan.content)) {
    if (uncovered.length === 0) continue;
    findings.push({
      id: `${HEALTH_RULES.uncoveredSkill}:${pathway.id}`,
      rule: HEALTH_RULES.uncoveredSkill,
      severity: 'warning',
      message: message('uncoveredSkill', {
        pathway: quoted(pathway.name),
        count: uncovered.length,
        skills: list(
          uncovered.map((s) => quoted(s)),
          'and',
        ),
      }),
      target: { section: 'pathways', elementId: pathway.id },
    });
  }
  return findings;
};

/** Make-or-buy decisions with no decision taken, or no rationale written down. */
export const undecidedMakeOrBuy: HealthRule = (plan) => {
  const findings: Finding[] = [];
  for (const decision of plan.content.decisions) {
    const noDecision = decision.decision === null;
    const noRationale = !decision.rationale.trim();
    if (!noDecision && !noRationale) continue;
    findings.push({
      id: `${HEALTH_RULES.undecidedMakeOrBuy}:${decision.id}`,
      rule: HEALTH_RULES.undecidedMakeOrBuy,
      severity: 'warning',
      message: message('undecidedMakeOrBuy', {
        need: quoted(decision.need),
        missing: noDecision && noRationale ? 'both' : noDecision ? 'decision' : 'rationale',
      }),
      target: { section: 'makeOrBuy', elementId: decision.id },
    });
  }
  return findings;
};

/** Learner segments that no pathway is for. */
export const unservedSegment: HealthRule = (plan) => {
  const served = new Set(plan.content.pathways.flatMap((p) => p.segmentIds));
  return plan.learners
    .filter((segment) => !served.has(segment.id))
    .map((segment) => ({
      id: `${HEALTH_RULES.unservedSegment}:${segment.id}`,
      rule: HEALTH_RULES.unservedSegment,
      severity: 'warning',
      message: message('unservedSegment', { segment: quoted(segment.name) }),
      target: { section: 'learners', elementId: segment.id },
    }));
};

/** Segments expecting more participants than people in them (a typo, or size and participants swapped). */
export const participantsOverPopulation: HealthRule = (plan) =>
  plan.learners
    .filter(
      (s) =>
        s.estimatedSize !== null &&
        s.expectedParticipants !== null &&
        s.expectedParticipants > s.estimatedSize,
    )
    .map((segment) => ({
      id: `${HEALTH_RULES.participantsOverPopulation}:${segment.id}`,
      rule: HEALTH_RULES.participantsOverPopulation,
      severity: 'warning',
      message: message('participantsOverPopulation', {
        segment: quoted(segment.name),
        participants: segment.expectedParticipants!,
        population: segment.estimatedSize!,
      }),
      target: { section: 'learners', elementId: segment.id },
    }));

/** Industry checkpoints and recurring engagement actions without a date. */
export const undatedCheckpoint: HealthRule = (plan) => {
  const findings: Finding[] = [];
  for (const checkpoint of plan.stakeholders.checkpoints) {
    if (checkpoint.nextDate !== null) continue;
    findings.push({
      id: `${HEALTH_RULES.undatedCheckpoint}:${checkpoint.id}`,
      rule: HEALTH_RULES.undatedCheckpoint,
      severity: 'warning',
      message: message('undatedCheckpoint.checkpoint', { checkpoint: quoted(checkpoint.title) }),
      target: { section: 'stakeholders', elementId: checkpoint.id },
    });
  }
  for (const entry of plan.stakeholders.entries) {
    for (const action of entry.actions) {
      if (action.done || action.when !== null || action.repeatEveryDays === null) continue;
      findings.push({
        id: `${HEALTH_RULES.undatedCheckpoint}:${entry.id}:${action.id}`,
        rule: HEALTH_RULES.undatedCheckpoint,
        severity: 'warning',
        message: message('undatedCheckpoint.recurring', {
          action: quoted(action.what),
          stakeholder: quoted(entry.name),
        }),
        target: { section: 'stakeholders', elementId: entry.id },
      });
    }
  }
  return findings;
};

/**
 * Planned costs against the budget: each line, the lines against the total,
 * the plan's costs against the total, participants against licences, and
 * money without a currency.
 */
export const overBudget: HealthRule = (plan) => {
  const findings: Finding[] = [];
  const budget = plan.budget;
  const currency = budget.currency;
  const money = (n: number) => moneyValue(n, currency);
  const planned = plannedCosts(plan);
  const target = { section: 'objective', elementId: 'budget' } as const;
  for (const line of BUDGET_LINES) {
    const amount = budget.lines[line];
    const cost = planned.lines[line];
    if (amount === null || cost === null || cost <= amount) continue;
    findings.push({
      id: `${HEALTH_RULES.overBudget}:${line}`,
      rule: HEALTH_RULES.overBudget,
      severity: 'warning',
      message: message('overBudget.line', { line, cost: money(cost), budgeted: money(amount) }),
      target,
    });
  }
  const linesTotal = budgetLinesTotal(budget);
  if (budget.total !== null && linesTotal !== null && linesTotal > budget.total)
    findings.push({
      id: `${HEALTH_RULES.overBudget}:lines`,
      rule: HEALTH_RULES.overBudget,
      severity: 'warning',
      message: message('overBudget.lines', {
        lines: money(linesTotal),
        total: money(budget.total),
      }),
      target,
    });
  if (budget.total !== null && linesTotal !== null && linesTotal < budget.total)
    findings.push({
      id: `${HEALTH_RULES.overBudget}:unallocated`,
      rule: HEALTH_RULES.overBudget,
      severity: 'info',
      message: message('overBudget.unallocated', {
        unallocated: money(round2(budget.total - linesTotal)),
        total: money(budget.total),
      }),
      target,
    });
  if (budget.total !== null && planned.total > budget.total)
    findings.push({
      id: `${HEALTH_RULES.overBudget}:total`,
      rule: HEALTH_RULES.overBudget,
      severity: 'error',
      message: message('overBudget.total', {
        cost: money(planned.total),
        total: money(budget.total),
      }),
      target,
    });
  const licences = plan.launch.marketing.licenses;
  if (licences !== null && planned.participants > licences)
    findings.push({
      id: `${HEALTH_RULES.overBudget}:licences`,
      rule: HEALTH_RULES.overBudget,
      severity: 'warning',
      message: message('overBudget.licences', { participants: planned.participants, licences }),
      target,
    });
  for (const id of planned.segmentsWithoutParticipants) {
    const segment = plan.learners.find((s) => s.id === id);
    if (!segment) continue;
    findings.push({
      id: `${HEALTH_RULES.overBudget}:participants:${id}`,
      rule: HEALTH_RULES.overBudget,
      severity: 'warning',
      message: message('overBudget.segmentWithoutParticipants', { segment: quoted(segment.name) }),
      target: { section: 'learners', elementId: id },
    });
  }
  const hasMoney =
    budget.total !== null ||
    planned.total > 0 ||
    plan.content.catalog.some((c) => (c.costPerLearner ?? 0) > 0);
  if (currency === null && hasMoney)
    findings.push({
      id: `${HEALTH_RULES.overBudget}:currency`,
      rule: HEALTH_RULES.overBudget,
      severity: 'info',
      message: message('overBudget.currency'),
      target,
    });
  return findings;
};

/**
 * References between sections that point at nothing: pathway steps to
 * removed catalog items, pathways and indicators to removed segments,
 * stakeholders to removed interventions, KPIs to removed indicators.
 */
export const missingReference: HealthRule = (plan, index = indexPlan(plan)) => {
  const findings: Finding[] = [];
  const segments = new Set(plan.learners.map((s) => s.id));
  const catalog = new Set(plan.content.catalog.map((c) => c.id));
  const indicators = new Set(plan.indicators.map((i) => i.id));
  const add = (id: string, said: Finding['message'], target: Finding['target']) =>
    findings.push({
      id: `${HEALTH_RULES.missingReference}:${id}`,
      rule: HEALTH_RULES.missingReference,
      severity: 'error',
      message: said,
      target,
    });
  for (const pathway of plan.content.pathways) {
    const steps = pathway.steps.filter((s) => !catalog.has(s.contentItemId)).length;
    if (steps > 0)
      add(
        `${pathway.id}:steps`,
        message('missingReference.pathwaySteps', { pathway: quoted(pathway.name), count: steps }),
        { section: 'pathways', elementId: pathway.id },
      );
    if (pathway.segmentIds.some((id) => !segments.has(id)))
      add(
        `${pathway.id}:segments`,
        message('missingReference.pathwaySegments', { pathway: quoted(pathway.name) }),
        { section: 'pathways', elementId: pathway.id },
      );
  }
  for (const indicator of plan.indicators)
    if (indicator.disaggregation.some((id) => !segments.has(id)))
      add(
        `${indicator.id}:segments`,
        message('missingReference.indicatorSegments', { indicator: quoted(indicator.name) }),
        subjectTarget(indicator.subjectIds, index, indicator.id),
      );
  for (const entry of plan.stakeholders.entries)
    if (entry.interventionIds.some((id) => !index.tocNodes.has(id)))
      add(
        `${entry.id}:interventions`,
        message('missingReference.stakeholderInterventions', { stakeholder: quoted(entry.name) }),
        { section: 'stakeholders', elementId: entry.id },
      );
  for (const kpi of plan.manage.kpis)
    if (kpi.indicatorId !== null && !indicators.has(kpi.indicatorId))
      add(
        `${kpi.id}:indicator`,
        message('missingReference.kpiIndicator', { kpi: quoted(kpi.name) }),
        { section: 'objective', elementId: null },
      );
  return findings;
};

function subjectTarget(
  subjectIds: readonly string[],
  index: PlanIndex,
  indicatorId: string,
): Finding['target'] {
  const first = subjectIds.find((id) => index.tocNodes.has(id) || index.logicItems.has(id));
  if (first === undefined) return { section: 'objective', elementId: indicatorId };
  return {
    section: index.tocNodes.has(first) ? 'theoryOfChange' : 'logicModel',
    elementId: first,
  };
}

/**
 * Outcome targets that cannot be measured: dated before learners who start at
 * launch can finish the pathway that leads there. An outcome is what learners
 * reach after learning, so its target date must come after the study time of
 * the longest pathway for the learners it counts — the segments the indicator
 * is reported for, else every pathway — counted from the launch (or, without
 * one, the manage phase). Outputs (enrolments, hours) are exempt: they are
 * counted while learning.
 */
export const unmeasurableTiming: HealthRule = (plan, index = indexPlan(plan)) => {
  const timeline = plan.objective.timeline;
  const start = timeline.launch.start ?? timeline.manage.start;
  if (start === null) return [];
  const facts = pathwayFacts(plan.content).filter((f) => f.weeks > 0);
  if (facts.length === 0) return [];
  /** The longest pathway among those for `segments` (all pathways when none is named). */
  const longestFor = (segments: readonly string[]) => {
    const relevant = segments.length
      ? facts.filter((f) => f.pathway.segmentIds.some((id) => segments.includes(id)))
      : facts;
    let longest: (typeof facts)[number] | null = null;
    for (const f of relevant.length ? relevant : facts)
      if (longest === null || f.weeks > longest.weeks) longest = f;
    return longest!;
  };
  const findings: Finding[] = [];
  for (const indicator of plan.indicators) {
    const targetDate = indicator.target.date;
    if (targetDate === null) continue;
    const outcome = indicator.subjectIds.find((id) => {
      const node = index.tocNodes.get(id);
      if (node) return node.kind === 'outcome' || node.kind === 'impact';
      const item = index.logicItems.get(id);
      return item !== undefined && OUTCOME_LANES.has(item.lane);
    });
    if (outcome === undefined && indicator.successMeasure === null) continue;
    // The learners it counts: the segments it is reported for, else everyone.
    const longest = longestFor(indicator.disaggregation);
    const finish = addDays(start, longest.weeks * 7);
    if (targetDate >= finish) continue;
    findings.push({
      id: `${HEALTH_RULES.unmeasurableTiming}:${indicator.id}`,
      rule: HEALTH_RULES.unmeasurableTiming,
      severity: 'warning',
      message: message('unmeasurableTiming', {
        indicator: quoted(indicator.name),
        date: date(targetDate),
        start: date(start),
        weeks: longest.weeks,
        pathway: quoted(longest.pathway.name),
        finish: date(finish),
      }),
      target: subjectTarget(outcome === undefined ? [] : [outcome], index, indicator.id),
    });
  }
  return findings;
};

/** The phases of the timeline, in order (the catalog names them). */
const PHASES = ['plan', 'launch', 'manage'] as const;

/**
 * A timeline that cannot be: a phase that ends before it starts, or a phase
 * that starts before the one before it has started (Plan → Launch →
 * Manage). Every date-based check (timing, checkpoints, targets) counts from
 * these dates, so they must be in order.
 */
export const timelineOutOfOrder: HealthRule = (plan) => {
  const timeline = plan.objective.timeline;
  const findings: Finding[] = [];
  const at = (key: string, said: Finding['message']) =>
    findings.push({
      id: `${HEALTH_RULES.timelineOutOfOrder}:${key}`,
      rule: HEALTH_RULES.timelineOutOfOrder,
      severity: 'error',
      message: said,
      target: { section: 'objective', elementId: null },
    });
  let previous: { phase: string; start: string } | null = null;
  for (const phase of PHASES) {
    const { start, end } = timeline[phase];
    if (start !== null && end !== null && end < start)
      at(
        phase,
        message('timelineOutOfOrder.endsBeforeStart', {
          phase,
          end: date(end),
          start: date(start),
        }),
      );
    if (start !== null) {
      if (previous && start < previous.start)
        at(
          `${phase}-order`,
          message('timelineOutOfOrder.startsBeforePrevious', {
            phase,
            start: date(start),
            previous: previous.phase,
            previousStart: date(previous.start),
          }),
        );
      previous = { phase, start };
    }
  }
  return findings;
};

/**
 * The marketing plan (Launch): channels that reach no learner segment,
 * segments that no channel reaches, learner stories without consent (never
 * exported) or whose consent has no date or record, and more steps from invitation to first lesson than the
 * target. Spend over the outreach line is an over-budget finding.
 */
export const marketingGaps: HealthRule = (plan) => {
  const findings: Finding[] = [];
  const marketing = plan.launch.marketing;
  const { reachNone, unreached } = coverage(plan);
  for (const channel of reachNone)
    findings.push({
      id: `${HEALTH_RULES.channelReachesNoSegment}:${channel.id}`,
      rule: HEALTH_RULES.channelReachesNoSegment,
      severity: 'warning',
      message: message('channelReachesNoSegment', {
        channel: quoted(
          channel.name.trim() || clipText(channel.description.trim().replace(/\s+/g, ' ')),
          phrase('channelKind', { kind: channel.kind }),
        ),
      }),
      target: { section: 'marketing', elementId: channel.id },
    });
  if (marketing.channels.length > 0)
    for (const segment of unreached)
      findings.push({
        id: `${HEALTH_RULES.segmentNotReached}:${segment.id}`,
        rule: HEALTH_RULES.segmentNotReached,
        severity: 'warning',
        message: message('segmentNotReached', { segment: quoted(segment.name) }),
        target: { section: 'marketing', elementId: segment.id },
      });
  for (const story of marketing.stories)
    if (!story.consentGiven)
      findings.push({
        id: `${HEALTH_RULES.storyWithoutConsent}:${story.id}`,
        rule: HEALTH_RULES.storyWithoutConsent,
        severity: 'warning',
        message: message('storyWithoutConsent', { story: quoted(story.title) }),
        target: { section: 'marketing', elementId: story.id },
      });
    else if (!story.consentDate || !story.consentNote.trim())
      findings.push({
        id: `${HEALTH_RULES.storyConsentUndocumented}:${story.id}`,
        rule: HEALTH_RULES.storyConsentUndocumented,
        severity: 'warning',
        message: message('storyConsentUndocumented', {
          story: quoted(story.title),
          missing:
            !story.consentDate && !story.consentNote.trim()
              ? 'both'
              : !story.consentDate
                ? 'date'
                : 'place',
        }),
        target: { section: 'marketing', elementId: story.id },
      });
  // Personal data in a story: a story is published, its learner's phone or e-mail never is.
  for (const story of marketing.stories)
    if (looksLikeContactDetails(`${story.title}\n${story.summary}`))
      findings.push({
        id: `${HEALTH_RULES.storyContactDetails}:${story.id}`,
        rule: HEALTH_RULES.storyContactDetails,
        severity: 'warning',
        message: message('storyContactDetails', { story: quoted(story.title) }),
        target: { section: 'marketing', elementId: story.id },
      });
  const journey = journeyVerdict(marketing);
  if (!journey.withinTarget)
    findings.push({
      id: HEALTH_RULES.journeyOverTarget,
      rule: HEALTH_RULES.journeyOverTarget,
      severity: 'warning',
      message: message('journeyOverTarget', {
        steps: journey.steps,
        target: figure(journey.target, 0),
      }),
      target: { section: 'marketing', elementId: 'journey' },
    });
  return findings;
};

/**
 * The invitation planner (Launch): invitations scheduled in dated waves short
 * of 1.5 per licence (fewer than it takes to fill every licence), waves with
 * a share of 0 and waves without a date.
 */
export const invitationGaps: HealthRule = (plan) => {
  const findings: Finding[] = [];
  const inv = plan.launch.invitations;
  const waveName = (name: string, i: number) =>
    quoted(name, phrase('waveNumber', { number: i + 1 }));
  inv.waves.forEach((wave, i) => {
    if (wave.share <= 0)
      findings.push({
        id: `${HEALTH_RULES.waveWithoutShare}:${wave.id}`,
        rule: HEALTH_RULES.waveWithoutShare,
        severity: 'warning',
        message: message('waveWithoutShare', { wave: waveName(wave.name, i) }),
        target: { section: 'invitations', elementId: wave.id },
      });
    if (!wave.date)
      findings.push({
        id: `${HEALTH_RULES.waveWithoutDate}:${wave.id}`,
        rule: HEALTH_RULES.waveWithoutDate,
        severity: 'warning',
        message: message('waveWithoutDate', { wave: waveName(wave.name, i) }),
        target: { section: 'invitations', elementId: wave.id },
      });
  });
  const licences = plan.launch.marketing.licenses;
  if (licences && inv.waves.length > 0) {
    const summary = invitationSummary(plan);
    const scheduled = summary.waves
      .filter((w, i) => inv.waves[i]!.date !== null && w.invitations > 0)
      .reduce((s, w) => s + w.invitations, 0);
    const least = invitationsNeeded(licences, RATIO_MIN);
    if (scheduled < least)
      findings.push({
        id: HEALTH_RULES.invitationsShort,
        rule: HEALTH_RULES.invitationsShort,
        severity: 'warning',
        message: message('invitationsShort', { scheduled, licences, least: figure(least, 0) }),
        target: { section: 'invitations', elementId: null },
      });
  }
  return findings;
};

/**
 * Onboarding checklist items (Launch) whose due date has passed and that are
 * not done, on `today` (YYYY-MM-DD). Items due relative to a launch start
 * the timeline does not have are not late: the section says the start is
 * missing.
 */
export function checklistPastDueOn(plan: Plan, today: string): Finding[] {
  const start = launchStart(plan);
  const findings: Finding[] = [];
  for (const item of plan.launch.checklist) {
    const due = checklistItemDue(item, start, today);
    if (due.state !== 'overdue') continue;
    findings.push({
      id: `${HEALTH_RULES.checklistPastDue}:${item.id}`,
      rule: HEALTH_RULES.checklistPastDue,
      severity: 'warning',
      message: message('checklistPastDue', { step: quoted(item.label), date: date(due.date!) }),
      target: { section: 'onboarding', elementId: item.id },
    });
  }
  return findings;
}

/** Onboarding checklist items past due today (the computer's local date). */
export const checklistPastDue: HealthRule = (plan) => checklistPastDueOn(plan, localToday());

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The rules of this file, in the order their findings are listed within a severity. */
export const PLAN_RULES: readonly HealthRule[] = [
  timelineOutOfOrder,
  missingReference,
  overBudget,
  unservedSegment,
  participantsOverPopulation,
  uncoveredSkills,
  undecidedMakeOrBuy,
  undatedCheckpoint,
  unmeasurableTiming,
  marketingGaps,
  invitationGaps,
  checklistPastDue,
  // Communications (issue 13): no send date, launch/registration e-mail after the launch, unfilled fields.
  communicationFindings,
  // Learner progress (issue 14): latest import old, learners without a segment or in a removed one.
  rosterFindings,
  // Engagement & follow-ups (issue 14): rules without message or with unknown fields, none on, activity without owner, wraparound missing.
  engagementFindings,
  // KPIs (issue 14): no target or date, off track, no recent actual, indicator gone.
  kpiFindings,
  // Content in use and skills-first (issue 14): reviews past due, made content over its maintenance capacity, critical roles unfilled.
  contentFindings,
  skillsFirstFindings,
  // Reviews (issue 14): review overdue while the program runs, broken assumption without a decision, carried lessons open.
  reviewFindings,
];
