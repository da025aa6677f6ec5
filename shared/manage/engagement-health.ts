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
import { HEALTH_RULES, type Finding, type MessageValue } from '../health/types';
import { list, message, phrase, quoted } from '../health/words';
import type { LearnerSegment, Plan } from '../plan/schema';
import { fixedTimeWording, unknownFields } from './follow-up-export';

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

/** The wraparound services a barrier calls for (the catalog's `words.barrierService`). */
export type BarrierService = 'devices' | 'studyTime' | 'helpDesk' | 'helpDeskLanguage';

/**
 * What each barrier calls for (null: no wraparound service in particular):
 * device and data support; coaching or nudges to plan study time; a help
 * desk or office hours (in their language).
 */
export const BARRIER_SERVICES: Readonly<Record<Barrier, BarrierService | null>> = {
  noDevice: 'devices',
  noConnectivity: 'devices',
  timePoverty: 'studyTime',
  caregiving: 'studyTime',
  unfamiliarWithOnlineLearning: 'helpDesk',
  language: 'helpDeskLanguage',
  other: null,
};

type Rule = Plan['manage']['followUps'][number];

/** A follow-up rule in a finding: its name, or what it does when it has none ("No activity for 14 days"). */
function ruleName(rule: Rule): MessageValue {
  return quoted(
    rule.name,
    phrase('followUpRule', {
      trigger: rule.trigger,
      days: rule.afterDays,
      pace: rule.pacePercent,
    }),
  );
}

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
  followUps.forEach((later, j) => {
    if (!later.active) return;
    const earlier = followUps.slice(0, j).find((r) => covers(r, later));
    if (earlier)
      findings.push({
        id: `${ENGAGEMENT_RULES.followUpShadowed}:${later.id}`,
        rule: ENGAGEMENT_RULES.followUpShadowed,
        severity: 'warning',
        message: message('followUpShadowed', { rule: ruleName(later), earlier: ruleName(earlier) }),
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
  for (const rule of followUps) {
    const target = { section: 'engagement', elementId: rule.id } as const;
    if (rule.active && !rule.message.trim())
      findings.push({
        id: `${ENGAGEMENT_RULES.followUpWithoutMessage}:${rule.id}`,
        rule: ENGAGEMENT_RULES.followUpWithoutMessage,
        severity: 'warning',
        message: message('followUpWithoutMessage', { rule: ruleName(rule) }),
        target,
      });
    const unknown = [...new Set(unknownFields(rule))];
    if (unknown.length > 0)
      findings.push({
        id: `${ENGAGEMENT_RULES.followUpUnknownFields}:${rule.id}`,
        rule: ENGAGEMENT_RULES.followUpUnknownFields,
        severity: 'warning',
        message: message('followUpUnknownFields', {
          rule: ruleName(rule),
          fields: list(
            unknown.map((n) => quoted(`{${n}}`)),
            'unit',
          ),
          count: unknown.length,
        }),
        target,
      });
    const fixed = rule.active ? fixedTimeWording(rule) : null;
    if (fixed)
      findings.push({
        id: `${ENGAGEMENT_RULES.followUpFixedTime}:${rule.id}`,
        rule: ENGAGEMENT_RULES.followUpFixedTime,
        severity: 'warning',
        message: message('followUpFixedTime', {
          rule: ruleName(rule),
          words: quoted(fixed),
          days: rule.afterDays,
          field: '{daysInactive}',
        }),
        target,
      });
  }
  if (followUps.length > 0 && !followUps.some((r) => r.active))
    findings.push({
      id: ENGAGEMENT_RULES.noActiveFollowUp,
      rule: ENGAGEMENT_RULES.noActiveFollowUp,
      severity: 'warning',
      message: message('noActiveFollowUp.noneOn', { count: followUps.length }),
      target: { section: 'engagement', elementId: null },
    });
  else if (followUps.length === 0 && engagement.length > 0)
    findings.push({
      id: ENGAGEMENT_RULES.noActiveFollowUp,
      rule: ENGAGEMENT_RULES.noActiveFollowUp,
      severity: 'info',
      message: message('noActiveFollowUp.noRules'),
      target: { section: 'engagement', elementId: null },
    });
  for (const a of engagement)
    if (!a.owner.trim())
      findings.push({
        id: `${ENGAGEMENT_RULES.engagementWithoutOwner}:${a.id}`,
        rule: ENGAGEMENT_RULES.engagementWithoutOwner,
        severity: 'warning',
        message: message('engagementWithoutOwner', {
          activity: quoted(a.title, phrase('withoutTitle')),
        }),
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
        message: message('wraparoundMissing', {
          segment: quoted(segment.name),
          needs: list(
            needs.map((service) => phrase('barrierService', { service })),
            'semicolon',
          ),
        }),
        target: { section: 'engagement', elementId: null },
      });
    }
  }
  return findings;
}
