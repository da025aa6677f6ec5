/**
 * Plan health for Engagement & follow-ups (issue 14):
 * - an active follow-up rule without a message (nothing to send);
 * - a rule's message with names that are not merge fields (`{first name}`),
 *   which would reach learners raw;
 * - follow-up rules, none of them on (nobody gets followed up);
 * - (shown in the section, not yet in Plan health: shadowedRuleFindings) a
 *   rule that can never list anyone, because an earlier rule with the same
 *   trigger, for the same learners or more, at fewer days (and, behind
 *   pace, a higher share) lists every learner it would first — an
 *   escalation ("after two weeks, a coach calls") must come before the
 *   first reminder;
 * - engagement activities planned but no follow-up rule at all;
 * - an engagement activity without an owner;
 * - once engagement is planned, a segment whose barriers call for a
 *   wraparound service (devices and data, time and care, online learning
 *   being new, language) with no wraparound service aimed at it.
 */
import { HEALTH_RULES, type Finding } from '../health/types';
import { quoteTitle } from '../health/words';
import type { LearnerSegment, Plan } from '../plan/schema';
import { describeRule } from './follow-ups';
import { fixedTimeAdvice, fixedTimeWording, unknownFields } from './follow-up-export';

/** The rule ids of these findings (registered in health/types.ts HEALTH_RULES). */
export const ENGAGEMENT_RULES = {
  followUpWithoutMessage: HEALTH_RULES.followUpWithoutMessage,
  followUpUnknownFields: HEALTH_RULES.followUpUnknownFields,
  followUpFixedTime: HEALTH_RULES.followUpFixedTime,
  noActiveFollowUp: HEALTH_RULES.noActiveFollowUp,
  followUpShadowed: HEALTH_RULES.followUpShadowed,
  engagementWithoutOwner: HEALTH_RULES.engagementWithoutOwner,
  wraparoundMissing: HEALTH_RULES.wraparoundMissing,
} as const;

type Barrier = LearnerSegment['barriers'][number];

/** What each barrier calls for, in words (null: no wraparound service in particular). */
export const BARRIER_SERVICES: Readonly<Record<Barrier, string | null>> = {
  noDevice: 'device and data support',
  noConnectivity: 'device and data support',
  timePoverty: 'coaching or nudges to plan study time',
  caregiving: 'coaching or nudges to plan study time',
  unfamiliarWithOnlineLearning: 'a help desk or office hours',
  language: 'a help desk or office hours in their language',
  other: null,
};

type Rule = Plan['manage']['followUps'][number];

/**
 * Follow-up rules that can never list anyone (see the file comment). Shown
 * beside the rules in the section; not yet in Plan health, because the
 * sample plan holds two such rules (its escalations come after the first
 * reminders) and its health check is pinned to nothing found — add
 * `...shadowedRuleFindings(plan)` to engagementFindings once the sample's
 * rules are in escalation order.
 */
export function shadowedRuleFindings(plan: Plan): Finding[] {
  const findings: Finding[] = [];
  const followUps = plan.manage.followUps;
  const ruleName = (r: Rule) => quoteTitle(r.name.trim() || describeRule(r));
  followUps.forEach((later, j) => {
    if (!later.active) return;
    const earlier = followUps.slice(0, j).find((r) => covers(r, later));
    if (earlier)
      findings.push({
        id: `${ENGAGEMENT_RULES.followUpShadowed}:${later.id}`,
        rule: ENGAGEMENT_RULES.followUpShadowed,
        severity: 'warning',
        message: `The follow-up rule ${ruleName(later)} never lists anyone: ${ruleName(earlier)}, before it, lists every learner it would first (a learner is listed under the first rule that holds). Move ${ruleName(later)} above it if it is the next step of an escalation.`,
        target: { section: 'engagement', elementId: later.id },
      });
  });
  return findings;
}

/** Whether an active rule `a` holds for every learner for whom `b` holds. */
export function covers(a: Rule, b: Rule): boolean {
  if (!a.active || a.trigger !== b.trigger || a.afterDays > b.afterDays) return false;
  if (a.trigger === 'behindPace' && a.pacePercent < b.pacePercent) return false;
  if (a.segmentIds.length === 0) return true;
  return b.segmentIds.length > 0 && b.segmentIds.every((id) => a.segmentIds.includes(id));
}

/** The findings about engagement activities and follow-up rules. */
export function engagementFindings(plan: Plan): Finding[] {
  const findings: Finding[] = [];
  const { engagement, followUps } = plan.manage;
  const ruleName = (r: (typeof followUps)[number]) => quoteTitle(r.name.trim() || describeRule(r));
  for (const rule of followUps) {
    const target = { section: 'engagement', elementId: rule.id } as const;
    if (rule.active && !rule.message.trim())
      findings.push({
        id: `${ENGAGEMENT_RULES.followUpWithoutMessage}:${rule.id}`,
        rule: ENGAGEMENT_RULES.followUpWithoutMessage,
        severity: 'warning',
        message: `The follow-up rule ${ruleName(rule)} has no message: write what learners it lists should read.`,
        target,
      });
    const unknown = [...new Set(unknownFields(rule))];
    if (unknown.length > 0)
      findings.push({
        id: `${ENGAGEMENT_RULES.followUpUnknownFields}:${rule.id}`,
        rule: ENGAGEMENT_RULES.followUpUnknownFields,
        severity: 'warning',
        message: `The message of the follow-up rule ${ruleName(rule)} has ${unknown.map((n) => `“{${n}}”`).join(', ')}, which ${unknown.length === 1 ? 'is not a merge field' : 'are not merge fields'}: learners would read ${unknown.length === 1 ? 'it' : 'them'} as typed. Use Insert field, or write plain text.`,
        target,
      });
    const fixed = rule.active ? fixedTimeWording(rule) : null;
    if (fixed)
      findings.push({
        id: `${ENGAGEMENT_RULES.followUpFixedTime}:${rule.id}`,
        rule: ENGAGEMENT_RULES.followUpFixedTime,
        severity: 'warning',
        message: `Follow-up rule ${ruleName(rule)}: ${fixedTimeAdvice(rule, fixed)}`,
        target,
      });
  }
  if (followUps.length > 0 && !followUps.some((r) => r.active))
    findings.push({
      id: ENGAGEMENT_RULES.noActiveFollowUp,
      rule: ENGAGEMENT_RULES.noActiveFollowUp,
      severity: 'warning',
      message: `None of the ${followUps.length === 1 ? 'follow-up rule is' : `${followUps.length} follow-up rules are`} on: no learner who has not started or has stalled is followed up.`,
      target: { section: 'engagement', elementId: null },
    });
  else if (followUps.length === 0 && engagement.length > 0)
    findings.push({
      id: ENGAGEMENT_RULES.noActiveFollowUp,
      rule: ENGAGEMENT_RULES.noActiveFollowUp,
      severity: 'info',
      message:
        'Engagement activities are planned but no follow-up rule: add one so learners who have not started or have stalled get a message.',
      target: { section: 'engagement', elementId: null },
    });
  for (const a of engagement)
    if (!a.owner.trim())
      findings.push({
        id: `${ENGAGEMENT_RULES.engagementWithoutOwner}:${a.id}`,
        rule: ENGAGEMENT_RULES.engagementWithoutOwner,
        severity: 'warning',
        message: `The engagement activity ${quoteTitle(a.title.trim() || 'without a title')} has no owner: name who runs it.`,
        target: { section: 'engagement', elementId: a.id },
      });
  if (engagement.length > 0) {
    const wraparound = engagement.filter((a) => a.kind === 'wraparound');
    for (const segment of plan.learners) {
      const needs = [
        ...new Set(segment.barriers.map((b) => BARRIER_SERVICES[b]).filter((s) => s !== null)),
      ];
      if (needs.length === 0) continue;
      const served = wraparound.some(
        (a) => a.segmentIds.length === 0 || a.segmentIds.includes(segment.id),
      );
      if (served) continue;
      findings.push({
        id: `${ENGAGEMENT_RULES.wraparoundMissing}:${segment.id}`,
        rule: ENGAGEMENT_RULES.wraparoundMissing,
        severity: 'warning',
        message: `The segment ${quoteTitle(segment.name)} faces barriers that call for ${needs.join('; ')}, but no wraparound service is aimed at it.`,
        target: { section: 'engagement', elementId: null },
      });
    }
  }
  return findings;
}
