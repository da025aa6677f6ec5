/**
 * The "Onboarding checklist" chapter of the Word plan and the rows of the
 * "Onboarding" sheet (issue 13): each step with its owner and partners
 * involved, when it is due (the calendar date, and how many days from the
 * launch when it is counted from the launch start), and — for the profiles
 * that keep statuses — where it stands on the export's "as of" date. The
 * team's notes on each step are internal (audience.ts `checklistNotes`);
 * statuses are left out of partner-safe files (`checklistStatus`).
 */
import {
  CHECKLIST_STATUS_LABELS,
  checklistItemDue,
  describeOffset,
  partnerNames,
} from '../launch/checklist';
import { launchStart, resolveLaunchDate } from '../launch/onboarding';
import type { ChecklistItem, Plan } from '../plan/schema';
import { countOf } from '../words';
import { shows } from './audience';
import { longDate as formatLongDate } from '../long-date';
import type { DocBlock } from './document';
import type { ExportOptions } from './options';

/** 28 October 2026; '—' when empty. */
const longDate = (iso: string | null): string => formatLongDate(iso, '—');

/** The status column's heading: "Status on 20 February 2027". */
export const statusHeading = (asOf: string) => `Status on ${longDate(asOf)}`;

const stepName = (item: ChecklistItem) => item.label.trim() || 'Untitled step';

/** When a step is due, in words: "12 March 2027 (20 days before launch)", "14 days before launch (launch start not set)". */
export function dueInWords(item: ChecklistItem, start: string | null): string {
  if (!item.due) return '—';
  if (item.due.anchor === 'date') return longDate(item.due.date);
  const rule = describeOffset(item.due.offsetDays);
  const date = resolveLaunchDate(item.due, start);
  return date ? `${longDate(date)} (${rule.toLowerCase()})` : `${rule} (launch start not set)`;
}

/** Where a step stands on `asOf`: its status, or "Overdue" when it is open and its date has passed. */
export function statusOn(item: ChecklistItem, start: string | null, asOf: string): string {
  const label = CHECKLIST_STATUS_LABELS[item.status];
  const due = checklistItemDue(item, start, asOf);
  return due.state === 'overdue' ? `Overdue (${label.toLowerCase()})` : label;
}

/** Whether the plan has a checklist to export. */
export function hasChecklist(plan: Plan): boolean {
  return plan.launch.checklist.length > 0;
}

/** The chapter's blocks; empty when the plan has no checklist. */
export function onboardingBlocks(plan: Plan, options: ExportOptions): DocBlock[] {
  const items = plan.launch.checklist;
  if (items.length === 0) return [];
  const start = launchStart(plan);
  const status = shows(options.profile, 'checklistStatus');
  const notes = shows(options.profile, 'checklistNotes') && items.some((i) => i.notes.trim());
  const relative = items.some((i) => i.due?.anchor === 'launch');
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      style: 'lead',
      text: `The steps that take learners from their invitation to their first lesson, who owns each and when it is due${
        start && relative ? `, counted from the launch on ${longDate(start)}` : ''
      }.`,
    },
  ];
  if (!start && relative)
    blocks.push({
      type: 'paragraph',
      style: 'note',
      text: 'The launch start is not set in the timeline yet, so steps due relative to the launch give the days before or after it instead of a date.',
    });
  if (status) {
    const done = items.filter((i) => i.status === 'done').length;
    const overdue = items.filter(
      (i) => checklistItemDue(i, start, options.asOf).state === 'overdue',
    ).length;
    blocks.push({
      type: 'paragraph',
      text: `On ${longDate(options.asOf)}, ${done} of the ${countOf(items.length, 'onboarding step', 'onboarding steps')} ${done === 1 ? 'is' : 'are'} done${
        overdue > 0 ? ` and ${overdue} ${overdue === 1 ? 'is' : 'are'} overdue` : ''
      }.`,
    });
  }
  blocks.push({
    type: 'table',
    columns: [
      { title: 'Step', width: notes ? 26 : 36 },
      { title: 'Owner and partners', width: notes ? 20 : 26 },
      { title: 'Due', width: notes ? 16 : 20 },
      ...(status ? [{ title: statusHeading(options.asOf), width: notes ? 12 : 18 }] : []),
      ...(notes ? [{ title: 'Notes', width: 26 }] : []),
    ],
    rows: items.map((item) => {
      const partners = partnerNames(plan, item.partnerIds);
      const owner = [item.owner.trim(), partners.length > 0 ? `With ${partners.join(', ')}` : '']
        .filter(Boolean)
        .join('\n');
      return [
        stepName(item),
        owner || '—',
        dueInWords(item, start),
        ...(status ? [statusOn(item, start, options.asOf)] : []),
        ...(notes ? [item.notes.trim() || '—'] : []),
      ];
    }),
  });
  return blocks;
}

/** One row of the Onboarding sheet. */
export interface OnboardingSheetRow {
  readonly id: string;
  readonly step: string;
  readonly owner: string;
  readonly partners: string;
  readonly due: string;
  /** The calendar date (YYYY-MM-DD), or null when none can be worked out. */
  readonly dueDate: string | null;
  /** Present only for the profiles that keep statuses. */
  readonly status?: string;
  /** Present only for the internal profile. */
  readonly notes?: string;
}

/** The Onboarding sheet's rows, for the profile of `options`. */
export function onboardingSheetRows(plan: Plan, options: ExportOptions): OnboardingSheetRow[] {
  const start = launchStart(plan);
  const status = shows(options.profile, 'checklistStatus');
  const notes = shows(options.profile, 'checklistNotes');
  return plan.launch.checklist.map((item) => ({
    id: item.id,
    step: stepName(item),
    owner: item.owner.trim(),
    partners: partnerNames(plan, item.partnerIds).join('; '),
    due: dueInWords(item, start),
    dueDate: resolveLaunchDate(item.due, start),
    ...(status ? { status: statusOn(item, start, options.asOf) } : {}),
    ...(notes ? { notes: item.notes.trim() } : {}),
  }));
}
