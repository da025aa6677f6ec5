/** The sidebar badge of the stakeholder section: overdue engagement actions and checkpoints. */
import type { Plan } from '../../../../shared/plan/schema';
import { overdueCount } from '../../../../shared/stakeholders/register';
import { localToday } from '../../../../shared/stakeholders/schedule';
import { i18n } from '../../i18n/i18n';

// The sidebar asks on every plan change; the entries array only changes when
// a stakeholder does, so remember the answer per array (and day).
const cache = new WeakMap<object, { today: string; count: number }>();

/** Number of overdue actions and checkpoints in the register today. */
export function overdueBadgeCount(plan: Plan): number {
  const entries = plan.stakeholders.entries;
  const today = localToday();
  const hit = cache.get(entries);
  if (hit && hit.today === today) return hit.count;
  const count = entries.reduce((n, e) => n + overdueCount(e, today), 0);
  cache.set(entries, { today, count });
  return count;
}

/** What the badge says to a screen reader, in the UI's language: "4 overdue engagement actions". */
export function describeOverdueBadge(count: number): string {
  return i18n.t('stakeholders:badge', { count });
}
