/**
 * Plan health for Content in use and Skills-first KPIs (issue 14): catalog
 * items past their review date; a Make or Hybrid decision whose made content
 * needs more maintenance than its "capacity to maintain" rating allows; and
 * roles with nobody at the level a critical capability's skill requires.
 */
import { HEALTH_RULES, type Finding } from '../health/types';
import { date, figure, list, message, quoted } from '../health/words';
import type { Plan } from '../plan/schema';
import { localToday } from '../stakeholders/schedule';
import { contentAudit } from './content-audit';
import { indexSkills, rolesWithoutQualifiedHolder } from './skills-first';

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
      message: row.entry?.owner
        ? message('contentReviewOverdue.withOwner', {
            item: quoted(row.item.title),
            date: date(row.entry.reviewDate),
            owner: row.entry.owner,
          })
        : message('contentReviewOverdue.withoutOwner', {
            item: quoted(row.item.title),
            date: date(row.entry!.reviewDate),
          }),
      target: { section: 'contentInUse', elementId: row.item.id },
    });
  }
  for (const check of audit.maintenance) {
    if (check.verdict !== 'over') continue;
    findings.push({
      id: `${HEALTH_RULES.maintenanceOverCapacity}:${check.decisionId}`,
      rule: HEALTH_RULES.maintenanceOverCapacity,
      severity: 'warning',
      message: message('maintenanceOverCapacity', {
        need: quoted(check.need),
        hours: figure(check.hours, 1),
        capacity: figure(check.capacityHours ?? 0, 1),
        rating: figure(check.rating ?? 0, 1),
      }),
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
      message: message('roleWithoutQualifiedHolder', {
        role: quoted(gap.roleName),
        skills: list(
          skills.map((s) => quoted(s)),
          'unit',
        ),
        initiative: quoted(gap.initiative),
      }),
      target: { section: 'skillsFirst', elementId: gap.capabilityId },
    };
  });
}
