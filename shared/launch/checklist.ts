/**
 * The onboarding checklist as the planner sees it: when each item is due
 * (its launch-relative or fixed date resolved against the timeline), which
 * items are overdue or due within a week, how a relative date reads in
 * words, and which register entries can be linked as partners involved.
 * Pure functions of the plan and "today" (YYYY-MM-DD, passed in). Words come
 * from the `onboarding` catalog through a `t` the UI passes in its language
 * (English by default, for tests and exports).
 */
import { englishTranslator } from '../i18n/english';
import type { Translator } from '../i18n/translator';
import type { ChecklistItem, LaunchDate, Plan, Stakeholder } from '../plan/schema';
import { daysFrom, launchStart, resolveLaunchDate } from './onboarding';

/** Days ahead within which an open checklist item counts as due soon. */
export const CHECKLIST_DUE_SOON_DAYS = 7;

/** Progress of a checklist item, in words. */
export const CHECKLIST_STATUS_LABELS: Record<ChecklistItem['status'], string> = {
  notStarted: 'Not started',
  inProgress: 'In progress',
  blocked: 'Blocked',
  done: 'Done',
};

/**
 * Where a checklist item stands today: done; overdue (its date has passed);
 * due soon (today or within {@link CHECKLIST_DUE_SOON_DAYS} days); scheduled;
 * no due date; or due relative to a launch start the timeline does not have.
 */
export type ChecklistDueState =
  'done' | 'overdue' | 'dueSoon' | 'scheduled' | 'noDate' | 'needsLaunchStart';

/** An item's due date resolved, and where it stands. */
export interface ChecklistDue {
  /** The calendar date (YYYY-MM-DD), or null when none can be worked out. */
  readonly date: string | null;
  readonly state: ChecklistDueState;
  /** Days from today to the date (negative: late); null without a date. */
  readonly days: number | null;
}

/** When an item is due, given the launch start (or null) and today. */
export function checklistItemDue(
  item: Pick<ChecklistItem, 'due' | 'status'>,
  start: string | null,
  today: string,
): ChecklistDue {
  const date = resolveLaunchDate(item.due, start);
  const days = date ? daysFrom(today, date) : null;
  if (item.status === 'done') return { date, state: 'done', days };
  if (!item.due) return { date: null, state: 'noDate', days: null };
  if (date === null || days === null) return { date: null, state: 'needsLaunchStart', days: null };
  if (days < 0) return { date, state: 'overdue', days };
  if (days <= CHECKLIST_DUE_SOON_DAYS) return { date, state: 'dueSoon', days };
  return { date, state: 'scheduled', days };
}

/** How many open items are overdue and how many are due within a week. */
export interface ChecklistAlerts {
  readonly overdue: number;
  readonly dueSoon: number;
}

/** Overdue and due-soon counts of a plan's checklist today. */
export function checklistAlerts(plan: Plan, today: string): ChecklistAlerts {
  const start = launchStart(plan);
  let overdue = 0;
  let dueSoon = 0;
  for (const item of plan.launch.checklist) {
    const { state } = checklistItemDue(item, start, today);
    if (state === 'overdue') overdue += 1;
    else if (state === 'dueSoon') dueSoon += 1;
  }
  return { overdue, dueSoon };
}

/** "2 overdue, 1 due this week"; '' when nothing needs attention. */
export function describeAlerts(
  { overdue, dueSoon }: ChecklistAlerts,
  t: Translator = englishTranslator,
): string {
  const late = overdue > 0 ? t('onboarding:alerts.overdue', { count: overdue }) : '';
  const soon = dueSoon > 0 ? t('onboarding:alerts.dueSoon', { count: dueSoon }) : '';
  return late && soon
    ? t('onboarding:alerts.both', { overdue: late, dueSoon: soon })
    : late || soon;
}

/** "14 days before launch", "On launch day", "1 day after launch". */
export function describeOffset(offsetDays: number, t: Translator = englishTranslator): string {
  if (offsetDays === 0) return t('onboarding:due.onLaunchDay');
  const count = Math.abs(offsetDays);
  return offsetDays < 0
    ? t('onboarding:due.before', { count })
    : t('onboarding:due.after', { count });
}

/** A due date in words without its calendar date: "14 days before launch", "Fixed date", "No due date". */
export function describeLaunchDateRule(
  due: LaunchDate | null,
  t: Translator = englishTranslator,
): string {
  if (!due) return t('onboarding:due.none');
  return due.anchor === 'launch'
    ? describeOffset(due.offsetDays, t)
    : t('onboarding:due.fixedDate');
}

/** Short text for where an item stands: "Overdue by 3 days", "Due today", "Due in 5 days". */
export function describeChecklistDue(due: ChecklistDue, t: Translator = englishTranslator): string {
  switch (due.state) {
    case 'done':
      return t('onboarding:due.done');
    case 'noDate':
      return t('onboarding:due.none');
    case 'needsLaunchStart':
      return t('onboarding:due.needsLaunchStart');
    case 'overdue':
      return t('onboarding:due.overdue', { count: -(due.days ?? 0) });
    default:
      if (due.days === 0) return t('onboarding:due.today');
      if (due.days === 1) return t('onboarding:due.tomorrow');
      return t('onboarding:due.inDays', { count: due.days ?? 0 });
  }
}

/** A group of register entries offered as partners involved. */
export interface PartnerGroup {
  readonly label: string;
  readonly entries: readonly Stakeholder[];
}

/**
 * Register entries that can be linked to a checklist item, grouped: program
 * & technology partners first (they run the platform and the program), then
 * the other partners, then other stakeholders (a funder agreeing reporting).
 * Each group keeps the register's order; empty groups are left out.
 */
export function partnerGroups(plan: Plan, t: Translator = englishTranslator): PartnerGroup[] {
  const entries = plan.stakeholders.entries;
  const isPartner = (e: Stakeholder) => e.relation === 'partner';
  const groups: PartnerGroup[] = [
    {
      label: t('onboarding:partners.groups.programTechnology'),
      entries: entries.filter((e) => isPartner(e) && e.partnerType === 'programTechnology'),
    },
    {
      label: t('onboarding:partners.groups.otherPartners'),
      entries: entries.filter((e) => isPartner(e) && e.partnerType !== 'programTechnology'),
    },
    {
      label: t('onboarding:partners.groups.otherStakeholders'),
      entries: entries.filter((e) => !isPartner(e)),
    },
  ];
  return groups.filter((g) => g.entries.length > 0);
}

/** Names of the register entries an item links to, in the item's order (ids no longer in the register are skipped). */
export function partnerNames(
  plan: Plan,
  ids: readonly string[],
  t: Translator = englishTranslator,
): string[] {
  const byId = new Map(plan.stakeholders.entries.map((e) => [e.id, e]));
  return ids.flatMap((id) => {
    const entry = byId.get(id);
    return entry ? [entry.name.trim() || entry.organisation.trim() || t('onboarding:unnamed')] : [];
  });
}
