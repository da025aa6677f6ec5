/** The sidebar badge of the onboarding checklist: items overdue or due within a week. */
import {
  checklistAlerts,
  describeAlerts,
  type ChecklistAlerts,
} from '../../../../shared/launch/checklist';
import { NAMESPACES, type Translator } from '../../../../shared/i18n/translator';
import type { Plan } from '../../../../shared/plan/schema';
import { localToday } from '../../../../shared/stakeholders/schedule';
import { i18n, uiLanguage } from '../../i18n/i18n';

// The sidebar asks on every settled plan change; the checklist array and the
// timeline only change when they are edited, so remember the answer per pair (and day).
const cache = new WeakMap<
  object,
  { start: string | null; today: string; alerts: ChecklistAlerts }
>();

/** Overdue and due-this-week counts of the checklist today. */
export function onboardingAlerts(plan: Plan): ChecklistAlerts {
  const list = plan.launch.checklist;
  const start = plan.objective.timeline.launch.start;
  const today = localToday();
  const hit = cache.get(list);
  if (hit && hit.today === today && hit.start === start) return hit.alerts;
  const alerts = checklistAlerts(plan, today);
  cache.set(list, { start, today, alerts });
  return alerts;
}

/** The number on the badge: overdue plus due this week. */
export function onboardingBadgeCount(plan: Plan): number {
  const { overdue, dueSoon } = onboardingAlerts(plan);
  return overdue + dueSoon;
}

/** What the badge says to a screen reader, in the UI's language: "2 overdue, 1 due this week". */
export function describeOnboardingBadge(plan: Plan): string {
  const t = i18n.getFixedT(uiLanguage(), NAMESPACES) as Translator;
  return describeAlerts(onboardingAlerts(plan), t);
}
