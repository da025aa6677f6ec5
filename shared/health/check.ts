/** Runs every plan-health rule and summarises the findings. */
import type { Plan } from '../plan/schema';
import { indexPlan } from './plan-index';
import { ALL_RULES } from './rules';
import { SEVERITIES, type Finding, type HealthRepair, type Severity } from './types';

/**
 * The parts of a plan the rules read (a test keeps this list honest): an
 * edit anywhere else — typing in the Objective, say — cannot change the
 * findings, so they need not be checked again.
 */
export const HEALTH_INPUTS = [
  'theoryOfChange',
  'logicModel',
  'indicators',
  'objective',
  'budget',
  'stakeholders',
  'learners',
  'content',
  'launch',
  'manage',
  'skillsMap',
  // Read by the communications' merge values (dates and lists in the plan's language); no
  // finding depends on it, so healthDependencies leaves it out.
  'documentLanguage',
] as const satisfies readonly (keyof Plan)[];

/**
 * What the findings depend on, finer than HEALTH_INPUTS where a rule reads
 * only a corner of a part: of the Objective only the timeline (typing its
 * texts never re-checks the plan), of the launch the marketing plan, the
 * invitation planner, the onboarding checklist, the communications and the
 * launch details (with whether the program name, organisation and region are
 * set, which the communications' merge fields need), of Manage the KPIs, the
 * reviews and the iteration (the Manage phase dates are in the timeline).
 * The checklist's past-due items also depend on the day: the app keeps one
 * cache per day. The findings of two plans with identical values here
 * are identical; the app caches on them.
 */
export function healthDependencies(plan: Plan): readonly object[] {
  return [
    plan.theoryOfChange,
    plan.logicModel,
    plan.indicators,
    plan.objective.timeline,
    plan.budget,
    plan.stakeholders,
    plan.learners,
    plan.content,
    plan.launch.marketing,
    plan.launch.invitations,
    plan.launch.checklist,
    plan.launch.communications,
    plan.launch.details,
    objectiveTextsSet(plan),
    plan.manage.kpis,
    plan.manage.engagement,
    plan.manage.followUps,
    plan.manage.progress,
    plan.manage.cohorts,
    plan.skillsMap,
    plan.manage.reviews,
    plan.manage.iteration,
  ];
}

/**
 * One object per combination of the Objective texts the communications'
 * merge fields use ({programName}, {organisation}, {region}) being set or
 * empty: a finding says only that one is missing, so typing them re-checks
 * the plan only when one becomes empty or filled.
 */
const OBJECTIVE_TEXTS_SET: readonly object[] = Array.from({ length: 8 }, () => ({}));

function objectiveTextsSet(plan: Plan): object {
  const o = plan.objective;
  const mask =
    (o.programName.trim() ? 1 : 0) | (o.organisation.trim() ? 2 : 0) | (o.region.trim() ? 4 : 0);
  return OBJECTIVE_TEXTS_SET[mask]!;
}

/** All findings for a plan: errors first, then warnings, then info; rule order within each. */
export function checkPlanHealth(plan: Plan): Finding[] {
  const index = indexPlan(plan);
  const findings = ALL_RULES.flatMap((rule) => rule(plan, index));
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  // Array.prototype.sort is stable, so rule order survives within a severity.
  return findings.sort((a, b) => rank(a.severity) - rank(b.severity));
}

/** Number of findings per severity. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The number shown on the sidebar: errors and warnings (info is advice, not a problem). */
export function problemCount(findings: readonly Finding[]): number {
  let n = 0;
  for (const f of findings) if (f.severity !== 'info') n++;
  return n;
}

/** Applies a finding's one-click repair to a plan (an immer draft in the app). */
export function applyRepair(plan: Plan, repair: HealthRepair): void {
  switch (repair.kind) {
    case 'removeIndicator':
      plan.indicators = plan.indicators.filter((i) => i.id !== repair.id);
      break;
    case 'forgetMissingSubjects': {
      const exists = new Set([
        ...plan.theoryOfChange.nodes.map((n) => n.id),
        ...plan.logicModel.items.map((i) => i.id),
      ]);
      const indicator = plan.indicators.find((i) => i.id === repair.id);
      if (indicator) indicator.subjectIds = indicator.subjectIds.filter((id) => exists.has(id));
      break;
    }
    case 'removeTocLink':
      plan.theoryOfChange.links = plan.theoryOfChange.links.filter((l) => l.id !== repair.id);
      break;
    case 'removeLogicLink':
      plan.logicModel.links = plan.logicModel.links.filter((l) => l.id !== repair.id);
      break;
  }
}
