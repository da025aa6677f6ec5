/**
 * The onboarding checklist as the planner sees it: when each item is due
 * (its launch-relative or fixed date resolved against the timeline), which
 * items are overdue or due within a week, how a relative date reads in
 * words, and which register entries can be linked as partners involved.
 * Pure functions of the plan and "today" (YYYY-MM-DD, passed in).
 */
import type { ChecklistItem, LaunchDate, Plan, Stakeholder } from '../plan/schema';
import { countOf } from '../words';
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
export function describeAlerts({ overdue, dueSoon }: ChecklistAlerts): string {
  const parts: string[] = [];
  if (overdue > 0) parts.push(`${overdue} overdue`);
  if (dueSoon > 0) parts.push(`${dueSoon} due this week`);
  return parts.join(', ');
}

/** "14 days before launch", "On launch day", "1 day after launch". */
export function describeOffset(offsetDays: number): string {
  if (offsetDays === 0) return 'On launch day';
  const days = countOf(Math.abs(offsetDays), 'day', 'days');
  return offsetDays < 0 ? `${days} before launch` : `${days} after launch`;
}

/** A due date in words without its calendar date: "14 days before launch", "Fixed date", "No due date". */
export function describeLaunchDateRule(due: LaunchDate | null): string {
  if (!due) return 'No due date';
  return due.anchor === 'launch' ? describeOffset(due.offsetDays) : 'Fixed date';
}

/** Short text for where an item stands: "Overdue by 3 days", "Due today", "Due in 5 days". */
export function describeChecklistDue(due: ChecklistDue): string {
  switch (due.state) {
    case 'done':
      return 'Done';
    case 'noDate':
      return 'No due date';
    case 'needsLaunchStart':
      return 'Launch start not set';
    case 'overdue':
      return `Overdue by ${countOf(-(due.days ?? 0), 'day', 'days')}`;
    default:
      if (due.days === 0) return 'Due today';
      if (due.days === 1) return 'Due tomorrow';
      return `Due in ${countOf(due.days ?? 0, 'day', 'days')}`;
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
export function partnerGroups(plan: Plan): PartnerGroup[] {
  const entries = plan.stakeholders.entries;
  const isPartner = (e: Stakeholder) => e.relation === 'partner';
  const groups: PartnerGroup[] = [
    {
      label: 'Program & technology partners',
      entries: entries.filter((e) => isPartner(e) && e.partnerType === 'programTechnology'),
    },
    {
      label: 'Other partners',
      entries: entries.filter((e) => isPartner(e) && e.partnerType !== 'programTechnology'),
    },
    { label: 'Other stakeholders', entries: entries.filter((e) => !isPartner(e)) },
  ];
  return groups.filter((g) => g.entries.length > 0);
}

/** Names of the register entries an item links to, in the item's order (ids no longer in the register are skipped). */
export function partnerNames(plan: Plan, ids: readonly string[]): string[] {
  const byId = new Map(plan.stakeholders.entries.map((e) => [e.id, e]));
  return ids.flatMap((id) => {
    const entry = byId.get(id);
    return entry ? [entry.name.trim() || entry.organisation.trim() || 'Unnamed'] : [];
  });
}
