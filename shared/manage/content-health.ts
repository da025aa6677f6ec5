/**
 * Plan health for Content in use and Skills-first KPIs (issue 14): catalog
 * items past their review date; a Make or Hybrid decision whose made content
 * needs more maintenance than its "capacity to maintain" rating allows; and
 * roles with nobody at the level a critical capability's skill requires.
 */
import { HEALTH_RULES, type Finding } from '../health/types';
import { quoteTitle } from '../health/words';
import { longDate } from '../long-date';
import type { Plan } from '../plan/schema';
import { localToday } from '../stakeholders/schedule';
import { contentAudit } from './content-audit';
import { indexSkills, rolesWithoutQualifiedHolder } from './skills-first';

const hours = (n: number) => `${Math.round(n * 10) / 10} h`;

/** The findings about the content audit and the skills map on `today` (YYYY-MM-DD). */
export function contentFindingsOn(plan: Plan, today: string): Finding[] {
  const findings: Finding[] = [];
  const audit = contentAudit(plan, today);
  for (const row of audit.rows) {
    if (row.state !== 'overdue') continue;
    findings.push({
      id: `${HEALTH_RULES.contentReviewOverdue}:${row.item.id}`,
      rule: HEALTH_RULES.contentReviewOverdue,
      severity: 'warning',
      message: `The catalog item ${quoteTitle(row.item.title)} was due for review on ${longDate(row.entry!.reviewDate)}${row.entry?.owner ? ` (owner: ${row.entry.owner})` : ''}: review it and record the review, or give it a new date.`,
      target: { section: 'contentInUse', elementId: row.item.id },
    });
  }
  for (const check of audit.maintenance) {
    if (check.verdict !== 'over') continue;
    findings.push({
      id: `${HEALTH_RULES.maintenanceOverCapacity}:${check.decisionId}`,
      rule: HEALTH_RULES.maintenanceOverCapacity,
      severity: 'warning',
      message: `The content made for ${quoteTitle(check.need)} needs ${hours(check.hours)} of maintenance a year, more than the ${hours(check.capacityHours ?? 0)} its capacity to maintain (rated ${Math.round((check.rating ?? 0) * 10) / 10} of 5) allows: plan the upkeep, retire items, or revisit the decision.`,
      target: { section: 'contentInUse', elementId: check.itemIds[0] ?? null },
    });
  }
  return findings;
}

/** The content findings today (the computer's local date). */
export function contentFindings(plan: Plan): Finding[] {
  return contentFindingsOn(plan, localToday());
}

/** Roles with nobody at the level a critical capability requires. */
export function skillsFirstFindings(plan: Plan): Finding[] {
  const index = indexSkills(plan.skillsMap);
  return rolesWithoutQualifiedHolder(index).map((gap) => {
    const skills = gap.skillIds.map((id) => index.skills.get(id)?.name ?? '').filter(Boolean);
    return {
      id: `${HEALTH_RULES.roleWithoutQualifiedHolder}:${gap.capabilityId}:${gap.roleId}`,
      rule: HEALTH_RULES.roleWithoutQualifiedHolder,
      severity: 'warning',
      message: `Nobody in the role ${quoteTitle(gap.roleName)} holds ${skills.map((s) => `“${s}”`).join(', ')} at the level it requires, which the initiative ${quoteTitle(gap.initiative)} needs: record the decision for this gap (develop, hire, contract, redesign work) and act on it.`,
      target: { section: 'skillsFirst', elementId: gap.capabilityId },
    };
  });
}
